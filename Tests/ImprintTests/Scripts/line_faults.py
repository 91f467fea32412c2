"""Checks that the PDF worker mends the words WeasyPrint leaves alone on a line.

    python3 line_faults.py PDF-WORKER.py

Lays one paragraph (a link near its end) out at widths from 200 to 420 px, as WeasyPrint
alone and as the worker does (`runts`, `mend_runts`). Prints `ok` when WeasyPrint alone
leaves a word alone at some width (so the check can fail) and the worker at none; else what
it saw, and exits 1.
"""

import runpy
import sys

import weasyprint

PARAGRAPH = ('The corridor will stay a seasonal, state-steered corridor rather than a rival to Suez, '
             'and the shipyards remain the decisive suppliers of ice-class hulls for the route{} '
             '<a href="#p">Figure 1</a> shows.')


def faults(worker, mend):
    found = []
    for width in range(200, 420, 3):
        for joint in (', as', ''):
            html = weasyprint.HTML(string=f'<html><body><p id="p" style="width: {width}px; font: 14px serif">'
                                          f'{PARAGRAPH.format(joint)}</p></body></html>')
            document = worker['lay_out'](html, {})
            mended = set()
            while mend and worker['mend_runts'](worker['runts'](document), mended):
                document = worker['lay_out'](html, {})
            found += [(width, joint, word) for _, word, _ in worker['runts'](document)]
    return found


def main():
    worker = runpy.run_path(sys.argv[1], run_name='line_faults')
    alone, mended = faults(worker, mend=False), faults(worker, mend=True)
    if alone and not mended:
        print('ok')
        return
    print(f'WeasyPrint alone: {alone or "no fault, so the check proves nothing"}; mended: {mended}')
    sys.exit(1)


main()
