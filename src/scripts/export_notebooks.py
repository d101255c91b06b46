"""`./workbook export`: each notebook as a plain Java program (target/export/NotebookNN....java by default).

Reads the notebooks and says which code cells stay out of the programs, with the conventions the course
tools already use: a cell whose first line is a magic (`%maven`, `%%time`, ...) needs the kernel, a checker
cell (grade.is_checker) needs workbook.check; neither is part of the library. workbook.export.NotebookExport
does the rest (splitting cells with JShell, writing and compiling the programs against the library alone).

Usage: export_notebooks.py --java-classpath CP --library-classpath CP [--out DIR] [NOTEBOOK_OR_NAME...]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import nbformat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from grade import is_checker  # noqa: E402  (one way to recognise a checker cell)
from student_version import ROOT, resolve  # noqa: E402

MAGIC_REASON = "the kernel's magic {magic} (the notebook's kernel, not the library, runs it)"
CHECKER_REASON = "exercise checker (workbook.check is not part of the library)"


def first_code_line(source):
    return next((line.strip() for line in source.splitlines() if line.strip() and not line.strip().startswith("//")), "")


def cells_of(path):
    """The notebook's code cells, each with why it stays out of the program (or None)."""
    cells = []
    for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        first = first_code_line(cell.source)
        if first.startswith("%"):   # magics stand at the top of a cell (see workbook.kernel.Magics)
            left_out = MAGIC_REASON.format(magic=first.split()[0])
        elif is_checker(cell):
            left_out = CHECKER_REASON
        else:
            left_out = None
        cells.append({"index": index, "source": cell.source, "leftOut": left_out})
    return {"notebook": os.path.basename(path), "cells": cells}


def main():
    parser = argparse.ArgumentParser(description="Write each notebook as a plain Java program.")
    parser.add_argument("--java-classpath", required=True, help="classpath of workbook.export.NotebookExport")
    parser.add_argument("--library-classpath", required=True, help="the library and its dependencies, nothing else")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "export"))
    parser.add_argument("--java", default="java")
    parser.add_argument("notebooks", nargs="*", help="notebooks (paths or names like 05); default: all in notebooks/")
    args = parser.parse_args()
    notebooks = [cells_of(path) for path in resolve(args.notebooks)]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as cells:
        json.dump(notebooks, cells)
    try:
        status = subprocess.run([args.java, "-cp", args.java_classpath, "workbook.export.NotebookExport",
                                 args.out, args.library_classpath, cells.name]).returncode
    finally:
        os.unlink(cells.name)
    sys.exit(status)


if __name__ == "__main__":
    main()
