"""Opens the HTML export of an executed notebook in headless Chromium with no network and checks
that every plot is drawn (plotly's `.main-svg` elements exist).

Usage: browser_check.py NOTEBOOK.ipynb   (uses target/executed/<name> when present)
"""
import os
import re
import subprocess
import sys
import tempfile

import nbformat
from nbconvert import HTMLExporter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def chromium_dom(html_path):
    """The page's DOM after scripts ran; the network is cut so nothing can come from a CDN."""
    with tempfile.TemporaryDirectory() as profile:
        command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", f"--user-data-dir={profile}",
                   "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                   "--virtual-time-budget=20000", "--dump-dom", "file://" + html_path]
        result = subprocess.run(command, capture_output=True, text=True, timeout=180)
        return result.stdout


def main():
    source = sys.argv[1]
    executed = os.path.join(ROOT, "target", "executed", os.path.basename(source))
    nb = nbformat.read(executed if os.path.exists(executed) else source, as_version=4)
    figures = sum(1 for cell in nb.cells for out in cell.get("outputs", [])
                  if "Plotly.newPlot" in str(out.get("data", {}).get("text/html", "")))
    if figures == 0:
        sys.exit(f"FAIL {source}: no plotly figure in the executed notebook (run run_notebooks.py first)")
    html, _ = HTMLExporter().from_notebook_node(nb)
    if re.search(r'<script[^>]+src="https://cdn\.plot\.ly', html):
        sys.exit("FAIL: the page loads plotly.js from a CDN")
    out_dir = os.path.join(ROOT, "target", "browser-check")
    os.makedirs(out_dir, exist_ok=True)
    page = os.path.join(out_dir, os.path.basename(source).replace(".ipynb", ".html"))
    with open(page, "w", encoding="utf-8") as f:
        f.write(html)
    dom = chromium_dom(page)
    drawn = len(re.findall(r'class="plot-container plotly"', dom))   # one per plot plotly.js has drawn
    svgs = len(re.findall(r'class="main-svg"', dom))
    titles = len(re.findall(r'class="gtitle"', dom))                 # plotly 3+ would silently drop them
    print(f"{os.path.basename(page)}: {figures} figures in the notebook; Chromium, offline, drew {drawn} "
          f"({svgs} .main-svg layers, {titles} titles)")
    if drawn < figures or svgs < figures or titles < figures:
        sys.exit(f"FAIL: not every plot was drawn with its title; see {page}")


if __name__ == "__main__":
    main()
