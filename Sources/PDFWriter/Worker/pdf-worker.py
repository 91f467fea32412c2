"""Imprint's PDF worker: WeasyPrint, or Typst, imported once, rendering the jobs Imprint sends it.

Imprint starts this program (`python3 -I -c LOADER LENGTH SITE`, the loader reading the text
of this file, LENGTH bytes, from standard input before the first job, so that the command
line stays short, and putting SITE, the package's own folder of Python packages when it
has one (then with `-S`, no other), first on the module path; `typst ROOT` after it for a Typst worker) in a process group of its own, with
a pipe on file descriptor 3 whose other end only Imprint holds. It speaks on standard input and output, each message a line of
JSON, followed by as many bytes as its "length" says:

- first, the worker says {"version": 2, "engine": "WeasyPrint 70.0"} (or "Typst 0.15.0"; or
  {"version": 2, "error": "..."} when its engine is not installed): the version the build
  stamp records;
- Imprint sends {"version": 2, "length": N, "folder": DIR, "assets": [DIR, ...], "epoch":
  SECONDS, "variant": "pdf/ua-1", "images": [{"path": FILE, "length": M}, ...], "files":
  [{"path": NAME, "length": M}, ...], "pages": true} and N bytes of XHTML, then M bytes of
  each image and of each file ("assets", "variant", "images", "files" and "pages" may be
  left out; "pages" asks for the reply's pages). For WeasyPrint
  the images are those the document shows as Imprint's reader read and checked them, which
  the fetcher serves for those files rather than read them again. For Typst, N is 0 and the
  files are the project Typst compiles (`typeset`), by name inside ROOT; the worker answers
  {"version": 2, "length": N, "warnings": [...], "pages": {ID: PAGE, ...}} and N bytes of
  PDF, or {"version": 2, "error": "...", "refused": [...], "warnings": [...]}. The warnings
  are the engine's own (a style sheet's unknown property or bad value, with its line and
  column); the pages (when asked for, and unless their ids pass PAGES_LIMIT), the printed
  number of the page each section (by its id) begins on.

The two messages are `PDFJob` and `PDFReply` in Imprint's Sources/PDFWriter/WorkerMessages.swift;
`read_job` and `reply` are their side here, and a job of another protocol version is refused.

Before the PDF is written, the WeasyPrint worker does what WeasyPrint 70 does not do by
itself: it keeps the end of every paragraph unhyphenated (`keep_last_lines_whole`), and it
measures the laid out pages and mends a page left part empty because a figure or a table did
not fit (`mend_gaps`) and a word its line breaker left alone on a line (`mend_runts`), laying
the document out once more when it does. (Typst does these itself, or its house template does.)

What a WeasyPrint document may load goes through `Fetcher`: a file inside the job's folder or
one of its asset folders (after every symbolic link is resolved), or a `data:` address of at
most DATA_LIMIT characters. Anything else (another file, `http:`, `https:`, `ftp:`) is refused
and named in the answer, and the job fails. Typst compiles inside ROOT, a private folder that
holds only the job's files, with no package folder. When Imprint goes away, however it ends,
the pipe on descriptor 3 closes and the worker's process group ends (`hold_lifeline`).
"""

import fcntl
import json
import logging
import os
import resource
import signal
import sys
import threading

# The version of the messages this worker speaks (WorkerMessages.version in Imprint).
PROTOCOL = 2
# The keys of a job, and those a job must have.
JOB_KEYS = {'version', 'length', 'folder', 'assets', 'epoch', 'variant', 'images', 'files', 'pages'}
REQUIRED_JOB_KEYS = {'version', 'length', 'folder', 'epoch'}
DATA_LIMIT = 64 * 1024
# The most characters of section ids a reply's pages may hold: a reply is one line, and a
# larger map is left out (the Word edition's contents then have no page numbers).
PAGES_LIMIT = 256 * 1024
FILE_LIMIT = 64 * 1024 * 1024
LIFELINE = 3
# The most memory (data and anonymous mappings) the worker may hold: a document that needs
# more fails with MemoryError rather than taking the machine. IMPRINT_PDF_MEMORY_MB changes it.
MEMORY_LIMIT = (int(os.environ.get('IMPRINT_PDF_MEMORY_MB', '4096')) if os.environ.get('IMPRINT_PDF_MEMORY_MB', '4096').isdigit() else 4096) << 20


