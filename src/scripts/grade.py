"""`./workbook grade`: executes students' notebooks and grades their exercises.

WARNING: grading RUNS THE STUDENTS' CODE with your user's rights. Run it in a throwaway
environment (a container or a virtual machine), never on a machine whose files you care about.

Each notebook is copied into a fresh temporary folder and executed there, cell by cell, in a fresh
Java kernel (its working folder is that temporary folder); a failing cell does not stop the later
ones. The notebook has a time limit (default 300 s); when it runs out the kernel and everything it
started are killed and the exercises not yet decided are "timed out". A crashing kernel (e.g.
`System.exit`) ends that notebook only. The student's file is only read, never written.

Verdicts come from the checker cells' output lines (see workbook.check.Check):
    PASSED exercise 2: <message>
    NOT YET exercise 2: <hint>
An exercise is the part of the notebook from the markdown cell that names it ("**Exercise 2.**")
to the next exercise. Its result is one of
    passed       the checker printed PASSED (and no NOT YET) for it
    failed       the checker printed NOT YET (detail: its hint), or the exercise has no checker and
                 its placeholder is still there (detail: not answered)
    error        no verdict, and a cell of the exercise raised an error (detail: the first error),
                 or the kernel died
    timed out    no verdict before the notebook's time limit
    not checked  no checker for this exercise (e.g. an answer in words) and no error
Results are printed as a table per student and written to grades.csv and grades.json.

The student is the notebook's folder below the folder given (submissions/alice/01.ipynb ->
alice), or the notebook's name when it lies directly in it.

Usage: grade.py [--out DIR] [--time-limit SECONDS] NOTEBOOK_OR_FOLDER...
"""
import argparse
import csv
import json
import os
import re
import shutil
import sys
import tempfile
import time

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from student_version import EXERCISE_HEADER, PLACEHOLDER_MESSAGE  # noqa: E402  (one convention)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VERDICT = re.compile(r"^(PASSED|NOT YET) exercise (\d+): (.*)$", re.MULTILINE)
WARNING = ("grading RUNS THE STUDENTS' CODE with your rights: run it in a throwaway environment "
           "(a container or a virtual machine)")
RESULTS = ("passed", "failed", "error", "timed out", "not checked")


def find_notebooks(arguments):
    """(student, path) for every notebook named or lying (at any depth) in a folder named."""
    found = []
    for argument in arguments:
        if os.path.isdir(argument):
            for folder, subfolders, files in os.walk(argument):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))   # .ipynb_checkpoints
                for name in sorted(files):
                    if name.endswith(".ipynb"):
                        relative = os.path.relpath(folder, argument)
                        student = name[:-len(".ipynb")] if relative == "." else relative
                        found.append((student, os.path.join(folder, name)))
        elif os.path.isfile(argument):
            found.append((os.path.basename(argument)[:-len(".ipynb")], argument))
        else:
            sys.exit(f"no such notebook or folder: {argument}")
    return found


def exercise_spans(nb):
    """{exercise number: (first cell, last cell)} from the markdown cells that name exercises."""
    starts = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            for number in EXERCISE_HEADER.findall(cell.source):
                starts.append((int(number), index))
    spans = {}
    for i, (number, start) in enumerate(starts):
        end = starts[i + 1][1] - 1 if i + 1 < len(starts) else len(nb.cells) - 1
        spans.setdefault(number, (start, max(start, end)))
    return spans


def text_of(output):
    if output.get("output_type") == "stream":
        return output.get("text", "")
    data = output.get("data", {})
    return data.get("text/plain", "") if isinstance(data.get("text/plain", ""), str) else ""


def first_line(text, limit=300):
    line = next((line.strip() for line in str(text).splitlines() if line.strip()), "")
    return line if len(line) <= limit else line[:limit] + "..."


