"""`./workbook html`: executes every notebook and writes an offline HTML book.

Each page is a notebook with its outputs, a navigation bar at the top and the bottom (contents,
previous, next) and the chapter of the material it follows. The index page is the table of
contents: number, title, chapter followed, and what the page teaches. The book opens from the
file system with no server and no network, and can be copied elsewhere as one folder:
- plotly.js is inlined once per page (the kernel sends it with the first plot of a session);
- MathJax (equations) and require.js are copied once into `_static/` and shared by the pages
  (from Debian's libjs-mathjax / libjs-requirejs; without them equations load from a CDN).

The chapter a page follows comes from its first markdown cell: a line such as
"*Follows chapter 1 (Background) of the material.*" or "Chapter of the material: 2, 4"
(the first sentence that says "chapter" together with "follow" or "material").

Usage: build_book.py --out DIR [--reuse-executed DIR] NOTEBOOK...
  --reuse-executed DIR   use DIR/<name>.ipynb instead of executing when it is newer than the
                         notebook (the tests reuse run_notebooks.py's target/executed)
"""
import argparse
import html
import os
import re
import shutil
import sys

import nbformat
from nbconvert import HTMLExporter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_notebooks import execute  # noqa: E402  (one way to execute a notebook)

MATHJAX_DIR = "/usr/share/javascript/mathjax"
REQUIRE_JS = "/usr/share/javascript/requirejs/require.min.js"
# The parts of MathJax 2 that TeX input with CommonHTML output needs (about 3 MB of its 54 MB).
MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "config/local",
                 "extensions", "jax/input/TeX", "jax/output/CommonHTML", "jax/element",
                 "fonts/HTML-CSS/TeX/woff"]
MATHJAX_CDN = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
REQUIRE_CDN = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"

STYLE = ("font-family:sans-serif;padding:8px 16px;display:flex;gap:24px;flex-wrap:wrap;"
         "background:#f6f6f6;font-size:15px")


def markdown_cells(nb):
    return [cell.source for cell in nb.cells if cell.cell_type == "markdown"]


def title_of(nb, fallback):
    for source in markdown_cells(nb):
        match = re.search(r"^#\s+(.+)$", source, re.MULTILINE)
        if match:
            return match.group(1).strip()
    return fallback