def limit_memory():
    """Holds the worker to MEMORY_LIMIT (RLIMIT_DATA: heap and anonymous mappings)."""
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ValueError, OSError):
        pass


def hold_lifeline():
    """Ends this process group as soon as Imprint's end of the lifeline closes.

    The kernel does it: with O_ASYNC the pipe's closing sends SIGIO, whose default action
    ends the process, to the whole group at once, whatever the Python code is doing. A thread
    that waits for the end of the pipe does it too, where O_ASYNC is not to be had.
    """
    try:
        fcntl.fcntl(LIFELINE, fcntl.F_SETOWN, -os.getpgrp())
        fcntl.fcntl(LIFELINE, fcntl.F_SETFL, fcntl.fcntl(LIFELINE, fcntl.F_GETFL) | os.O_ASYNC)
    except OSError:
        pass
    threading.Thread(target=watch_lifeline, daemon=True).start()


def watch_lifeline():
    """Kills this process group once Imprint's end of the lifeline is closed."""
    try:
        while os.read(LIFELINE, 64):
            pass
    except OSError:
        pass
    os.killpg(0, signal.SIGKILL)


def find_libraries_in_loader_cache():
    """Makes `ctypes.util.find_library` answer from the dynamic loader's cache alone.

    WeasyPrint asks for each C library under every platform's name, and for each name that
    is not in the loader's cache the standard search runs `gcc` and `ld` as well. The names
    that matter on Linux are either in the cache or sonames that `dlopen` finds by itself,
    so the worker asks `ldconfig` and nothing else: no compiler runs, and WeasyPrint loads
    about a tenth of a second sooner.
    """
    import ctypes.util
    in_cache = getattr(ctypes.util, '_findSoname_ldconfig', None)
    if sys.platform.startswith('linux') and in_cache is not None:
        ctypes.util.find_library = in_cache


def keep_names_whole():
    """Hyphenation never splits a word that starts with a capital.

    Names ("Pyongyang", "Shoigu") and acronyms are set whole: a reader cannot tell where a
    foreign name may be broken, and the dictionaries do not know them. (How many letters
    each part keeps is the style sheet's `hyphenate-limit-chars`.)
    """
    import pyphen
    iterate = pyphen.Pyphen.iterate

    def iterate_unless_capitalised(self, word):
        return iter(()) if word[:1].isupper() else iterate(self, word)

    pyphen.Pyphen.iterate = iterate_unless_capitalised


# ---------- The ends of paragraphs ----------

# The elements whose own text is set in lines (and hyphenated), and those that hold blocks.
LINES = {'p', 'li', 'dd', 'figcaption', 'td', 'th'}
BLOCKS = {'p', 'div', 'ul', 'ol', 'dl', 'table', 'figure', 'blockquote', 'pre', 'section', 'aside'}
# How many characters at the end of a paragraph are never hyphenated: more than a line of
# the print edition's measure (about 95 at 10.5 pt on A4), so that neither the last line
# nor the one before it ends in a broken word.
LAST_LINE = 110


def keep_last_lines_whole(root):
    """Sets the last LAST_LINE characters of each paragraph in `span class="last-line"`.

    The print style sheet gives these spans `hyphens: manual`: a paragraph whose last line
    holds the rest of a hyphenated word is what a publisher sends back, and WeasyPrint has
    no `hyphenate-limit-last`. A note (`span.footnote`, set at the foot of the page) is not
    part of its paragraph's last line.
    """
    for block in root.iter():
        if block.tag in LINES and not any(inner.tag in BLOCKS for inner in block.iter() if inner is not block):
            protect_tail(block, LAST_LINE)


