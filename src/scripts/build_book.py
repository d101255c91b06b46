"""`./workbook html`: executes every notebook and writes an offline HTML book.

Each page is a notebook with its outputs (plots carry plotly.js inline, so pages open from the
file system with no server and no network), a navigation bar (contents, previous, next), and an
index page with the table of contents.

Usage: build_book.py --out DIR NOTEBOOK...
"""
import argparse
import html
import os
import re
import sys

import nbformat
from nbconvert import HTMLExporter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_notebooks import execute  # noqa: E402  (one way to execute a notebook)


def title_of(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if match:
                return match.group(1).strip()
    return fallback


def nav(pages, index):
    links = ['<a href="index.html">Contents</a>']
    if index > 0:
        links.append(f'<a href="{pages[index - 1][0]}">&larr; {html.escape(pages[index - 1][1])}</a>')
    if index + 1 < len(pages):
        links.append(f'<a href="{pages[index + 1][0]}">{html.escape(pages[index + 1][1])} &rarr;</a>')
    return ('<nav class="workbook-nav" style="font-family:sans-serif;padding:8px 16px;border-bottom:1px solid #ccc;'
            'display:flex;gap:24px">' + "".join(links) + "</nav>")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    executed_dir = os.path.join(args.out, "executed")
    os.makedirs(args.out, exist_ok=True)

    pages = []
    for path in sorted(args.notebooks):
        name = os.path.basename(path)
        seconds, peak = execute(path, executed_dir)
        print(f"executed {name} in {seconds:.1f} s (kernel peak {peak:.0f} MiB)", flush=True)
        nb = nbformat.read(os.path.join(executed_dir, name), as_version=4)
        pages.append((name.replace(".ipynb", ".html"), title_of(nb, name), nb))

    exporter = HTMLExporter()
    for i, (page, title, nb) in enumerate(pages):
        body, _ = exporter.from_notebook_node(nb)
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav(pages, i), body, count=1)
        with open(os.path.join(args.out, page), "w", encoding="utf-8") as f:
            f.write(body)

    items = "\n".join(f'<li><a href="{page}">{html.escape(title)}</a> <small>({page[:-5]})</small></li>'
                      for page, title, _ in pages)
    with open(os.path.join(args.out, "index.html"), "w", encoding="utf-8") as f:
        f.write(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>rnn-workbook</title></head>
<body style="font-family:sans-serif;max-width:48em;margin:2em auto">
<h1>rnn-workbook: recurrent neural networks and time series, in Java</h1>
<p>Every chapter executed, with its outputs. The pages open from the file system, offline.</p>
<ol start="0">
{items}
</ol>
</body></html>
""")
    print(f"book written: {os.path.join(args.out, 'index.html')}")


if __name__ == "__main__":
    main()