def plain(markdown):
    """Markdown inline text as plain text (for the index and the navigation bar)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)   # links keep their text
    return re.sub(r"[*_`]", "", text).strip()


def chapter_of(nb):
    """The sentence of the first markdown cell that says which chapter of the material it follows."""
    cells = markdown_cells(nb)
    if not cells:
        return ""
    for line in cells[0].splitlines():
        for sentence in re.split(r"(?<=[.;])\s+", plain(line)):
            lowered = sentence.lower()
            if "chapter" in lowered and ("follow" in lowered or "material" in lowered):
                return sentence.rstrip(".;")
    return ""


def learn_bullets(nb, limit=5):
    cells = markdown_cells(nb)
    bullets = re.findall(r"^\s*[-*]\s+(.+)$", cells[0], re.MULTILINE) if cells else []
    return [plain(b).rstrip(";.") for b in bullets[:limit]]


def nav(pages, index, chapter):
    links = ['<a href="index.html">Contents</a>']
    if index > 0:
        links.append(f'<a rel="prev" href="{pages[index - 1]["page"]}">&larr; {html.escape(pages[index - 1]["title"])}</a>')
    if index + 1 < len(pages):
        links.append(f'<a rel="next" href="{pages[index + 1]["page"]}">{html.escape(pages[index + 1]["title"])} &rarr;</a>')
    if chapter:
        links.append(f'<span class="workbook-chapter" style="margin-left:auto;color:#555">{html.escape(chapter)}</span>')
    return f'<nav class="workbook-nav" style="{STYLE}">' + "".join(links) + "</nav>"


def copy_static(out):
    """Copies MathJax and require.js next to the pages; returns their URLs (relative, or a CDN)."""
    static = os.path.join(out, "_static")
    mathjax_url, require_url = MATHJAX_CDN, REQUIRE_CDN
    if os.path.isfile(os.path.join(MATHJAX_DIR, "MathJax.js")):
        for part in MATHJAX_PARTS:
            source, target = os.path.join(MATHJAX_DIR, part), os.path.join(static, "mathjax", part)
            if os.path.isdir(source):
                shutil.copytree(source, target, dirs_exist_ok=True)
            elif os.path.isfile(source):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(source, target)
        mathjax_url = "_static/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
    else:
        print(f"note: MathJax not found in {MATHJAX_DIR} (apt-get install libjs-mathjax); equations need a network")
    if os.path.isfile(REQUIRE_JS):
        os.makedirs(static, exist_ok=True)
        shutil.copyfile(REQUIRE_JS, os.path.join(static, "require.min.js"))
        require_url = "_static/require.min.js"
    return mathjax_url, require_url


def executed_notebook(path, out, reuse):
    name = os.path.basename(path)
    if reuse:
        candidate = os.path.join(reuse, name)
        if os.path.exists(candidate) and os.path.getmtime(candidate) >= os.path.getmtime(path):
            print(f"reusing {candidate}", flush=True)
            return nbformat.read(candidate, as_version=4)
    executed_dir = os.path.join(out, "executed")
    seconds, peak = execute(path, executed_dir)
    print(f"executed {name} in {seconds:.1f} s (kernel peak {peak:.0f} MiB)", flush=True)
    return nbformat.read(os.path.join(executed_dir, name), as_version=4)


def index_page(pages):
    rows = []
    for page in pages:
        learn = "".join(f"<li>{html.escape(b)}</li>" for b in page["learn"])
        rows.append(f"""<tr><td>{html.escape(page["number"])}</td>
<td><a href="{page["page"]}">{html.escape(page["title"])}</a>{f'<ul>{learn}</ul>' if learn else ''}</td>
<td>{html.escape(page["chapter"]) or '-'}</td></tr>""")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>rnn-workbook: contents</title>
<style>
body {{ font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 8px; vertical-align: top; text-align: left; }}
td ul {{ margin: 4px 0 0 0; padding-left: 1.2em; color: #444; font-size: 90%; }}
</style></head>
<body>
<h1>rnn-workbook: recurrent neural networks and time series, in Java</h1>
<p>Every chapter executed, with its outputs and interactive plots. The pages open from the file
system, with no server and no network. To run and change the code, use <code>./workbook</code>.</p>
<table class="workbook-contents">
<thead><tr><th>#</th><th>notebook</th><th>chapter of the material it follows</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
</body></html>
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--reuse-executed", help="folder of already executed notebooks to use when fresh")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    pages = []
    for path in sorted(args.notebooks):
        name = os.path.basename(path)
        nb = executed_notebook(path, args.out, args.reuse_executed)
        number = re.match(r"(\d+)", name)
        pages.append({"page": name.replace(".ipynb", ".html"), "title": title_of(nb, name), "nb": nb,
                      "number": number.group(1) if number else "", "chapter": chapter_of(nb),
                      "learn": learn_bullets(nb)})

    mathjax_url, require_url = copy_static(args.out)
    exporter = HTMLExporter(mathjax_url=mathjax_url, require_js_url=require_url)
    for i, page in enumerate(pages):
        body, _ = exporter.from_notebook_node(page["nb"], resources={"metadata": {"name": page["title"]}})
        bar = nav(pages, i, page["chapter"])
        body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + bar, body, count=1)
        body = body.replace("</body>", bar + "</body>", 1)
        with open(os.path.join(args.out, page["page"]), "w", encoding="utf-8") as f:
            f.write(body)

    with open(os.path.join(args.out, "index.html"), "w", encoding="utf-8") as f:
        f.write(index_page(pages))
    print(f"book written: {os.path.join(args.out, 'index.html')} ({len(pages)} pages)")


if __name__ == "__main__":
    main()
