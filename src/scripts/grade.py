"""`./workbook grade`: runs students' notebooks in a sandbox and grades their exercises against
the teacher's notebooks.

Each submission is matched with the teacher's notebook of the same file name (--reference: the
notebooks or folders to take them from, default notebooks/; a single reference notebook serves
every submission). Only the exercises of the teacher's notebook are graded ("**Exercise 2.**" in
a markdown cell starts one; it lasts to the next).

The grader runs the student's code cells in order, in a fresh Java kernel inside a sandbox (see
sandbox.py: a read-only file system, a private tmpfs work folder and HOME, its own PID namespace,
capped heap, files, output and, where cgroups allow, memory and processes; the whole tree is
killed at the end). Where the student's notebook has a checker cell (one that calls
Check.exercise(...), ChapterNN.exerciseN(...) or ChapterNN.checkX(...)), the grader runs the
TEACHER's copy of it instead; a copy the student changed is reported as edited and never runs
(a checker's deprecated former name, ChapterNN.checkX for ChapterNN.exerciseN, is not a change).
A failing cell does not stop the later ones; the notebook has a time limit (default 300 s).

Verdicts never come from what the notebook prints. Each teacher's checker runs between
workbook.check.Recording.start() and a line sealed with HMAC-SHA256 under a fresh random key that
exists only in that cell's source; the grader accepts the verdicts of that line only when its seal
is right, and only for that checker's exercise. Printing "PASSED exercise 2: ..." or wrapping
System.out therefore changes nothing (see README.md, "Course use", for what code in the same JVM
can still do). An exercise's result is one of
    passed       the teacher's checker gave PASSED (and no NOT YET)
    failed       it gave NOT YET (detail: its hint), or the exercise has no checker and its
                 placeholder is still there (detail: not answered)
    error        no sealed verdict and a cell of the exercise (or the checker) raised an error,
                 the kernel died, or the sealed line did not arrive intact
    timed out    the time limit ran out before the checker had run
    not checked  the teacher's notebook has no checker for it (e.g. an answer in words)
A detail that starts with "checker cell edited" marks a submission whose checker cell was changed.
Results are printed as a table per student and written to grades.csv and grades.json, and each
notebook gets a feedback page, feedback/<student>/<notebook>.html (see feedback.py).

The student is the notebook's folder below the folder given (submissions/alice/01.ipynb ->
alice), or the notebook's name when it lies directly in it. The student's file is only read.

Usage: grade.py [--out DIR] [--time-limit S] [--reference NB_OR_DIR]... [--memory-mb MB]
                [--output-limit CHARS] NOTEBOOK_OR_FOLDER...
"""
import argparse
import base64
import csv
import hashlib
import hmac
import json
import os
import re
import secrets
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from student_version import EXERCISE_HEADER, MARKER, PLACEHOLDER_MESSAGE, unwrapped_checker  # noqa: E402  (one convention)
import sandbox  # noqa: E402
import feedback  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEALED = re.compile(r"WORKBOOK-SEAL ([A-Za-z0-9+/=]*) ([0-9a-f]{64})")   # workbook.check.Recording.seal
WARNING = ("grading RUNS THE STUDENTS' CODE: without bubblewrap (bwrap) it can change any file your user "
           "can; see README.md, 'Course use', for what the sandbox prevents")
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


CHECKER_CALL = re.compile(r"\b(?:Check|Chapter\d+\w*)\s*\.\s*(?:exercise\w*|check\w*|passed|notYet)\s*\(")


def is_checker(cell):
    """A checker cell calls a checker (Check.exercise(...), ChapterNN.exerciseN(...) or .checkSomething(...))
    and holds no solution."""
    return (cell.cell_type == "code" and CHECKER_CALL.search(cell.source) is not None
            and not any(MARKER.match(line) for line in cell.source.splitlines()))


def former_checker_names(folder=os.path.join(ROOT, "src", "main", "java", "workbook", "check")):
    """{"Chapter01.checkSeasonalDifference": "Chapter01.exercise1", ...}: each deprecated checker name and the
    exerciseN it delegates to, read from the Java sources (the one place that says so)."""
    names = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if re.fullmatch(r"Chapter\w+\.java", name):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for former, current in FORMER_NAME.findall(f.read()):
                    names[f"{name[:-5]}.{former}"] = f"{name[:-5]}.{current}"
    return names


