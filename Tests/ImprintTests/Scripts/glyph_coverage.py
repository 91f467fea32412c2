"""Says whether the fonts embedded in a PDF cover every character of its text.

    python3 glyph_coverage.py FILE.pdf

The fonts are those `pdffonts` lists, found on this machine with `fc-match` (by PostScript
name, else by family and style) and read with fontTools (which WeasyPrint installs); the text
is what `pdftotext` reads. Prints `ok`, or each character no embedded font has, and exits 1.
A Type 3 font is a colour font's glyphs drawn as pictures (Typst embeds the emoji so): it
stands for the colour emoji font.
"""

import subprocess
import sys
import unicodedata

from fontTools.ttLib import TTFont

STYLES = ('Bold', 'Italic', 'Oblique', 'BoldItalic', 'BoldOblique')


def run(*arguments):
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


def embedded_characters(pdf):
    covered = set()
    for line in run('pdffonts', pdf).splitlines()[2:]:
        name = line.split()[0].split('+', 1)[-1].removesuffix('-Identity-H')
        if name == '[none]' and 'Type 3' in line:
            name = 'NotoColorEmoji'
        found, path, index = run('fc-match', '-f', '%{postscriptname}\n%{file}\n%{index}', f':postscriptname={name}').split('\n')
        if found == name:
            covered.update(TTFont(path, fontNumber=int(index or 0), lazy=True).getBestCmap() or {})
            continue
        parts = name.split('-')
        style = []
        while parts and parts[-1] in STYLES:
            style.insert(0, parts.pop())
        family = ' '.join(parts)
        pattern = family + (':style=' + ' '.join(style) if style else '')
        found, path, index = run('fc-match', '-f', '%{family}\n%{file}\n%{index}', pattern).split('\n')
        if family not in found.split(','):
            sys.exit(f'{name}: no font of the family {family} on this machine (fc-match gave {found})')
        font = TTFont(path, fontNumber=int(index or 0), lazy=True)
        covered.update(font.getBestCmap() or {})
    return covered


def main():
    pdf = sys.argv[1]
    covered = embedded_characters(pdf)
    text = run('pdftotext', pdf, '-')
    missing = sorted({
        character for character in text
        if ord(character) not in covered
        and unicodedata.category(character) not in ('Cc', 'Cf', 'Zs', 'Zl', 'Zp')
        and not 0xFE00 <= ord(character) <= 0xFE0F
    })
    if missing:
        print('no embedded font has: ' + ' '.join(f'{c} (U+{ord(c):04X})' for c in missing))
        sys.exit(1)
    print('ok')


main()
