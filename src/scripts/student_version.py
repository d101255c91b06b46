"""`./workbook student`: writes the student version of notebooks, without the solutions.

In each code cell, the lines from `// BEGIN SOLUTION` to `// END SOLUTION` (both included) are
replaced by a placeholder that compiles and fails with a friendly message:

    // Exercise 2: your code here (replace the line below)
    throw new UnsupportedOperationException("Exercise 2: your code here");

(`if (true) throw ...` when code follows the region inside its block, so that code stays
reachable.) The exercise's number is the one in the nearest markdown cell above that names it
("**Exercise 2.**" or "### Exercise 2"). Every other cell is unchanged; all outputs and execution
counts are cleared. A notebook with unbalanced or nested markers is refused with a message naming
the notebook, the cell and the line, and nothing is written for it.

With --nbgrader (default folder target/student-nbgrader/) the cells also carry nbgrader's cell
metadata, schema version 3, as nbgrader documents it (metadata.nbgrader):
    the markdown cell that names an exercise   read-only   {locked: true}
    a checker cell                             autograder test {grade: true, locked: true, points}
    a solution cell of a checked exercise      autograded answer {solution: true}
    a solution cell of an unchecked exercise   manually graded answer {solution: true, grade: true, points}
with grade_ids like `exercise2-check`, the exercise's points ("(3 points)" in its header, else 1)
split over its checker cells, and each checker cell wrapped so that it THROWS an AssertionError
naming the exercise and the hint unless the checker says PASSED (nbgrader's autograder deducts
a test cell's points only when it raises):
    var exercise2Verdicts = workbook.check.Recording.start();
    ...the checker cell, unchanged...
    exercise2Verdicts.requirePassed(2);
`./workbook grade` treats such a wrapped cell as the teacher's checker, unchanged.

Usage: student_version.py [--nbgrader] [--out DIR] [NOTEBOOK_OR_NAME...]   (default: every
notebooks/*.ipynb, into target/student/). A name like `01` or `01-time-series-data` means
notebooks/01*.ipynb.
"""
import argparse
import copy
import glob
import os
import re
import sys

import nbformat

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MARKER = re.compile(r"^(\s*)//\s*(BEGIN|END) SOLUTION\b")
EXERCISE_HEADER = re.compile(r"^\s*(?:#+\s*|\*\*)?Exercise\s+(\d+)\b", re.MULTILINE)
PLACEHOLDER_MESSAGE = "Exercise {n}: your code here"   # the same text as workbook.check.Check.placeholderMessage


class MarkerError(ValueError):
    """Unbalanced or nested solution markers; the message names the notebook, cell and line."""


def cell_label(index, cell):
    first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
    return f"cell {index + 1} (counting from 1, starting {first[:60]!r})"


def solution_regions(name, index, cell):
    """The (begin, end) line numbers of each solution region of a code cell, 0-based, inclusive."""
    regions, opened = [], None
    lines = cell.source.splitlines()
    for number, line in enumerate(lines):
        match = MARKER.match(line)
        if not match:
            continue
        where = f"{name}, {cell_label(index, cell)}, line {number + 1}"
        if match.group(2) == "BEGIN":
            if opened is not None:
                raise MarkerError(f"{where}: '// BEGIN SOLUTION' inside the solution region opened at line "
                                  f"{opened + 1}; solution regions cannot be nested")
            opened = number
        else:
            if opened is None:
                raise MarkerError(f"{where}: '// END SOLUTION' without a '// BEGIN SOLUTION' above it in the same cell")
            regions.append((opened, number))
            opened = None
    if opened is not None:
        raise MarkerError(f"{name}, {cell_label(index, cell)}, line {opened + 1}: '// BEGIN SOLUTION' is never closed "
                          "by '// END SOLUTION' in the same cell (a solution region cannot span cells)")
    return regions