def text_slots(element, parent=None):
    """The text of `element` in reading order: (owner, 'text' or 'tail', owner's parent)."""
    if 'footnote' in (element.get('class') or '').split():
        return
    if element.text:
        yield element, 'text', parent
    for child in element:
        yield from text_slots(child, element)
        if child.tail:
            yield child, 'tail', element


def protect_tail(block, count):
    for owner, kind, parent in reversed(list(text_slots(block))):
        if count <= 0:
            return
        text = getattr(owner, kind)
        cut = 0 if len(text) <= count else max(text.rfind(' ', 0, len(text) - count), 0)
        count -= len(text) - cut
        span = owner.makeelement('span', {'class': 'last-line'})
        span.text = text[cut:]
        setattr(owner, kind, text[:cut] or None)
        if kind == 'text':
            owner.insert(0, span)
        else:
            parent.insert(list(parent).index(owner) + 1, span)


# ---------- Gaps left by what did not fit ----------

# Containers the layout descends through to find the first block of a page.
CONTAINERS = {'html', 'body', 'main', 'section', 'div', 'article'}
# Blocks of running text a figure may move past.
RUNNING_TEXT = {'p', 'ul', 'ol', 'dl', 'blockquote'}
# Values of `break-before` and `break-after` that begin a new page.
FORCED = {'page', 'left', 'right', 'recto', 'verso'}
# A gap worth mending: a quarter of the page's text area. A smaller one is ordinary
# typesetting, and not worth laying the document out again (about a third of a cold PDF's
# time).
GAP = 1 / 4
# Layouts at most: the first, and those after mending.
LAYOUTS = 3


def in_flow(box):
    return [child for child in (getattr(box, 'children', None) or [])
            if child.element is not None and child.is_in_normal_flow()]


def edge(box, index):
    """The boxes from `box` down to the first (index 0) or last (-1) block of a page's flow
    that is not a container."""
    chain = [box]
    while box.element_tag in CONTAINERS:
        children = in_flow(box)
        if not children:
            break
        box = children[index]
        chain.append(box)
    return chain


def forced_break(before, after):
    """Whether the style sheets begin a new page between two chains of boxes (a title page,
    the contents), which leaves nothing to mend."""
    return (any(box.style['break_after'] in FORCED for box in before)
            or any(box.style['break_before'] in FORCED for box in after))


def content_bottom(box):
    children = in_flow(box)
    if box.element_tag in CONTAINERS and children:
        return max(content_bottom(child) for child in children)
    return box.position_y + box.margin_height()


def root_box(page):
    return next((box for box in page._page_box.children if box.element_tag == 'html'), None)


def gaps(document):
    """(block, the box holding it, the gap's height) for each page whose next page begins
    with a figure, a table or a code block that did not fit below the page's text."""
    found = []
    for page, following in zip(document.pages, document.pages[1:]):
        if root_box(page) is None or root_box(following) is None:
            continue
        first = edge(root_box(following), 0)
        if len(first) < 2 or first[-1].element_tag not in ('figure', 'table', 'aside', 'pre'):
            continue
        if forced_break(edge(root_box(page), -1), first):
            continue
        area = page._page_box.height
        gap = page._page_box.content_box_y() + area - content_bottom(root_box(page))
        if gap > GAP * area:
            found.append((first[-1], first[-2], gap))
    return found