FORMER_NAME = re.compile(r"@Deprecated\s+public static void (check\w+)\([^)]*\)\s*\{\s*(exercise\d+)\(")
FORMER_CALL = re.compile(r"\b(Chapter\w+)\s*\.\s*(check\w+)\s*\(")
FORMER_CHECKER_NAMES = former_checker_names()


def normalised(source):
    """The source compared with the teacher's checker: trailing spaces, nbgrader's wrapper and a checker's former
    name (a notebook handed out before ChapterNN.exerciseN) ignored."""
    source = FORMER_CALL.sub(lambda m: FORMER_CHECKER_NAMES.get(f"{m[1]}.{m[2]}", m[0][:-1]) + "(", source)
    return "\n".join(line.rstrip() for line in unwrapped_checker(source.strip()).strip().splitlines())


class Step:
    """One cell the grader runs: a student's cell (index into the submission) or a teacher's checker."""

    def __init__(self, source, student_index=None, exercise=None):
        self.source, self.student_index, self.exercise = source, student_index, exercise
        self.key = secrets.token_hex(32) if exercise is not None else None
        self.belongs = exercise   # the exercise whose span holds the cell (None before the first)
        self.outputs, self.ran = [], False

    def sealed_source(self):
        """The teacher's checker between the opening of a recording and its sealed line."""
        recording = "workbookGrade" + secrets.token_hex(6)
        return (f"var {recording} = workbook.check.Recording.start();\n{self.source}\n"
                f'workbook.display.Displays.display({recording}.seal("{self.key}"));')   # a display: no stream cap cuts it


def plan(submission, teacher):
    """The cells to run: the student's code cells, with each of the teacher's checker cells in place
    of the student's copy of it (matched by exercise; an edited copy is skipped). Returns
    (steps, {exercise: the index of its last step}, {exercises whose checker the student edited})."""
    teacher_spans, student_spans = exercise_spans(teacher), exercise_spans(submission)
    in_place, after, edited = {}, {}, set()
    for number, (first, last) in sorted(teacher_spans.items()):
        checkers = [(index - first, teacher.cells[index].source) for index in range(first, last + 1)
                    if is_checker(teacher.cells[index])]
        if number not in student_spans:
            edited.update([number] if checkers else [])
            after.setdefault(len(submission.cells) - 1, []).extend(Step(source, exercise=number) for _, source in checkers)
            continue
        student_first, student_last = student_spans[number]
        for offset, source in checkers:
            free = [i for i in range(student_first, student_last + 1)
                    if submission.cells[i].cell_type == "code" and i not in in_place]
            same = [i for i in free if normalised(submission.cells[i].source) == normalised(source)]
            if same:
                in_place[same[0]] = Step(source, student_index=same[0], exercise=number)
                continue
            edited.add(number)
            where = student_first + offset
            if where in free and not any(MARKER.match(line) for line in submission.cells[where].source.splitlines()):
                in_place[where] = Step(source, student_index=where, exercise=number)   # the edited copy does not run
            else:
                after.setdefault(student_last, []).append(Step(source, exercise=number))
    steps, last_step = [], {}
    for index, cell in enumerate(submission.cells):
        if index in in_place:
            steps.append(in_place[index])
        elif cell.cell_type == "code":
            steps.append(Step(cell.source, student_index=index))
        steps.extend(after.get(index, []))
    for position, step in enumerate(steps):
        if step.exercise is None:
            step.belongs = next((n for n, (first, last) in student_spans.items() if first <= step.student_index <= last), None)
        if step.belongs is not None:
            last_step[step.belongs] = position
    return steps, last_step, edited


