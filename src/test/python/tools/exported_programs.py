"""Runs every program `./workbook export` wrote, against the library alone, and checks that each prints what its
notebook shows, in the same order.

Each program runs in a JVM of its own (the kernel's JVM options) through workbook.export.RecordedRun, which keeps
its output as a notebook keeps it (a display's last state; stdout, stderr; an uncaught exception). The outputs of
the notebook's cells that the program holds (export.json says which) are compared with the program's, line by
line, with the masks of `notebook_claims.py same` (timings, plot ids): a display by its plain text and, for a
figure, its plotly JSON (a program has no HTML). With --numbers=masked (what ./workbook test uses) any digits count
as the same and a note names the first line whose digits differ: DJL's float32 results differ in their last bits
between the kernel and a program (measured: notebooks 05, 06 and 09; in 09 a printed digit), so a program cannot
yet stand for the second execution of its notebook.

Usage: exported_programs.py --library-classpath CP --classes DIR --export DIR --executed DIR [--java-option=OPT...]
       [--numbers exact|masked] [--recorded DIR] [--jobs N] [--longest-first FILE] [NOTEBOOK_NAME...]
--jobs N runs up to N programs at once, each in its own JVM (default 1); no program's time is checked, so the checks
are the same. --longest-first FILE starts them by their notebooks' times in FILE (run_notebooks.py --summary),
longest first.
Exit status 1 with one line per problem, naming notebook, cell and the lines that differ.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import typing

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from notebook_claims import coalesced, comparable, load, masked_table, text_of  # noqa: E402  (the same masks)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from run_order import longest_first  # noqa: E402


PLOTLY_JSON = "application/vnd.plotly.v1+json"


def printed(output):
    """An output as a program can show it: streams and errors as they are, a display by its plain text (and a
    figure by its plotly JSON, its numbers), not by HTML."""
    if output.get("output_type") in ("display_data", "execute_result"):
        data = output.get("data", {})
        kept = {"text/plain": masked_table(text_of(data.get("text/plain", "")))}
        if PLOTLY_JSON in data:
            kept[PLOTLY_JSON] = data[PLOTLY_JSON]
        return {"output_type": "display_data", "data": kept}
    return output


def lines_of(outputs):
    return [line for output in coalesced([printed(o) for o in outputs]) for line in comparable(output)]


def notebook_lines(executed, cells):
    """(cell index, line) of every output line of the notebook's cells that the program holds, in order."""
    shown = []
    for index, cell in enumerate(load(executed)["cells"]):
        if cells.get(str(index)) == "in":
            shown += [(index, line) for line in lines_of(cell.get("outputs", []))]
    return shown


NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def numbers_masked(line):
    return NUMBER.sub("#", line)


def compare(name, shown, recorded, masked=False):
    """The first line where the program's output and the notebook's differ, as a problem; or None.
    masked: every number counts as the same (the same lines, words and order; digits may differ)."""
    program = lines_of(recorded)
    if masked:
        shown = [(cell, numbers_masked(line)) for cell, line in shown]
        program = [numbers_masked(line) for line in program]
    for position in range(max(len(shown), len(program))):
        cell, expected = shown[position] if position < len(shown) else (None, "<nothing>")
        got = program[position] if position < len(program) else "<nothing>"
        if expected != got:
            where = f"cell {cell}" if cell is not None else "after the last cell"
            return (f"{name} {where}: the program's output differs from the notebook's (line {position + 1}):\n"
                    f"    notebook: {expected[:300]}\n    program:  {got[:300]}")
    return None


def recorder_classes(classes, folder):
    """A folder holding workbook.export.RecordedRun only (nothing else of the exporter, kernel or checkers)."""
    target = os.path.join(folder, "workbook", "export")
    os.makedirs(target)
    for name in os.listdir(os.path.join(classes, "workbook", "export")):
        if name.startswith("RecordedRun"):
            shutil.copy(os.path.join(classes, "workbook", "export", name), target)
    return folder


class ProgramRun(typing.NamedTuple):
    problem: typing.Optional[str]   # None when the program printed its notebook's outputs
    lines: list                     # what to print as it finishes: a note on digits, then its status line
    seconds: float


