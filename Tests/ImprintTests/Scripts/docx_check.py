"""Reads a Word edition with real readers and says what is wrong with it, one problem a line.

    docx_check.py REPORT.docx MODEL.json WORKDIR

- The package: every part is well-formed XML, has a content type, and every internal
  relationship's target is in the package.
- python-docx opens it, finds Word's built-in styles by name, and the marking in the
  header and footer.
- LibreOffice (headless) converts it to PDF, and poppler's pdftotext finds every word of
  the report in that PDF; Pandoc (-f docx -t plain) reads every word of it back.

"Every word" is every word of the model's visible text (inline text, code, titles, names,
captions' credits, the marking), from `imprint model`. Prints nothing when all is well.
"""
import json
import os
import posixpath
import re
import subprocess
import sys
import zipfile
import xml.dom.minidom

import docx
import pypandoc

path, model_path, work = sys.argv[1:4]
problems = []
WORD = re.compile(r"\w+", re.UNICODE)

with zipfile.ZipFile(path) as archive:
    names = archive.namelist()
    types = xml.dom.minidom.parseString(archive.read("[Content_Types].xml"))
    defaults = {e.getAttribute("Extension").lower() for e in types.getElementsByTagName("Default")}
    overrides = {e.getAttribute("PartName") for e in types.getElementsByTagName("Override")}
    for name in names:
        if "/" + name not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
            problems.append(f"{name}: no content type")
        if name.endswith((".xml", ".rels")):
            try:
                xml.dom.minidom.parseString(archive.read(name))
            except Exception as error:  # noqa: BLE001 - any parser error is the finding
                problems.append(f"{name}: not well-formed: {error}")
    for part in overrides:
        if part.lstrip("/") not in names:
            problems.append(f"{part}: has a content type but is not in the package")
    for rels in [n for n in names if n.endswith(".rels")]:
        base = posixpath.dirname(posixpath.dirname(rels))
        for relation in xml.dom.minidom.parseString(archive.read(rels)).getElementsByTagName("Relationship"):
            if relation.getAttribute("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(base, relation.getAttribute("Target")))
            if target not in names:
                problems.append(f"{rels}: {relation.getAttribute('Id')} points to {target}, which is missing")

document = docx.Document(path)
# Word's built-in names are matched without regard to case ("footnote text", "Footnote Text").
styles = {style.name.lower() for style in document.styles if style.name}
for wanted in ["Normal", "Title", "Heading 1", "Heading 2", "Caption", "footnote text", "Quote", "TOC Heading", "Table Grid"]:
    if wanted.lower() not in styles:
        problems.append(f"python-docx finds no style {wanted!r}")
with open(model_path, encoding="utf-8") as file:
    model = json.load(file)
marking = model["metadata"].get("marking") or {}
section = document.sections[0]
header = " ".join(p.text for p in section.header.paragraphs)
footer = " ".join(p.text for p in section.footer.paragraphs)
if marking.get("tlp") and "TLP:" + marking["tlp"] not in header + footer:
    problems.append(f"python-docx finds no TLP label in the header or footer: {header!r} {footer!r}")
if marking.get("classification"):
    # The marking at the top and the foot of every page, as in the print edition.
    for name, text in (("header", header), ("footer", footer)):
        if marking["classification"] not in text:
            problems.append(f"python-docx finds no classification in the {name}: {text!r}")
    if marking.get("tlp") and "TLP:" + marking["tlp"] not in header:
        problems.append(f"python-docx finds no TLP label in the header: {header!r}")

visible = []
def collect(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "title" and "url" in value:
                continue  # a link's title is a tooltip, shown by no printed page
            if value.get("type") == "footnoteReference":
                continue  # a note's label: the reader sees its number
            if k in ("url", "source", "alt", "identifier", "id", "target", "label", "lang", "licenseURL", "sourceURL", "email", "language", "extra", "keywords", "cover", "shortTitle", "width", "rights", "contact", "license", "issn", "attributes", "classes"):
                continue
            collect(v, k)
    elif isinstance(value, list):
        for item in value:
            collect(item, key)
    elif isinstance(value, str) and key in ("text", "code", "content", "title", "subtitle", "name", "affiliation", "credit", "classification", "notice"):
        visible.append(value)
collect(model)
wanted = {word.lower() for text in visible for word in WORD.findall(text)}
# A compound broken at its hyphen at the end of a line comes out of pdftotext joined.
joined = {}
for text in visible:
    for first, second in re.findall(r"(\w+)-(\w+)", text):
        joined.setdefault(first.lower(), set()).add((first + second).lower())
        joined.setdefault(second.lower(), set()).add((first + second).lower())

HANGUL_BREAK = re.compile(r"([\uac00-\ud7a3])\n([\uac00-\ud7a3])")

def missing(text):
    # LibreOffice breaks a Korean word between syllables at the end of a line.
    text = HANGUL_BREAK.sub(r"\1\2", text)
    found = {word.lower() for word in WORD.findall(text)}
    # A note's number, set superscript, comes out of pdftotext glued to the word before it.
    found |= {word.rstrip("0123456789") for word in found}
    return sorted(word for word in wanted - found if not joined.get(word, set()) & found)

profile = "file://" + os.path.join(work, "lo-profile")
subprocess.run(
    ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", work, path],
    check=True, capture_output=True, timeout=300)
pdf = os.path.join(work, os.path.splitext(os.path.basename(path))[0] + ".pdf")
text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True).stdout.decode("utf-8")
lost = missing(text)
if lost:
    problems.append(f"LibreOffice's PDF lacks {len(lost)} words: {lost[:20]}")
plain = pypandoc.convert_file(path, "plain", format="docx", extra_args=["--standalone"])
lost = missing(plain)
if lost:
    problems.append(f"Pandoc reads {len(lost)} words less: {lost[:20]}")

print("\n".join(problems))