class CappedClient(NotebookClient):
    """Keeps at most max_output characters of a notebook's outputs; the rest is dropped (and noted).
    A checker cell's outputs that carry a sealed line pass anyway (at most SEALED_BUDGET characters
    in all), so a flood in one exercise cannot cost the verdicts of the next."""

    SEALED_BUDGET = 100_000
    max_output = 20_000_000
    checker_cells = frozenset()
    kept = dropped = sealed_kept = 0

    def output(self, outs, msg, display_id, cell_index):
        if msg["msg_type"] in ("stream", "display_data", "execute_result", "error"):
            size = len(json.dumps(msg.get("content", {})))
            if self.kept + size > self.max_output:
                sealed = (cell_index in self.checker_cells and "WORKBOOK-SEAL" in text_of(dict(msg["content"], output_type=msg["msg_type"]))
                          and self.sealed_kept + size <= self.SEALED_BUDGET)
                if not sealed:
                    self.dropped += size
                    return None
                self.sealed_kept += size
            else:
                self.kept += size
        return super().output(outs, msg, display_id, cell_index)


def execute(path, teacher, time_limit, limits):
    """Runs the student's cells and the teacher's sealed checkers in a sandboxed kernel.
    Returns (steps, last step per exercise, edited exercises, stopped at step, how, seconds, sandbox)."""
    submission = nbformat.read(path, as_version=4)
    steps, last_step, edited = plan(submission, teacher)
    nb = nbformat.v4.new_notebook(metadata=submission.metadata)
    nb.cells = [nbformat.v4.new_code_cell(step.sealed_source() if step.exercise is not None else step.source)
                for step in steps]
    started = time.monotonic()
    deadline = started + time_limit

    def remaining(_cell=None):
        return max(1, int(deadline - time.monotonic()))

    stopped_at, how = None, "completed"
    with sandbox.Sandbox(limits) as box:
        client = CappedClient(nb, km=box.kernel_manager, timeout=int(time_limit) + 1, timeout_func=remaining,
                              allow_errors=True, interrupt_on_timeout=False, resources={"metadata": {"path": box.work}})
        client.max_output = limits.output_chars
        client.checker_cells = frozenset(index for index, step in enumerate(steps) if step.exercise is not None)
        try:
            with client.setup_kernel(**box.launch_options):
                for index, cell in enumerate(nb.cells):
                    if time.monotonic() >= deadline:
                        stopped_at, how = index, "timed out"
                        break
                    try:
                        client.execute_cell(cell, index)
                        steps[index].ran = True
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
            box.stop()   # the kernel, and every process of its sandbox (setsid ones too)
        description = box.description
    for step, cell in zip(steps, nb.cells):
        step.outputs = cell.get("outputs", [])
    if how != "completed" and stopped_at is None:
        stopped_at = 0
    if client.dropped:
        how += f" (output over {limits.output_chars} characters dropped)"
    return steps, last_step, edited, stopped_at, how, time.monotonic() - started, description


def sealed_verdicts(step):
    """[(kind, text)] for the step's own exercise from its correctly sealed line; None when none came."""
    for output in step.outputs:
        for match in SEALED.finditer(text_of(output)):
            payload = base64.b64decode(match.group(1))
            expected = hmac.new(step.key.encode(), payload, hashlib.sha256).hexdigest()
            if hmac.compare_digest(expected, match.group(2)):
                rows = [line.split("\t", 2) for line in payload.decode("utf-8").splitlines() if line]
                return [(kind, text) for kind, number, text in rows if number == str(step.exercise)]
    return None


