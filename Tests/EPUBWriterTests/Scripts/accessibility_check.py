"""What an e-book's claim of EPUB Accessibility 1.1 (WCAG 2.2 Level AA) stands on, checked
in the book itself (docs/accessibility.md lists the requirements).

    python3 accessibility_check.py BOOK.epub

Prints what is wrong, one line each; nothing when all is right. Checks: the package's
accessibility metadata and claim; in every content document and the navigation document,
the language (`lang` and `xml:lang`, alike), a page title, headings that never skip a level
downwards, alternative text on every image and inline SVG, header cells with a scope in
every table, words in every link; landmarks in the navigation document; the reading order
(every content document in the spine, in the order the contents lists them); and the
contrast of the TLP labels' colours on their black (at least 4.5:1).
"""

import posixpath
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

XHTML = '{http://www.w3.org/1999/xhtml}'
OPF = '{http://www.idpf.org/2007/opf}'
EPUB = '{http://www.idpf.org/2007/ops}'
SVG = '{http://www.w3.org/2000/svg}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

problems = []


def text_of(element):
    return ''.join(element.itertext()).strip()


def luminance(hex_colour):
    if len(hex_colour) == 3:
        hex_colour = ''.join(c * 2 for c in hex_colour)
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def check_document(name, root):
    html_lang, xml_lang = root.get('lang'), root.get(XML_LANG)
    if not html_lang or html_lang != xml_lang:
        problems.append(f'{name}: the language is not given alike in lang and xml:lang ({html_lang!r}, {xml_lang!r})')
    title = root.find(f'{XHTML}head/{XHTML}title')
    if title is None or not text_of(title):
        problems.append(f'{name}: no page title')
    last = None
    for element in root.iter():
        tag = element.tag
        if tag.startswith(XHTML) and re.fullmatch(r'h[1-6]', tag[len(XHTML):]):
            level = int(tag[-1])
            if last is not None and level > last + 1:
                problems.append(f'{name}: heading level {level} follows level {last} ({text_of(element)[:60]!r})')
            last = level
        elif tag == f'{XHTML}img':
            if not (element.get('alt') or '').strip() and element.get('role') != 'presentation':
                problems.append(f'{name}: an image without alternative text ({element.get("src")})')
        elif tag == f'{SVG}svg':
            labelled = element.get('aria-label') or element.find(f'{SVG}title') is not None
            if element.get('role') != 'img' or not labelled:
                problems.append(f'{name}: an inline SVG without role="img" and a label or title')
        elif tag == f'{XHTML}table':
            headers = list(element.iter(f'{XHTML}th'))
            if not headers:
                problems.append(f'{name}: a table without header cells')
            elif any(not cell.get('scope') for cell in headers):
                problems.append(f'{name}: a header cell without a scope')
        elif tag == f'{XHTML}a' and element.get('href') is not None:
            alt = ' '.join(image.get('alt') or '' for image in element.iter(f'{XHTML}img'))
            if not text_of(element) and not alt.strip() and not element.get('aria-label'):
                problems.append(f'{name}: a link without words ({element.get("href")})')


def main(path):
    with zipfile.ZipFile(path) as book:
        container = ET.fromstring(book.read('META-INF/container.xml'))
        package_path = next(e.get('full-path') for e in container.iter() if e.tag.endswith('rootfile'))
        folder = posixpath.dirname(package_path)
        package = ET.fromstring(book.read(package_path))
        metadata = package.find(f'{OPF}metadata')
        properties = {}
        for meta in metadata.iter(f'{OPF}meta'):
            if meta.get('property'):
                properties.setdefault(meta.get('property'), []).append((meta.text or '').strip())
        for needed in ('schema:accessMode', 'schema:accessibilityFeature', 'schema:accessibilityHazard', 'schema:accessibilitySummary'):
            if not properties.get(needed):
                problems.append(f'package: no {needed}')
        claim = properties.get('dcterms:conformsTo', [])
        if claim and claim != ['EPUB Accessibility 1.1 - WCAG 2.2 Level AA']:
            problems.append(f'package: an unknown conformance {claim}')
        items = {item.get('id'): item for item in package.iter(f'{OPF}item')}
        spine = [items[ref.get('idref')].get('href') for ref in package.iter(f'{OPF}itemref')]
        navigation = next(item.get('href') for item in items.values() if 'nav' in (item.get('properties') or '').split())
        for href in [navigation] + spine:
            check_document(href, ET.fromstring(book.read(posixpath.join(folder, href))))
        nav = ET.fromstring(book.read(posixpath.join(folder, navigation)))
        kinds = {element.get(f'{EPUB}type') for element in nav.iter(f'{XHTML}nav')}
        if 'landmarks' not in kinds or 'toc' not in kinds:
            problems.append(f'nav: the navigation document lacks landmarks or a contents ({sorted(k for k in kinds if k)})')
        # Reading order: the documents the contents links to come in the spine in that order.
        toc = next(element for element in nav.iter(f'{XHTML}nav') if element.get(f'{EPUB}type') == 'toc')
        linked = []
        for link in toc.iter(f'{XHTML}a'):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(navigation), link.get('href').split('#')[0]))
            if target not in linked:
                linked.append(target)
        positions = [spine.index(target) for target in linked if target in spine]
        if len(positions) != len(linked) or positions != sorted(positions):
            problems.append('spine: the reading order is not the contents\' order')
        labels = 0
        for name in [name for name in book.namelist() if name.endswith('.css')]:
            style = re.sub(r'/\*.*?\*/', '', book.read(name).decode('utf-8'), flags=re.S)
            background = re.search(r'\.tlp-label\s*\{[^}]*background(?:-color)?\s*:\s*#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b', style)
            for label, colour in re.findall(r'\.(tlp-(?!label)[a-z-]+)[^{]*\{[^}]*?(?<![-\w])color\s*:\s*#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b', style):
                if background is None:
                    problems.append(f'{name}: the TLP labels have colours but no background colour to read them on')
                    break
                labels += 1
                ratio = contrast(colour, background.group(1))
                if ratio < 4.5:
                    problems.append(f'{name}: {label} has a contrast of {ratio:.2f}:1 on its background, under 4.5:1')
        if labels == 0:
            problems.append('the book\'s style sheets give the TLP labels no colours to check')
    print('\n'.join(problems))


if __name__ == '__main__':
    main(sys.argv[1])
