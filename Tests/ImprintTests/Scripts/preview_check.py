"""The live preview in a real browser (Debian's chromium, headless, driven by Playwright).

    python3 preview_check.py PORT REPORT [xhtml|txt]

PORT is an `imprint watch REPORT --to xhtml,text --serve` (or, for `txt`, `--to text`)
already serving a report long enough to scroll (its name may hold spaces and accents, which
addresses percent-encode). The reader scrolls the edition, opened alone (the XHTML) and
inside `/`, the report is saved with a new word, and the page must show the word where the
reader was: the same scroll position, the edition loaded once for the save. Prints what is
wrong, one line each; nothing when all is right. Exit status 2 when the browser cannot be
started.
"""

import os
import sys
import time
import urllib.parse

from playwright.sync_api import sync_playwright

port, report = sys.argv[1], sys.argv[2]
kind = sys.argv[3] if len(sys.argv) > 3 else 'xhtml'
base = f'http://127.0.0.1:{port}'
edition = '/' + urllib.parse.quote(os.path.splitext(os.path.basename(report))[0] + '.' + kind)
problems = []
saves = 0


def save():
    """Appends a new word to the report, as an editor's save does, and gives the word."""
    global saves
    saves += 1
    word = f'Saved{saves}word'
    with open(report, 'a', encoding='utf-8') as file:
        file.write(f'\n{word}.\n')
    return word


def wait_for(check, seconds=20):
    """Whether `check` holds within `seconds` (a page caught mid-load is asked again)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return True
        except Exception:  # noqa: BLE001 (navigating: not yet)
            pass
        time.sleep(0.1)
    return False


def alone(page):
    """The XHTML edition opened alone: a save reloads it at the reader's place."""
    page.goto(base + edition)
    page.evaluate('window.scrollTo(0, 1500)')
    time.sleep(0.5)
    word = save()
    if not wait_for(lambda: word in page.content()):
        problems.append('the XHTML edition did not reload after a save')
    else:
        time.sleep(0.5)
        y = page.evaluate('window.scrollY')
        if abs(y - 1500) > 40:
            problems.append(f'the XHTML edition reloaded at scrollY {y}, not where the reader was (1500)')


with sync_playwright() as playwright:
    try:
        browser = playwright.chromium.launch(executable_path='/usr/bin/chromium', args=['--no-sandbox'])
    except Exception as error:  # noqa: BLE001 (no browser: the test says how to get one)
        print(f'chromium cannot start ({error}); Scripts/bootstrap installs it')
        sys.exit(2)
    page = browser.new_page(viewport={'width': 900, 'height': 700})

    # The XHTML edition alone: a save reloads it, at the place the reader had reached.
    if kind == 'xhtml':
        alone(page)

    # Inside `/`: the frame reloads once for a save, and keeps its place too.
    loads = []
    page.on('request', lambda request: loads.append(request.url) if edition in request.url else None)
    page.goto(base + '/')
    frame = None
    if wait_for(lambda: len(page.frames) > 1):
        frame = page.frames[1]
    if frame is None:
        problems.append(f'/ shows no frame for the {kind} edition')
    else:
        frame.wait_for_load_state()
        frame.evaluate('window.scrollTo(0, 1200)')
        time.sleep(0.5)
        loads.clear()
        word = save()
        if not wait_for(lambda: word in page.frames[1].content()):
            problems.append('the frame of / did not reload after a save')
        else:
            time.sleep(1.5)
            y = page.frames[1].evaluate('window.scrollY')
            if abs(y - 1200) > 40:
                problems.append(f'the frame reloaded at scrollY {y}, not where the reader was (1200)')
            if len(loads) != 1:
                problems.append(f'the {kind} edition was loaded {len(loads)} times for one save: {loads}')
    browser.close()

print('\n'.join(problems))