def mend_gaps(root, found, mended):
    """Moves a figure, with the boxes that explain it (the `aside`s right after it, such as
    the risk matrix's legend), after as much of the running text that follows them as fills
    the gap (text laid out on the next page, so its height is known); or lets a table, a box
    holding one, or a code block break across the pages (a table's header row is set
    again). A figure followed by a heading or another figure stays, and what was mended
    once (`mended`) is not mended again. Says whether anything changed."""
    parents = {child: parent for parent in root.iter() for child in parent}
    changed = False
    for block, holder, gap in found:
        element = block.element
        parent = parents.get(element)
        if parent is None or element in mended:
            continue
        mended.add(element)
        if element.tag == 'figure':
            siblings = list(parent)
            index = siblings.index(element)
            unit = [element]
            while index + len(unit) < len(siblings) and siblings[index + len(unit)].tag == 'aside':
                unit.append(siblings[index + len(unit)])
            heights = {child.element: child.margin_height() for child in in_flow(holder)}
            passed, height = [], 0
            for sibling in siblings[index + len(unit):]:
                # Only text laid out on that page has a known height.
                if sibling.tag not in RUNNING_TEXT or sibling not in heights or height >= gap:
                    break
                passed.append(sibling)
                height += heights[sibling]
            if passed:
                for moved in unit:
                    parent.remove(moved)
                at = list(parent).index(passed[-1]) + 1
                parent[at:at] = unit
                changed = True
        elif element.tag != 'aside' or element.find('.//table') is not None:
            for breakable in {element, *element.iter('table')}:
                breakable.set('style', 'break-inside: auto; ' + (breakable.get('style') or ''))
            changed = True
    return changed


# ---------- Words left alone on a line ----------

# A line of a paragraph holding one word in less than this share of the measure is a fault.
RUNT = 0.4


def line_text(box):
    if type(box).__name__ == 'TextBox':
        return box.text
    return ''.join(line_text(child) for child in getattr(box, 'children', None) or [])


def runts(document):
    """(paragraph element, word, the next line's first word) for each line inside a
    paragraph that holds one short word.

    WeasyPrint 70 sometimes sets the last word before a line that ends ahead of an inline
    element (a link, an emphasis) alone on a line of its own, in a paragraph that has room
    for it beside the next word. A paragraph with a line break (`br`) may have short lines
    on purpose, and is left as it is.
    """
    found = []

    def walk(box):
        children = getattr(box, 'children', None) or []
        lines = [child for child in children if type(child).__name__ == 'LineBox']
        if lines and box.element_tag == 'p' and box.element.find('.//br') is None:
            for line, following in zip(lines, lines[1:]):
                words, after = line_text(line).split(), line_text(following).split()
                extent = max((child.position_x + child.margin_width() for child in line.children),
                             default=line.position_x) - line.position_x
                if len(words) == 1 and after and extent < RUNT * box.width:
                    found.append((box.element, words[0], after[0].rstrip('\u2010\xad-')))
        for child in children:
            if type(child).__name__ != 'LineBox':
                walk(child)

    for page in document.pages:
        walk(page._page_box)
    return found


def mend_runts(found, mended):
    """Joins each word left alone to the word after it with a no-break space, so that the
    two share a line; says whether anything changed."""
    changed = False
    for paragraph, word, after in found:
        if (paragraph, word, after) in mended:
            continue
        mended.add((paragraph, word, after))
        slots = list(text_slots(paragraph))
        whole = ''.join(getattr(owner, kind) for owner, kind, _ in slots)
        pair = f'{word} {after}'
        position = whole.find(pair)
        while position >= 0:
            replace_character(slots, position + len(word), '\xa0')
            changed = True
            position = whole.find(pair, position + len(pair))
    return changed


def replace_character(slots, index, character):
    """Replaces the character at `index` of the text the slots hold together."""
    for owner, kind, _ in slots:
        text = getattr(owner, kind)
        if index < len(text):
            setattr(owner, kind, text[:index] + character + text[index + 1:])
            return
        index -= len(text)


def read_job(line):
    """A job from its line of JSON; ValueError when it is not one this worker can do."""
    job = json.loads(line)
    if not isinstance(job, dict):
        raise ValueError('a job is a JSON object')
    if job.get('version') != PROTOCOL:
        raise ValueError(f'the job is of version {job.get("version")} of the protocol; this worker speaks {PROTOCOL}')
    unknown, missing = set(job) - JOB_KEYS, REQUIRED_JOB_KEYS - set(job)
    if unknown or missing:
        raise ValueError(f'the job has unknown keys {sorted(unknown)} or lacks {sorted(missing)}')
    return job


