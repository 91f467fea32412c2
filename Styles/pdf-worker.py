"""Imprint's PDF worker: WeasyPrint, imported once, rendering the jobs Imprint sends it.

Imprint starts this program (`python3 -c`, with the text of this file) in a process group of
its own, with a pipe on file descriptor 3 whose other end only Imprint holds. It speaks on
standard input and output, each message a line of JSON, followed by as many bytes as its
"length" says:

- first, the worker says {"engine": "WeasyPrint 70.0"} (or {"error": "..."} when WeasyPrint
  is not installed): the version the build stamp records;
- Imprint sends {"length": N, "folder": DIR, "epoch": SECONDS, "variant": "pdf/ua-1"} and N
  bytes of XHTML; the worker answers {"length": N, "warnings": [...]} and N bytes of PDF, or
  {"error": "...", "refused": [...], "warnings": [...]}. The warnings are WeasyPrint's own
  (a style sheet's unknown property or bad value, with its line and column).

What the document may load goes through `Fetcher`: a file inside the job's folder (after
every symbolic link is resolved), or a `data:` address of at most DATA_LIMIT characters.
Anything else (another file, `http:`, `https:`, `ftp:`) is refused and named in the answer,
and the job fails. When Imprint goes away, however it ends, the pipe on descriptor 3 closes
and the worker's process group ends (`hold_lifeline`).
"""

import fcntl
import json
import logging
import mimetypes
import os
import signal
import sys
import threading
import urllib.parse
import urllib.request

DATA_LIMIT = 64 * 1024
FILE_LIMIT = 64 * 1024 * 1024
LIFELINE = 3


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


def send(stream, header, body=b''):
    stream.write(json.dumps(header).encode('utf-8') + b'\n' + body)
    stream.flush()


def inside(path, folder):
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def fetcher_class(weasyprint_urls):
    class Fetcher(weasyprint_urls.URLFetcher):
        """Serves files inside one folder and small `data:` addresses; refuses the rest."""

        def __init__(self, folder, refused):
            super().__init__(timeout=1, allowed_protocols={'data'}, allow_redirects=False)
            self.folder = folder
            self.refused = refused

        def refuse(self, url, why):
            shown = url if len(url) <= 200 else url[:200] + '…'
            self.refused.append(f'{shown} ({why})')
            raise ValueError(f'refused by Imprint: {shown}')

        def fetch(self, url, headers=None):
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
            if not inside(path, self.folder):
                self.refuse(url, 'outside the report\'s folder')
            if not os.path.isfile(path):
                self.refuse(url, 'not a regular file in the report\'s folder')
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


def render(weasyprint, Fetcher, job, xhtml):
    folder = os.path.realpath(job['folder'])
    os.environ['SOURCE_DATE_EPOCH'] = str(int(job['epoch']))
    refused = []
    warnings = Warnings()
    logger = logging.getLogger('weasyprint')
    logger.addHandler(warnings)
    logger.setLevel(logging.WARNING)
    try:
        html = weasyprint.HTML(
            string=xhtml.decode('utf-8'), base_url=folder + os.sep, url_fetcher=Fetcher(folder, refused))
        options = {'pdf_variant': job['variant']} if job.get('variant') else {}
        pdf = html.write_pdf(**options)
    finally:
        logger.removeHandler(warnings)
        logger.setLevel(logging.ERROR)
    if refused:
        return {'error': 'the document refers to what Imprint does not let the PDF engine read',
                'refused': refused, 'warnings': warnings.messages}, b''
    return {'length': len(pdf), 'warnings': warnings.messages}, pdf


def main():
    hold_lifeline()
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    # Nothing but the protocol goes to standard output.
    sys.stdout = sys.stderr
    # The version first, from the package's metadata, so that Imprint can decide whether
    # the PDF is up to date while WeasyPrint is still being imported.
    try:
        from importlib.metadata import version
        send(sink, {'engine': f'WeasyPrint {version("weasyprint")}'})
    except Exception as error:  # noqa: BLE001 (not installed, or unreadable: the answer either way)
        send(sink, {'error': f'WeasyPrint is not installed for {sys.executable} ({error})'})
        return
    try:
        find_libraries_in_loader_cache()
        import weasyprint
        import weasyprint.urls
        keep_names_whole()
        logging.getLogger('weasyprint').setLevel(logging.ERROR)
        Fetcher = fetcher_class(weasyprint.urls)
        problem = None
    except Exception as error:  # noqa: BLE001 (reported with every job)
        problem = f'cannot import WeasyPrint: {error}'
    while True:
        line = source.readline()
        if not line:
            return
        job = json.loads(line)
        xhtml = source.read(job['length'])
        try:
            if problem:
                raise RuntimeError(problem)
            header, body = render(weasyprint, Fetcher, job, xhtml)
        except Exception as error:  # noqa: BLE001 (reported to Imprint, which fails the build)
            header, body = {'error': f'{type(error).__name__}: {error}'}, b''
        send(sink, header, body)


main()
