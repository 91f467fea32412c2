"""Unit tests of the PDF worker's own code (Sources/PDFWriter/Worker/pdf-worker.py).

    python3 -m unittest discover -s Tests/PDFWriterTests/Worker

The fetcher's refusals, the ends of paragraphs kept whole, the gaps a figure leaves and
their mending, and the job's messages. WeasyPrint lays out the documents the gap tests
measure; `PDFWorkerProgramTests` runs this file, and pyflakes over it and the worker.
"""

import json
import os
import runpy
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER = runpy.run_path(os.path.join(HERE, '..', '..', '..', 'Sources', 'PDFWriter', 'Worker', 'pdf-worker.py'))


class Messages(unittest.TestCase):
    def test_a_job_of_this_version_is_read(self):
        job = WORKER['read_job'](json.dumps({'version': 2, 'length': 3, 'folder': '/r', 'epoch': 0}))
        self.assertEqual(job['length'], 3)

    def test_another_version_or_unknown_keys_are_refused(self):
        for job in ({'version': 1, 'length': 3, 'folder': '/r', 'epoch': 0},
                    {'length': 3, 'folder': '/r', 'epoch': 0},
                    {'version': 2, 'length': 3, 'folder': '/r', 'epoch': 0, 'network': True},
                    {'version': 2, 'length': 3, 'epoch': 0},
                    [1]):
            with self.assertRaises(ValueError, msg=job):
                WORKER['read_job'](json.dumps(job))

    def test_a_reply_carries_the_version_and_only_the_keys_given(self):
        self.assertEqual(WORKER['reply'](length=4, warnings=[]), {'version': 2, 'length': 4, 'warnings': []})


class TypstProject(unittest.TestCase):
    def test_a_file_goes_inside_the_root_or_is_refused(self):
        self.assertEqual(WORKER['project_path']('/root', 'images/map.svg'), '/root/images/map.svg')
        for name in ('', '/etc/passwd', '../x', 'images/../../x', 'a//b', './x', 'a/.', 'a\0b'):
            with self.assertRaises(ValueError, msg=name):
                WORKER['project_path']('/root', name)

    def test_the_root_is_emptied_between_jobs(self):
        with tempfile.TemporaryDirectory() as root:
            os.makedirs(os.path.join(root, 'images', 'deep'))
            for name in ('main.typ', 'images/deep/old.png'):
                with open(os.path.join(root, name), 'w') as file:
                    file.write('x')
            os.symlink('/etc', os.path.join(root, 'link'))
            WORKER['clear'](root)
            self.assertEqual(os.listdir(root), [])


class Fetcher(unittest.TestCase):
    def setUp(self):
        import weasyprint.urls
        self.folder = os.path.realpath(tempfile.mkdtemp())
        self.outside = os.path.realpath(tempfile.mkdtemp())
        with open(os.path.join(self.folder, 'inside.svg'), 'w') as file:
            file.write('<svg xmlns="http://www.w3.org/2000/svg"/>')
        with open(os.path.join(self.outside, 'secret.txt'), 'w') as file:
            file.write('secret')
        os.symlink(os.path.join(self.outside, 'secret.txt'), os.path.join(self.folder, 'link.txt'))
        os.mkdir(os.path.join(self.folder, 'sub'))
        self.refused = []
        self.fetcher = WORKER['fetcher_class'](weasyprint.urls)([self.folder], self.refused)

    def url(self, path):
        return 'file://' + path

    def test_a_file_inside_the_folder_is_served(self):
        response = self.fetcher.fetch(self.url(os.path.join(self.folder, 'inside.svg')))
        self.assertIn(b'<svg', response.read() if hasattr(response, 'read') else response.string)
        self.assertEqual(self.refused, [])

    def test_everything_else_is_refused_and_named(self):
        cases = {
            self.url(os.path.join(self.outside, 'secret.txt')): 'outside the report',
            self.url(os.path.join(self.folder, 'link.txt')): 'outside the report',
            self.url(os.path.join(self.folder, '..', os.path.basename(self.outside), 'secret.txt')): 'outside the report',
            self.url(os.path.join(self.folder, 'sub')): 'not a regular file',
            'file://elsewhere' + os.path.join(self.folder, 'inside.svg'): 'another machine',
            'https://example.org/x.png': 'only files',
            'ftp://example.org/x.png': 'only files',
            'data:text/plain,' + 'a' * (WORKER['DATA_LIMIT'] + 1): 'data: address longer',
        }
        for url, why in cases.items():
            with self.assertRaises(ValueError, msg=url):
                self.fetcher.fetch(url)
            self.assertIn(why, self.refused[-1], url)
        self.assertEqual(len(self.refused), len(cases))

    def test_an_image_imprint_sent_is_served_from_its_bytes(self):
        import weasyprint.urls
        path = os.path.join(self.folder, 'inside.svg')
        fetcher = WORKER['fetcher_class'](weasyprint.urls)([self.folder], self.refused, {path: b'<svg checked/>'})
        response = fetcher.fetch(self.url(path))
        self.assertEqual(response.read() if hasattr(response, 'read') else response.string, b'<svg checked/>')
        self.assertEqual(self.refused, [])

    def test_a_small_data_address_is_served(self):
        self.fetcher.fetch('data:text/plain,hello')
        self.assertEqual(self.refused, [])