def reply(engine=None, length=None, warnings=None, error=None, refused=None, pages=None):
    """A reply's header, with the keys given."""
    header = {'version': PROTOCOL, 'engine': engine, 'length': length, 'warnings': warnings, 'error': error, 'refused': refused,
              'pages': pages}
    return {key: value for key, value in header.items() if value is not None}


def send(stream, header, body=b''):
    stream.write(json.dumps(header).encode('utf-8') + b'\n' + body)
    stream.flush()


def inside(path, folder):
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def fetcher_class(weasyprint_urls):
    class Fetcher(weasyprint_urls.URLFetcher):
        """Serves files inside the job's folders and small `data:` addresses; refuses the rest."""

        def __init__(self, folders, refused, images=None):
            super().__init__(timeout=1, allowed_protocols={'data'}, allow_redirects=False)
            self.folders = folders
            self.refused = refused
            # The images Imprint sent, by where they are on disk: their checked bytes.
            self.images = images or {}

        def refuse(self, url, why):
            shown = url if len(url) <= 200 else url[:200] + '…'
            self.refused.append(f'{shown} ({why})')
            raise ValueError(f'refused by Imprint: {shown}')

        def fetch(self, url, headers=None):
            # Imported here, once: a Typst worker never loads what only WeasyPrint's fetcher needs.
            import mimetypes
            import urllib.parse
            import urllib.request
            scheme = url.split(':', 1)[0].lower() if ':' in url else ''
            if scheme == 'data':
                if len(url) > DATA_LIMIT:
                    self.refuse(url, f'a data: address longer than {DATA_LIMIT} characters')
                return super().fetch(url, headers)
            if scheme != 'file':
                self.refuse(url, 'only files in the report\'s folder may be read')
            parts = urllib.parse.urlsplit(url)
            if parts.netloc not in ('', 'localhost'):
                self.refuse(url, 'a file on another machine')
            path = os.path.realpath(urllib.request.url2pathname(parts.path))
            if not any(inside(path, folder) for folder in self.folders):
                self.refuse(url, 'outside the report\'s folder')
            if not os.path.isfile(path):
                self.refuse(url, 'not a regular file in the report\'s folder')
            body = self.images.get(path)
            if body is None:
                with open(path, 'rb') as file:
                    body = file.read(FILE_LIMIT + 1)
            if len(body) > FILE_LIMIT:
                self.refuse(url, 'larger than 64 MiB')
            kind = mimetypes.guess_type(path)[0] or 'application/octet-stream'
            return weasyprint_urls.URLFetcherResponse(url, body, {'Content-Type': kind})

    return Fetcher