def run_program(program, args, classpath, recorded_dir):
    """Runs one exported program in a JVM of its own and compares what it printed with its executed notebook."""
    name = program["notebook"]
    executed = os.path.join(args.executed, name)
    if not os.path.exists(executed):
        problem = f"{name}: no executed copy in {args.executed} to compare its program with"
        return ProgramRun(problem, [], 0.0)
    recorded_path = os.path.join(recorded_dir, program["program"] + ".json")
    started = time.monotonic()
    run = subprocess.run(["java", *args.java_option, "-cp", classpath, "workbook.export.RecordedRun",
                          recorded_path, program["program"]], capture_output=True, text=True)
    seconds = time.monotonic() - started
    if not os.path.exists(recorded_path):
        problem = (f"{name}: the program {program['program']} did not run (exit {run.returncode}): "
                   + (run.stderr.strip().splitlines() or ["no message"])[-1])
        return ProgramRun(problem, [f"FAIL {name}: {seconds:6.1f} s"], seconds)
    with open(recorded_path, encoding="utf-8") as f:
        recorded = json.load(f)
    shown = notebook_lines(executed, program["cells"])
    problem = compare(name, shown, recorded, masked=args.numbers == "masked")
    lines = []
    if args.numbers == "masked" and not problem:
        differing_digits = compare(name, shown, recorded)
        if differing_digits:
            lines.append("note (digits differ; this run fails only on text): " + differing_digits)
    if run.returncode != 0 and problem is None:
        problem = f"{name}: the program {program['program']} ended with exit status {run.returncode}"
    lines.append(f"{'FAIL' if problem else 'ok  '} {name}: {program['program']} in {seconds:6.1f} s")
    return ProgramRun(problem, lines, seconds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--library-classpath", required=True)
    parser.add_argument("--classes", required=True, help="target/classes (for workbook.export.RecordedRun)")
    parser.add_argument("--export", required=True, help="the folder ./workbook export wrote")
    parser.add_argument("--executed", required=True, help="the executed notebooks to compare with")
    parser.add_argument("--java-option", action="append", default=[], help="a JVM option (repeat; --java-option=-Xss8m)")
    parser.add_argument("--recorded", help="where to keep each program's recorded outputs (default: a temporary folder)")
    parser.add_argument("--numbers", choices=["exact", "masked"], default="exact",
                        help="exact: the same digits; masked: the same text with any digits (a note names the first "
                             "line whose digits differ)")
    parser.add_argument("--jobs", type=int, default=1, help="programs run at once (default 1)")
    parser.add_argument("--longest-first", metavar="FILE", help="start the programs longest first, by their"
                        " notebooks' times in FILE (run_notebooks.py --summary)")
    parser.add_argument("notebooks", nargs="*", help="only these notebooks (file names)")
    args = parser.parse_args()
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    with open(os.path.join(args.export, "export.json"), encoding="utf-8") as f:
        programs = json.load(f)
    if args.notebooks:
        programs = [p for p in programs if p["notebook"] in args.notebooks]
    scratch = tempfile.mkdtemp(prefix="exported-programs-")
    recorded_dir = args.recorded or os.path.join(scratch, "recorded")
    os.makedirs(recorded_dir, exist_ok=True)
    classpath = os.pathsep.join([os.path.join(args.export, "classes"),
                                 recorder_classes(args.classes, os.path.join(scratch, "recorder")),
                                 args.library_classpath])
    started = time.monotonic()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:   # each program: its own JVM
            started_in = longest_first(programs, args.longest_first, lambda program: program["notebook"])
            submitted = {id(program): pool.submit(run_program, program, args, classpath, recorded_dir)
                         for program in started_in}
            runs = [submitted[id(program)] for program in programs]
            for run in concurrent.futures.as_completed(runs):
                for line in run.result().lines:
                    print(line, flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results = [run.result() for run in runs]   # the programs' given order
    problems = [result.problem for result in results if result.problem]
    total = sum(result.seconds for result in results)
    for problem in problems:
        print("FAIL " + problem)
    print(f"{len(programs)} programs run in {total:.1f} s"
          + (f" ({time.monotonic() - started:.1f} s wall, {args.jobs} at once)" if args.jobs > 1 else "") + "; "
          + (f"every one printed its notebook's {'text' if args.numbers == 'masked' else 'digits'}"
             if not problems else f"{len(problems)} problems"))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