def outcomes(teacher, steps, last_step, edited, stopped_at, how):
    """[(exercise, result, detail)] for every exercise of the teacher's notebook."""
    results = []
    for number in sorted(exercise_spans(teacher)):
        checkers = [step for step in steps if step.exercise == number]
        mine = [step for step in steps if step.exercise is None and step.belongs == number]
        errors = [output for step in mine for output in step.outputs if output.get("output_type") == "error"]
        note = "checker cell edited (it does not count; the teacher's checker ran instead): " if number in edited else ""
        found, checker_error, unsealed = [], None, False
        for step in checkers:
            step_errors = [o for o in step.outputs if o.get("output_type") == "error"]
            verdicts = sealed_verdicts(step) if step.ran else None
            if step_errors:
                checker_error = checker_error or error_of(step_errors[0])
            elif verdicts is None and step.ran:
                unsealed = True
            else:
                found.extend(verdicts or [])
        not_yet = [text for kind, text in found if kind == "NOT YET"]
        end = last_step.get(number, len(steps) - 1)
        if checkers and not checker_error and not unsealed and all(step.ran for step in checkers) and found:
            if not_yet:
                results.append((number, "failed", note + not_yet[0]))
            else:
                results.append((number, "passed", note + found[0][1]))
        elif stopped_at is not None and stopped_at <= end:
            if how.startswith("timed out"):
                results.append((number, "timed out", note + f"the notebook's time limit ran out in cell {cell_label(steps, stopped_at)}"))
            elif how.startswith("kernel died"):
                results.append((number, "error", note + f"the kernel died in cell {cell_label(steps, stopped_at)} "
                                                        "(a crash, a killed process, or out of memory)"))
            else:
                results.append((number, "error", note + how))
        elif any(PLACEHOLDER_MESSAGE.format(n=number) in error_of(e) for e in errors):
            results.append((number, "failed", note + "not answered (the placeholder is still there)"))
        elif errors:
            results.append((number, "error", note + error_of(errors[0])))
        elif checker_error:
            results.append((number, "error", note + "the checker raised " + checker_error))
        elif checkers:
            results.append((number, "error", note + "the checker's verdict did not arrive intact "
                                                    "(its output was redirected, dropped or changed)"))
        else:
            results.append((number, "not checked", "no checker for this exercise"))
    return results


def cell_label(steps, position):
    """The cell's number in the student's notebook (counting from 1); a checker the grader added has none."""
    step = steps[position]
    return str(step.student_index + 1) if step.student_index is not None else f"of the checker of exercise {step.exercise}"


def print_table(graded):
    by_student = {}
    for entry in graded:
        by_student.setdefault(entry["student"], []).append(entry)
    for student, entries in by_student.items():
        print(f"\n{student}")
        for entry in entries:
            print(f"  {entry['notebook']}  ({entry['seconds']:.1f} s, {entry['run']}; "
                  f"{entry['points']:g} of {entry['out_of']:g} points)")
            if not entry["exercises"]:
                print("    (no exercises found)")
            for row in entry["exercises"]:
                print(f"    exercise {row['exercise']:<3} {row['result']:<12} {row['detail']}")


def find_references(arguments):
    """{file name: path} of the teacher's notebooks named or lying directly in a folder named."""
    found = {}
    for argument in arguments:
        paths = sorted(os.path.join(argument, n) for n in os.listdir(argument) if n.endswith(".ipynb")) \
            if os.path.isdir(argument) else [argument]
        for path in paths:
            if not os.path.isfile(path):
                sys.exit(f"no such reference notebook or folder: {argument}")
            found[os.path.basename(path)] = path
    return found


def reference_for(path, references):
    """The teacher's notebook of a submission: the same file name, or the only reference given."""
    name = os.path.basename(path)
    if name in references:
        return references[name]
    if len(references) == 1:
        return next(iter(references.values()))
    raise ValueError(f"no teacher's notebook named {name} among the references ({len(references)} notebooks)")


POINTS = re.compile(r"Exercise\s+(\d+)\b[^\n]*?\((\d+(?:\.\d+)?)\s+points?\)")


def points_of(teacher):
    """{exercise: points}: "**Exercise 2.** (3 points) ..." in the teacher's notebook; 1 when not said."""
    points = {number: 1.0 for number in exercise_spans(teacher)}
    for cell in teacher.cells:
        if cell.cell_type == "markdown":
            for number, value in POINTS.findall(cell.source):
                points[int(number)] = float(value)
    return points