class Warnings(logging.Handler):
    """WeasyPrint's warnings during one job, in the order given, each once."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        message = record.getMessage()
        if message not in self.messages:
            self.messages.append(message)


def lay_out(html, options):
    """Lays `html` out from its element tree as it now is (WeasyPrint's wrapper of the tree
    keeps the children it has seen, so it is made again)."""
    import cssselect2
    html.wrapper_element = cssselect2.ElementWrapper.from_html_root(html.etree_element, content_language=None)
    return html.render(**options)


def render(weasyprint, Fetcher, job, xhtml, images=None):
    folder = os.path.realpath(job['folder'])
    folders = [folder] + [os.path.realpath(assets) for assets in job.get('assets', [])]
    os.environ['SOURCE_DATE_EPOCH'] = str(int(job['epoch']))
    refused = []
    warnings = Warnings()
    logger = logging.getLogger('weasyprint')
    logger.addHandler(warnings)
    logger.setLevel(logging.WARNING)
    try:
        html = weasyprint.HTML(
            string=xhtml.decode('utf-8'), base_url=folder + os.sep, url_fetcher=Fetcher(folders, refused, images))
        options = {'pdf_variant': job['variant']} if job.get('variant') else {}
        keep_last_lines_whole(html.etree_element)
        document = lay_out(html, options)
        mended = set()
        for _ in range(LAYOUTS - 1):
            moved = mend_gaps(html.etree_element, gaps(document), mended)
            if not mend_runts(runts(document), mended) and not moved:
                break
            document = lay_out(html, options)
        pages = section_pages(html.etree_element, document) if job.get('pages') else None
        pdf = document.write_pdf(finisher=isbn_finisher(html.etree_element), **options)
    finally:
        logger.removeHandler(warnings)
        logger.setLevel(logging.ERROR)
    if refused:
        return reply(error='the document refers to what Imprint does not let the PDF engine read',
                     refused=refused, warnings=warnings.messages), b''
    return reply(length=len(pdf), warnings=warnings.messages, pages=pages), pdf


def isbn_finisher(root):
    """What writes the printed book's ISBN (the document's `citation_isbn`) into the PDF's
    document information, as `ISBN`; None when it has none."""
    isbn = next((meta.get('content') for meta in root.iter('meta')
                 if meta.get('name') == 'citation_isbn'), None)
    if not isbn:
        return None

    def finish(document, pdf):
        import pydyf
        pdf.info['ISBN'] = pydyf.String(isbn)
    return finish


def section_pages(root, document):
    """The number of the page each section (by its id) begins on: the first page that holds
    its anchor, as the contents page counts it."""
    wanted = {section.get('id') for section in root.iter('section') if section.get('id')}
    pages = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            if anchor in wanted:
                pages.setdefault(anchor, number)
    return bounded(pages)


def bounded(pages):
    """`pages`, or None when its ids pass PAGES_LIMIT."""
    return pages if sum(len(name) + 8 for name in pages) <= PAGES_LIMIT else None


# ---------- Typst ----------

# The file Typst compiles, among the job's files.
TYPST_MAIN = 'main.typ'


def project_path(root, name):
    """Where a job's file goes inside the compile root: a relative path of plain names,
    never outside the root (ValueError otherwise)."""
    parts = name.split('/')
    if not name or name.startswith('/') or any(part in ('', '.', '..') or '\0' in part for part in parts):
        raise ValueError(f'the file name {name[:200]!r} is not a plain relative path')
    return os.path.join(root, *parts)


def clear(root):
    """Empties the compile root: a job sees its own files and no earlier job's."""
    for entry in os.scandir(root):
        if entry.is_dir(follow_symlinks=False):
            clear(entry.path)
            os.rmdir(entry.path)
        else:
            os.unlink(entry.path)