def code_follows_in_block(lines, end, indent):
    """True when a statement follows the region inside the same block (then a plain throw would
    make it unreachable, a compile error)."""
    for line in lines[end + 1:]:
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        line_indent = len(line) - len(line.lstrip())
        return not (stripped.startswith("}") or line_indent < len(indent))
    return False


def placeholder(exercise, indent, guarded):
    message = PLACEHOLDER_MESSAGE.format(n=exercise)
    throw = f'throw new UnsupportedOperationException("{message}");'
    return [f"{indent}// {message} (replace the line below)",
            f"{indent}{'if (true) ' if guarded else ''}{throw}"]


def exercise_numbers(nb):
    """For each cell, the number of the exercise the nearest markdown cell above (or the cell itself) names."""
    numbers, current = [], None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = EXERCISE_HEADER.findall(cell.source)
            if found:
                current = int(found[-1])
        numbers.append(current)
    return numbers


def student_version(nb, name):
    """A copy of the notebook without solutions and outputs; raises MarkerError on bad markers."""
    student = copy.deepcopy(nb)
    numbers = exercise_numbers(nb)
    unnumbered = 0
    replaced = 0
    for index, cell in enumerate(student.cells):
        if cell.cell_type != "code":
            continue
        cell.outputs = []
        cell.execution_count = None
        regions = solution_regions(name, index, cell)
        if not regions:
            continue
        exercise = numbers[index]
        if exercise is None:
            unnumbered += 1
            exercise = unnumbered
            print(f"warning: {name}, {cell_label(index, cell)}: no markdown cell above names its exercise "
                  f"('**Exercise N.**'); the placeholder says 'Exercise {exercise}'", file=sys.stderr)
        lines = cell.source.splitlines()
        out, position = [], 0
        for begin, end in regions:
            indent = MARKER.match(lines[begin]).group(1)
            out.extend(lines[position:begin])
            out.extend(placeholder(exercise, indent, code_follows_in_block(lines, end, indent)))
            position = end + 1
        out.extend(lines[position:])
        cell.source = "\n".join(out)
        replaced += len(regions)
    return student, replaced


NBGRADER_SCHEMA_VERSION = 3
NBGRADER_WRAPPER = re.compile(r"\Avar (exercise\d+Verdicts\w*) = workbook\.check\.Recording\.start\(\);\n"
                              r"(?P<checker>.*)\n\1\.requirePassed\(\d+\);[^\n]*\Z", re.DOTALL)


def nbgrader_cell_metadata(grade_id, solution=False, grade=False, locked=False, points=None):
    """metadata.nbgrader of one cell: the four required keys, the grade_id, points only on grade cells."""
    meta = {"schema_version": NBGRADER_SCHEMA_VERSION, "grade": grade, "solution": solution, "locked": locked,
            "grade_id": grade_id}
    if grade:
        meta["points"] = int(points) if float(points).is_integer() else points
    return meta


def nbgrader_checker(source, exercise, name):
    """A checker cell that raises unless its checker gave the exercise PASSED (see Recording.requirePassed)."""
    return (f"var {name} = workbook.check.Recording.start();\n{source.rstrip()}\n"
            f"{name}.requirePassed({exercise});   // nbgrader: a NOT YET or no verdict raises, so the points are lost")


def unwrapped_checker(source):
    """The checker inside a cell that nbgrader_checker wrapped; any other source unchanged."""
    match = NBGRADER_WRAPPER.match(source.strip())
    return match.group("checker") if match else source


