"""Issue 32 point 5: a document printed to PDF by Chromium loses no text off the page.

Usage: python3 fits-a4.py DOCUMENT.html PRINTED.pdf

Poppler's `pdftotext -bbox` lists the words on each page with their boxes; text Chromium laid out
beyond the page's edge is cut off and is not listed at all (a 30-column table loses its last 13
columns). So every word a reader sees in the HTML (its text, the charts' labels included) must
be among the printed words, as often as the HTML has it, and every printed word must lie
within its page and be on an A4 page. Exit 1, naming the missing words, otherwise.
"""

import collections
import html
import html.parser
import re
import subprocess
import sys

A4 = (595.0, 842.0)  # points, as Chromium sizes A4 (594.96 × 841.92)


class Text(html.parser.HTMLParser):
    """The words a reader sees: every text node but the style and the title."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("style", "title", "head"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "head"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.words.extend(data.split())


def main(document: str, pdf: str) -> int:
    parser = Text()
    with open(document, encoding="utf-8") as f:
        parser.feed(f.read())
    seen = collections.Counter(parser.words)
    boxes = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True,
                           text=True).stdout
    printed: collections.Counter[str] = collections.Counter()
    problems = []
    width = height = 0.0
    for line in boxes.splitlines():
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if page:
            width, height = map(float, page.groups())
            if abs(width - A4[0]) > 1 or abs(height - A4[1]) > 1:
                problems.append(f"a page of {width} × {height} points, not A4")
            continue
        word = re.search(r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<',
                         line)
        if word:
            x0, y0, x1, y1 = map(float, word.groups()[:4])
            text = html.unescape(word.group(5))
            printed.update(text.split())
            if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
                problems.append(f"{text!r} lies outside its page ({x0:.0f}–{x1:.0f} of {width:.0f})")
    missing = seen - printed
    if missing:
        shown = ", ".join(f"{w!r}" + (f" ×{n}" if n > 1 else "") for w, n in missing.most_common(20))
        problems.append(f"{sum(missing.values())} words of the document are not on any page: {shown}")
    for p in problems:
        print(f"{document}: {p}")
    if not problems:
        print(f"{document}: all {sum(seen.values())} words on A4 pages")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