def grade_one(student, path, references, args, limits):
    """The grades.json entry of one submission."""
    entry = {"student": student, "notebook": os.path.basename(path), "path": os.path.abspath(path)}
    submission, steps, last_step = None, None, {}
    try:
        teacher = nbformat.read(reference_for(path, references), as_version=4)
        steps, last_step, edited, stopped_at, how, seconds, box = execute(path, teacher, args.time_limit, limits)
        submission = nbformat.read(path, as_version=4)
        rows = outcomes(teacher, steps, last_step, edited, stopped_at, how)
        points = points_of(teacher)
    except Exception as error:   # e.g. not a notebook at all, or no teacher's notebook for it
        seconds, how, rows, points, box = 0.0, f"could not run: {type(error).__name__}: {first_line(error)}", [], {}, ""
        submission, steps, last_step = None, None, {}
    exercises = [{"exercise": n, "result": r, "detail": d, "points": points.get(n, 1.0) if r == "passed" else 0.0,
                  "out_of": points.get(n, 1.0), "checker_edited": d.startswith("checker cell edited")}
                 for n, r, d in rows]
    entry.update({"seconds": round(seconds, 1), "run": how, "sandbox": box, "exercises": exercises,
                  "points": sum(e["points"] for e in exercises), "out_of": sum(e["out_of"] for e in exercises)})
    try:
        entry["feedback"] = feedback.write(os.path.join(args.out, "feedback"), entry, submission, steps, last_step)
    except Exception as error:   # a page that cannot be written must not cost the class its grades
        entry["feedback"] = None
        print(f"note: no feedback page for {student} ({os.path.basename(path)}): "
              f"{type(error).__name__}: {first_line(error)}", file=sys.stderr)
    return entry


def main():
    parser = argparse.ArgumentParser(description="Grade students' notebooks. " + WARNING + ".")
    parser.add_argument("--out", default=os.path.join(ROOT, "target", "grades"),
                        help="folder for grades.csv and grades.json (default target/grades)")
    parser.add_argument("--time-limit", type=float, default=300,
                        help="seconds per notebook before its kernel is killed (default 300)")
    parser.add_argument("--reference", action="append",
                        help="the teacher's notebooks (files or folders; default notebooks/): a submission is graded "
                             "against the one of the same name, or against the only one given")
    parser.add_argument("--memory-mb", type=int, default=3072,
                        help="memory per notebook: the Java heap gets two thirds; the cgroup, where writable, all")
    parser.add_argument("--output-limit", type=int, default=20_000_000,
                        help="characters of output kept per notebook (a plot carries plotly.js, 3.5 MB, once); the rest is dropped (default 20000000)")
    parser.add_argument("paths", nargs="+", help="student notebooks, or folders holding them")
    args = parser.parse_args()
    print(f"WARNING: {WARNING}.", flush=True)
    references = find_references(args.reference or [os.path.join(ROOT, "notebooks")])
    notebooks = find_notebooks(args.paths)
    if not notebooks:
        sys.exit("no notebooks (*.ipynb) found in " + ", ".join(args.paths))
    limits = sandbox.Limits(memory_mb=args.memory_mb, output_chars=args.output_limit)

    graded = []
    for student, path in notebooks:
        print(f"grading {path} ...", flush=True)
        graded.append(grade_one(student, path, references, args, limits))

    print_table(graded)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "grades.json"), "w", encoding="utf-8") as f:
        json.dump({"warning": WARNING, "time_limit_s": args.time_limit, "notebooks": graded}, f, indent=2)
    with open(os.path.join(args.out, "grades.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "notebook", "exercise", "result", "detail", "points", "out_of",
                         "notebook_points", "notebook_out_of", "notebook_seconds", "run"])
        for entry in graded:
            for row in entry["exercises"] or [{"exercise": "", "result": "", "detail": "", "points": "", "out_of": ""}]:
                writer.writerow([entry["student"], entry["notebook"], row["exercise"], row["result"], row["detail"],
                                 row["points"], row["out_of"], entry["points"], entry["out_of"], entry["seconds"],
                                 entry["run"]])
    feedback.write_index(os.path.join(args.out, "feedback"), graded)
    counts = {r: sum(1 for e in graded for row in e["exercises"] if row["result"] == r) for r in RESULTS}
    print("\n" + ", ".join(f"{n} {r}" for r, n in counts.items() if n) if any(counts.values()) else "\nno exercises")
    print(f"written: {os.path.join(args.out, 'grades.csv')}, grades.json and a feedback page per notebook "
          f"({os.path.join(args.out, 'feedback', 'index.html')})")


if __name__ == "__main__":
    main()