def with_nbgrader_metadata(student, teacher, name):
    """The student version with nbgrader's metadata on task, answer and checker cells (see the top)."""
    from grade import is_checker, points_of   # grade.py imports this module: imported here, not at the top
    points = points_of(teacher)
    numbers = exercise_numbers(teacher)
    checkers, answers = {}, {}
    for index, cell in enumerate(teacher.cells):
        if numbers[index] is None or cell.cell_type != "code":
            continue
        if is_checker(cell):
            checkers.setdefault(numbers[index], []).append(index)
        elif solution_regions(name, index, cell):
            answers.setdefault(numbers[index], []).append(index)
    used = {}

    def grade_id(exercise, role):
        base = f"exercise{exercise}-{role}"
        used[base] = used.get(base, 0) + 1
        return base if used[base] == 1 else f"{base}-{used[base]}"

    for index, cell in enumerate(student.cells):
        exercise = numbers[index]
        if exercise is None:
            continue
        if cell.cell_type == "markdown" and EXERCISE_HEADER.search(cell.source):
            cell.metadata["nbgrader"] = nbgrader_cell_metadata(grade_id(exercise, "task"), locked=True)
        elif index in checkers.get(exercise, []):
            share = points.get(exercise, 1.0) / len(checkers[exercise])
            cell_id = grade_id(exercise, "check")
            suffix = cell_id[len(f"exercise{exercise}-check"):].replace("-", "_")
            cell.source = nbgrader_checker(cell.source, exercise, f"exercise{exercise}Verdicts{suffix}")
            cell.metadata["nbgrader"] = nbgrader_cell_metadata(cell_id, grade=True, locked=True, points=share)
        elif index in answers.get(exercise, []):
            if exercise in checkers:   # autograded answer
                cell.metadata["nbgrader"] = nbgrader_cell_metadata(grade_id(exercise, "answer"), solution=True)
            else:                      # no checker: the teacher grades it by hand
                share = points.get(exercise, 1.0) / len(answers[exercise])
                cell.metadata["nbgrader"] = nbgrader_cell_metadata(grade_id(exercise, "answer"), solution=True,
                                                                   grade=True, points=share)
    return student


def resolve(arguments):
    """Notebook paths from paths or short names (`01`, `01-time-series-data`)."""
    if not arguments:
        return sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
    paths = []
    for argument in arguments:
        if os.path.isfile(argument):
            paths.append(argument)
            continue
        matches = sorted(glob.glob(os.path.join(ROOT, "notebooks", argument + "*.ipynb")))
        if len(matches) != 1:
            found = ", ".join(os.path.basename(m) for m in matches) or "none"
            raise SystemExit(f"'{argument}' should name one notebook (a path, or a name in notebooks/); found: {found}")
        paths.append(matches[0])
    return paths


def main():
    parser = argparse.ArgumentParser(description="Write student versions of notebooks (solutions replaced, outputs cleared).")
    parser.add_argument("--out", help="folder for the student versions (default target/student, "
                                      "with --nbgrader target/student-nbgrader)")
    parser.add_argument("--nbgrader", action="store_true",
                        help="add nbgrader cell metadata (schema 3); checker cells raise on a wrong or missing answer")
    parser.add_argument("notebooks", nargs="*", help="notebooks (paths or names like 01); default: all in notebooks/")
    args = parser.parse_args()
    args.out = args.out or os.path.join(ROOT, "target", "student-nbgrader" if args.nbgrader else "student")
    paths = resolve(args.notebooks)
    versions, problems = [], []
    for path in paths:
        name = os.path.basename(path)
        try:
            teacher = nbformat.read(path, as_version=4)
            student, replaced = student_version(teacher, name)
            if args.nbgrader:
                student = with_nbgrader_metadata(student, teacher, name)
            versions.append((name, student, replaced))
        except MarkerError as error:
            problems.append(str(error))
    if problems:   # nothing is written when any notebook is refused: a half-made hand-out is worse than none
        print("refused (nothing written):\n  " + "\n  ".join(problems), file=sys.stderr)
        sys.exit(1)
    originals = {os.path.abspath(p) for p in paths}
    for name, _, _ in versions:
        if os.path.abspath(os.path.join(args.out, name)) in originals:
            sys.exit(f"refusing to overwrite the original {name}: choose another --out folder")
    os.makedirs(args.out, exist_ok=True)
    for name, student, replaced in versions:
        nbformat.write(student, os.path.join(args.out, name))
        print(f"{name}: {replaced} solution region{'s' if replaced != 1 else ''} replaced")
    print(f"student versions written to {args.out}")


if __name__ == "__main__":
    main()