class ParagraphEnds(unittest.TestCase):
    def paragraph(self, markup):
        root = ElementTree.fromstring(f'<body>{markup}</body>')
        WORKER['keep_last_lines_whole'](root)
        return root

    def test_the_last_characters_of_a_paragraph_are_kept_whole(self):
        words = ' '.join(f'word{n}' for n in range(60))
        root = self.paragraph(f'<p>{words}</p>')
        paragraph = root.find('p')
        span = paragraph.find('span')
        self.assertEqual(span.get('class'), 'last-line')
        self.assertTrue(span.text.startswith(' '), 'cut at a space')
        self.assertGreaterEqual(len(span.text), WORKER['LAST_LINE'])
        self.assertEqual((paragraph.text or '') + span.text, words, 'no character lost')

    def test_a_footnote_and_a_block_holder_are_left_alone(self):
        words = ' '.join(f'word{n}' for n in range(60))
        root = self.paragraph(f'<p>{words}<span class="footnote">{words}</span></p><li><p>short</p>{words}</li>')
        footnote = root.find('p').find("span[@class='footnote']")
        self.assertIsNone(footnote.find('span'), 'a note is not its paragraph\'s last line')
        self.assertEqual(root.find('li').findall("span[@class='last-line']"), [], 'an item holding a paragraph is not one')


class Gaps(unittest.TestCase):
    PAGE = '@page { size: 100mm 100mm; margin: 10mm } body { margin: 0; font: 10pt/12pt serif }'

    def document(self, body):
        import weasyprint
        html = weasyprint.HTML(string=f'<html><head><style>{self.PAGE}</style></head><body>{body}</body></html>')
        return html, WORKER['lay_out'](html, {})

    def test_a_figure_that_did_not_fit_leaves_a_gap_that_mending_fills(self):
        text = ''.join(f'<p>Paragraph {n}.</p>' for n in range(4))
        after = ''.join(f'<p>After {n}.</p>' for n in range(8))
        html, document = self.document(f'{text}<figure style="height: 60mm; margin: 0">F</figure>{after}')
        found = WORKER['gaps'](document)
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0][0].element_tag, 'figure')
        self.assertTrue(WORKER['mend_gaps'](html.etree_element, found, set()))
        body = [element for element in html.etree_element.iter() if element.tag == 'body'][0]
        order = [child.text for child in body]
        self.assertLess(order.index('After 0.'), order.index('F'), 'the figure moves after the text that followed it')
        remaining = WORKER['gaps'](WORKER['lay_out'](html, {}))
        self.assertTrue(all(gap < found[0][2] for _, _, gap in remaining), 'the gap is smaller')

    def test_a_small_gap_and_a_forced_break_are_left(self):
        text = ''.join(f'<p>Paragraph {n}.</p>' for n in range(18))
        _, small = self.document(f'{text}<figure style="height: 20mm; margin: 0">F</figure>')
        self.assertEqual(WORKER['gaps'](small), [])
        _, forced = self.document('<p>One.</p><figure style="height: 20mm; margin: 0; break-before: page">F</figure>')
        self.assertEqual(WORKER['gaps'](forced), [])


if __name__ == '__main__':
    unittest.main()