def typeset(typst, compiler, root, job, files):
    """Compiles the job's Typst project (its files, written into the private root) to PDF.

    The root holds only what Imprint sent: the house template, the print XHTML, the print
    values and the images the report may use. Typst reads nothing outside it, and with no
    package folder and the package cache inside the emptied root it loads no package.
    """
    clear(root)
    for name, body in files.items():
        path = project_path(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as file:
            file.write(body)
    standards = [job['variant'].removeprefix('pdf/')] if job.get('variant') else []
    try:
        pdf, warnings = compiler.compile_with_warnings(
            input=os.path.join(root, TYPST_MAIN), format='pdf', pdf_standards=standards, timestamp=int(job['epoch']),
            sys_inputs={'section-pages': 'yes' if job.get('pages') else 'no'})
        # The template marks where each section begins; reading it back costs no new layout.
        marks = json.loads(compiler.query(selector='<imprint-section-page>', field='value')) if job.get('pages') else None
    except typst.TypstError as error:
        return reply(error=typst_message(error)), b''
    pages = bounded({mark['id']: mark['page'] for mark in marks if isinstance(mark, dict)}) if marks is not None else None
    return reply(length=len(pdf), warnings=[typst_message(warning) for warning in warnings], pages=pages), pdf


def typst_message(diagnostic):
    """Typst's words for an error or warning, with its hints, and without its trace."""
    message = getattr(diagnostic, 'message', None) or str(diagnostic)
    hints = getattr(diagnostic, 'hints', None) or []
    return message + ''.join(f' (hint: {hint})' for hint in hints)


def serve_typst(source, sink, root):
    """The worker's loop for Typst jobs: one compiler, kept warm (and its caches with it)."""
    # Typst's Rust aborts when it cannot allocate (the worker's memory limit): its last words
    # are then Imprint's to read, without a backtrace.
    os.environ['RUST_BACKTRACE'] = '0'
    try:
        from importlib.metadata import version
        import typst
        send(sink, reply(engine=f'Typst {version("typst")}'))
    except Exception as error:  # noqa: BLE001 (not installed, or unreadable: the answer either way)
        send(sink, reply(error=f'Typst is not installed for {sys.executable} ({error})'))
        return
    packages = os.path.join(root, '.packages')
    # The machine's fonts only, as WeasyPrint has them: Typst's own (Libertinus, New Computer
    # Modern) would otherwise stand in for a character the house fonts lack.
    fonts = typst.Fonts(include_system_fonts=True, include_embedded_fonts=False)
    compiler = typst.Compiler(root=root, font_paths=fonts, package_path=packages, package_cache_path=packages)

    def handle(job, stream):
        stream.read(job['length'])
        files = {entry['path']: stream.read(entry['length']) for entry in job.get('files', [])}
        return typeset(typst, compiler, root, job, files)

    serve(source, sink, handle)


def serve(source, sink, handle):
    """Answers jobs until Imprint closes the stream: `handle(job, source)` reads the job's
    bytes and gives the reply's header and body; what it raises fails that job alone."""
    while True:
        line = source.readline()
        if not line:
            return
        try:
            job = read_job(line)
        except ValueError as error:
            # A job it cannot read leaves the stream in a state nobody knows: the worker ends.
            send(sink, reply(error=f'the worker cannot read the job: {error}'))
            return
        try:
            header, body = handle(job, source)
        except MemoryError:
            header, body = reply(error=f'the PDF needs more than {MEMORY_LIMIT >> 20} MiB of memory, the worker\'s limit'), b''
        except Exception as error:  # noqa: BLE001 (reported to Imprint, which fails the build)
            header, body = reply(error=f'{type(error).__name__}: {error}'), b''
        send(sink, header, body)


def main():
    hold_lifeline()
    limit_memory()
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    # Nothing but the protocol goes to standard output.
    sys.stdout = sys.stderr
    if sys.argv[1:2] == ['typst']:
        serve_typst(source, sink, sys.argv[2])
        return
    # The version first, from the package's metadata, so that Imprint can decide whether
    # the PDF is up to date while WeasyPrint is still being imported.
    try:
        from importlib.metadata import version
        send(sink, reply(engine=f'WeasyPrint {version("weasyprint")}'))
    except Exception as error:  # noqa: BLE001 (not installed, or unreadable: the answer either way)
        send(sink, reply(error=f'WeasyPrint is not installed for {sys.executable} ({error})'))
        return
    try:
        find_libraries_in_loader_cache()
        import weasyprint
        import weasyprint.urls
        keep_names_whole()
        logging.getLogger('weasyprint').setLevel(logging.ERROR)
        Fetcher = fetcher_class(weasyprint.urls)
        problem = None
    except MemoryError:
        problem = f'WeasyPrint needs more than {MEMORY_LIMIT >> 20} MiB of memory, the worker\'s limit'
    except Exception as error:  # noqa: BLE001 (reported with every job)
        problem = f'cannot import WeasyPrint: {error}'
    def handle(job, stream):
        # The bytes are read whatever happens, so that the stream stays in step.
        xhtml = stream.read(job['length'])
        images = {image['path']: stream.read(image['length']) for image in job.get('images', [])}
        if problem:
            raise RuntimeError(problem)
        return render(weasyprint, Fetcher, job, xhtml, images)

    serve(source, sink, handle)


if __name__ == '__main__':
    main()