def error_of(output):
    """A one-line description of an error output (without the kernel's colour codes)."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", f"{output.get('ename', 'error')}: {output.get('evalue', '')}")
    return first_line(plain)


def execute(path, time_limit):
    """Runs a copy of the notebook in a temporary folder; returns (executed nb, stopped at, how, seconds)."""
    with tempfile.TemporaryDirectory(prefix="workbook-grade-") as work:
        copy = os.path.join(work, os.path.basename(path))
        shutil.copyfile(path, copy)
        nb = nbformat.read(copy, as_version=4)
        for cell in nb.cells:   # a submitted notebook's own outputs must never count
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        started = time.monotonic()
        deadline = started + time_limit

        def remaining(_cell=None):
            return max(1, int(deadline - time.monotonic()))

        km = KernelManager(kernel_name="java")
        client = NotebookClient(nb, km=km, timeout=int(time_limit) + 1, timeout_func=remaining, allow_errors=True,
                                interrupt_on_timeout=False, resources={"metadata": {"path": work}})
        stopped_at, how = None, "completed"
        try:
            with client.setup_kernel():
                for index, cell in enumerate(nb.cells):
                    if time.monotonic() >= deadline:
                        stopped_at, how = index, "timed out"
                        break
                    try:
                        client.execute_cell(cell, index)
                    except CellTimeoutError:
                        stopped_at, how = index, "timed out"
                        break
                    except DeadKernelError:
                        stopped_at, how = index, "kernel died"
                        break
        except DeadKernelError:
            how = "kernel died"
        except Exception as error:   # a broken submission must not stop the grading of the others
            how = f"could not run: {type(error).__name__}: {first_line(error)}"
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=True)   # kills the kernel's whole process group
        if how != "completed" and stopped_at is None:
            stopped_at = 0
        return nb, stopped_at, how, time.monotonic() - started


def outcomes(nb, stopped_at, how):
    """[(exercise, result, detail)] for every exercise the notebook names or a checker reports."""
    verdicts = {}   # exercise -> list of (kind, text)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            for kind, number, text in VERDICT.findall(text_of(output)):
                verdicts.setdefault(int(number), []).append((kind, text.strip()))
    spans = exercise_spans(nb)
    results = []
    for number in sorted(set(spans) | set(verdicts)):
        found = verdicts.get(number, [])
        not_yet = [text for kind, text in found if kind == "NOT YET"]
        if found and not not_yet:
            results.append((number, "passed", found[0][1]))
            continue
        if not_yet:
            results.append((number, "failed", not_yet[0]))
            continue
        start, end = spans.get(number, (0, len(nb.cells) - 1))
        if stopped_at is not None and stopped_at <= end:
            if how == "timed out":
                results.append((number, "timed out", f"the notebook's time limit ran out in cell {stopped_at + 1}"))
            elif how == "kernel died":
                results.append((number, "error", f"the kernel died in cell {stopped_at + 1} "
                                                 "(System.exit, a crash, or out of memory)"))
            else:
                results.append((number, "error", how))
            continue
        errors = [output for cell in nb.cells[start:end + 1] for output in cell.get("outputs", [])
                  if output.get("output_type") == "error"]
        placeholder = PLACEHOLDER_MESSAGE.format(n=number)
        if any(placeholder in error_of(e) for e in errors):
            results.append((number, "failed", "not answered (the placeholder is still there)"))
        elif errors:
            results.append((number, "error", error_of(errors[0])))
        else:
            results.append((number, "not checked", "no checker for this exercise"))
    return results


def print_table(graded):
    by_student = {}
    for entry in graded:
        by_student.setdefault(entry["student"], []).append(entry)
    for student, entries in by_student.items():
        print(f"\n{student}")
        for entry in entries:
            print(f"  {entry['notebook']}  ({entry['seconds']:.1f} s, {entry['run']})")
            if not entry["exercises"]:
                print("    (no exercises found)")
            for row in entry["exercises"]:
                print(f"    exercise {row['exercise']:<3} {row['result']:<12} {row['detail']}")


def main():
    parser = argparse.ArgumentParser(description="Grade students' notebooks. " + WARNING + ".")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "grades"),
                        help="folder for grades.csv and grades.json (default target/grades)")
    parser.add_argument("--time-limit", type=float, default=300,
                        help="seconds per notebook before its kernel is killed (default 300)")
    parser.add_argument("paths", nargs="+", help="student notebooks, or folders holding them")
    args = parser.parse_args()
    print(f"WARNING: {WARNING}.", flush=True)
    notebooks = find_notebooks(args.paths)
    if not notebooks:
        sys.exit("no notebooks (*.ipynb) found in " + ", ".join(args.paths))

    graded = []
    for student, path in notebooks:
        print(f"grading {path} ...", flush=True)
        try:
            nb, stopped_at, how, seconds = execute(path, args.time_limit)
            rows = outcomes(nb, stopped_at, how)
        except Exception as error:   # e.g. not a notebook at all
            seconds, how, rows = 0.0, f"could not run: {type(error).__name__}: {first_line(error)}", []
        graded.append({"student": student, "notebook": os.path.basename(path), "path": os.path.abspath(path),
                       "seconds": round(seconds, 1), "run": how,
                       "exercises": [{"exercise": n, "result": r, "detail": d} for n, r, d in rows]})

    print_table(graded)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "grades.json"), "w", encoding="utf-8") as f:
        json.dump({"warning": WARNING, "time_limit_s": args.time_limit, "notebooks": graded}, f, indent=2)
    with open(os.path.join(args.out, "grades.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "notebook", "exercise", "result", "detail", "notebook_seconds", "run"])
        for entry in graded:
            for row in entry["exercises"] or [{"exercise": "", "result": "", "detail": ""}]:
                writer.writerow([entry["student"], entry["notebook"], row["exercise"], row["result"], row["detail"],
                                 entry["seconds"], entry["run"]])
    counts = {r: sum(1 for e in graded for row in e["exercises"] if row["result"] == r) for r in RESULTS}
    print("\n" + ", ".join(f"{n} {r}" for r, n in counts.items() if n) if any(counts.values()) else "\nno exercises")
    print(f"written: {os.path.join(args.out, 'grades.csv')} and grades.json")
    print(f"(reminder: {WARNING})")


if __name__ == "__main__":
    main()
