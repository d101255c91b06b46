"""Tests of the course tools: `./workbook student` (student_version.py) and `./workbook grade` (grade.py).

Run with /usr/bin/python3 after `./workbook` has built the classes and installed the kernel
(`./workbook test` does both; standalone: eval "$(./workbook env | head -1)" first).

- For every notebook in notebooks/ and the fixture: the student version keeps no solution line,
  has a placeholder per solution region, leaves every other cell as it was and carries no outputs.
- Unbalanced, nested and unclosed markers are refused, naming notebook, cell and line.
- The reference versions pass every checker (read from target/executed when run_notebooks.py has
  just executed them, otherwise executed here).
- The student versions execute, and each checker fails with its "not answered yet" hint.
- The offline book (build_book.py) opened in headless Chromium with the network cut: every page
  loads, every plot draws (`.main-svg`), equations render, and every link between pages leads to
  a page of the book.
- `grade` on a folder with a reference notebook, a wrong answer, an infinite loop, a syntax error,
  a System.exit (refused by the kernel), a kernel killed outright, three forgers (a System.out wrapper, a printed phantom verdict, an edited checker),
  a vandal, a setsid escaper, a memory hog and an output flood grades each as it deserves, within
  its time limit, the next student unaffected, the teacher's files byte-identical afterwards and
  no process left behind.
- `grade` cuts the network where bwrap can: a submission cannot connect to a port on the
  grader's 127.0.0.1, and is graded as usual.
- `grade`'s feedback pages: each exercise's verdict, hint and points after its checker, and
  everything a student wrote or printed (HTML and script tags included) escaped, nothing loaded.
- `student --nbgrader`: every notebook's cells carry nbgrader metadata that passes the schema and
  rules nbgrader documents (a validator written from them, itself tested on broken metadata), and
  the fixture's nbgrader version, run in the real kernel, raises in its checker cells on blank,
  wrong and forging answers and raises nothing with the reference answers.
"""
import concurrent.futures
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

import nbformat

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
SCRIPTS = os.path.join(ROOT, "src", "scripts")
sys.path.insert(0, SCRIPTS)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))   # browser_check
import grade  # noqa: E402
import student_version as student_version_module  # noqa: E402
import sandbox  # noqa: E402
from run_order import longest_first  # noqa: E402
from student_version import (MARKER, MarkerError, solution_regions, student_version,  # noqa: E402
                             with_nbgrader_metadata)

FIXTURE = os.path.join(ROOT, "src", "test", "python", "fixtures", "course-exercises.ipynb")
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
FIXTURE_TIME_LIMIT = 30   # the fixture needs about 10 s; the infinite loop is killed at this limit
# The student versions (one notebook each, no time limit near) are graded, and the fixture's nbgrader versions executed,
# this many at once: a kernel keeps mostly one thread busy, so one at a time left the second core of a two-core test
# machine idle. The gradings that check time limits and "the next student unaffected" stay one grade.py run, one
# notebook after another.
GRADED_AT_ONCE = 2


def read(path):
    return nbformat.read(path, as_version=4)


def solution_lines(nb):
    """Distinctive lines of every solution region: long enough, and found nowhere outside the regions."""
    inside, outside = set(), set()
    for index, cell in enumerate(nb.cells):
        lines = cell.source.splitlines()
        regions = solution_regions("nb", index, cell) if cell.cell_type == "code" else []
        in_region = {n for begin, end in regions for n in range(begin + 1, end)}
        for n, line in enumerate(lines):
            (inside if n in in_region else outside).add(line.strip())
    return {line for line in inside - outside if len(line) >= 10 and not line.startswith("//")}


def edited(nb, cell_index, old, new):
    copy = nbformat.from_dict(json.loads(json.dumps(nb)))
    assert old in copy.cells[cell_index].source, (old, copy.cells[cell_index].source)
    copy.cells[cell_index].source = copy.cells[cell_index].source.replace(old, new)
    return copy


def run_grade(paths, out, time_limit, *options):
    started = time.monotonic()
    result = subprocess.run([sys.executable, os.path.join(SCRIPTS, "grade.py"), "--out", out,
                             "--time-limit", str(time_limit), *options, *paths], capture_output=True, text=True,
                            timeout=1200)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise AssertionError(f"grade.py failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    with open(os.path.join(out, "grades.json"), encoding="utf-8") as f:
        grades = json.load(f)
    return grades, result.stdout, seconds


def replaced(nb, cell_index, source):
    copy = nbformat.from_dict(json.loads(json.dumps(nb)))
    copy.cells[cell_index].source = source
    return copy


def results_by_exercise(entry):
    return {row["exercise"]: (row["result"], row["detail"]) for row in entry["exercises"]}


class CheckerCallTest(unittest.TestCase):
    """Checker cells are recognised by their call, under the one naming rule and under the former names."""

    CHECKS = os.path.join(ROOT, "src", "main", "java", "workbook", "check")

    def code_cell(self, source):
        return nbformat.v4.new_code_cell(source)

    def former_names(self):
        """ChapterNN.checkX for every deprecated former name in workbook.check."""
        names = []
        for path in sorted(glob.glob(os.path.join(self.CHECKS, "Chapter*.java"))):
            with open(path, encoding="utf-8") as f:
                source = f.read()
            chapter = os.path.basename(path)[:-len(".java")]
            names += [f"{chapter}.{m}" for m in re.findall(r"@Deprecated\s+public static void (check\w+)\(", source)]
        return names

    def test_new_and_former_calls_are_checkers_and_other_calls_are_not(self):
        former = self.former_names()
        self.assertIn("Chapter01.checkSeasonalDifference", former)
        self.assertIn("Chapter08.checkMase", former)
        self.assertEqual(16, len(former))   # 01: 3, 02: 4, 05-07: 2 each, 08: 3
        for call in former + ["Chapter01.exercise1", "Chapter04b.exercise2", "Chapter14.exercise3"]:
            with self.subTest(call=call):
                self.assertTrue(grade.is_checker(self.code_cell(f"{call}(answer);")))
                wrapped = grade.normalised(student_version_module.nbgrader_checker(f"{call}(answer);", 2, "exercise2Verdicts"))
                self.assertEqual(grade.normalised(f"{call}(answer);"), wrapped)   # the wrapper is ignored
        self.assertTrue(grade.is_checker(self.code_cell('Check.exercise(2, "x").on("a", 1).compare(a -> a, a -> a);')))
        self.assertFalse(grade.is_checker(self.code_cell("long n = Chapter06.countParameters(network);")))
        self.assertFalse(grade.is_checker(self.code_cell("// BEGIN SOLUTION\nChapter01.exercise1(answer);\n// END SOLUTION")))

    def test_a_submission_handed_out_with_the_former_names_is_not_taken_for_an_edited_checker(self):
        self.assertEqual({name: grade.FORMER_CHECKER_NAMES[name] for name in self.former_names()},
                         grade.FORMER_CHECKER_NAMES)
        teacher = read(os.path.join(ROOT, "notebooks", "02-classical-models.ipynb"))
        old = nbformat.from_dict(json.loads(json.dumps(teacher)))
        renamed = 0
        for cell in old.cells:
            for former, current in grade.FORMER_CHECKER_NAMES.items():
                if cell.cell_type == "code" and current + "(" in cell.source:
                    cell.source = cell.source.replace(current + "(", former + "(")
                    renamed += 1
        self.assertEqual(4, renamed)
        _, _, edited = grade.plan(old, teacher)
        self.assertEqual(set(), edited)
        really_edited = nbformat.from_dict(json.loads(json.dumps(old)))
        index = next(i for i, c in enumerate(really_edited.cells) if "Chapter02.checkAr1(" in c.source)
        really_edited.cells[index].source = really_edited.cells[index].source.replace("checkAr1(", "checkDrift(")
        _, _, edited = grade.plan(really_edited, teacher)
        self.assertEqual({3}, edited)

    def test_every_notebook_calls_its_checkers_by_the_new_names(self):
        former = self.former_names()
        for path in NOTEBOOKS:
            with self.subTest(notebook=os.path.basename(path)):
                checkers = [c.source for c in read(path).cells if grade.is_checker(c)]
                for source in checkers:
                    for name in former:
                        self.assertNotIn(name + "(", source)


class StudentVersionTest(unittest.TestCase):

    def test_every_notebook_loses_its_solutions_and_nothing_else(self):
        for path in NOTEBOOKS + [FIXTURE]:
            name = os.path.basename(path)
            with self.subTest(notebook=name):
                reference = read(path)
                student, replaced = student_version(reference, name)
                regions = sum(len(solution_regions(name, i, c)) for i, c in enumerate(reference.cells)
                              if c.cell_type == "code")
                self.assertEqual(regions, replaced)
                text = "\n".join(c.source for c in student.cells)
                distinctive = solution_lines(reference)
                self.assertTrue(distinctive or not regions, f"{name}: no distinctive solution line to look for")
                for line in distinctive:
                    self.assertNotIn(line, text, f"{name}: solution line left in the student version")
                self.assertNotRegex(text, r"//\s*(BEGIN|END) SOLUTION")
                self.assertEqual(regions, text.count('new UnsupportedOperationException("Exercise '))
                self.assertEqual(len(reference.cells), len(student.cells))
                for before, after in zip(reference.cells, student.cells):
                    self.assertEqual(before.cell_type, after.cell_type)
                    if before.cell_type == "code":
                        self.assertEqual([], after.outputs)
                        self.assertIsNone(after.execution_count)
                    if not any(MARKER.match(line) for line in before.source.splitlines()):
                        self.assertEqual(before.source, after.source)

    def test_placeholders_name_their_exercise_and_keep_following_code_reachable(self):
        student, _ = student_version(read(FIXTURE), "fixture")
        self.assertIn('    throw new UnsupportedOperationException("Exercise 1: your code here");\n}',
                      student.cells[3].source)   # the whole method body: a plain throw
        self.assertIn('    if (true) throw new UnsupportedOperationException("Exercise 2: your code here");\n'
                      '    return maxima;', student.cells[6].source)
        self.assertTrue(student.cells[9].source.endswith(
            'throw new UnsupportedOperationException("Exercise 3: your code here");'))

    def test_unbalanced_nested_and_unclosed_markers_are_refused_naming_cell_and_line(self):
        cases = {
            "x = 1;\n// END SOLUTION": "line 2: '// END SOLUTION' without a '// BEGIN SOLUTION'",
            "// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n// END SOLUTION":
                "line 2: '// BEGIN SOLUTION' inside the solution region opened at line 1; solution regions cannot be nested",
            "int y = 2;\n  // BEGIN SOLUTION\nint x = 1;": "line 2: '// BEGIN SOLUTION' is never closed",
        }
        for source, message in cases.items():
            with self.subTest(source=source):
                nb = read(FIXTURE)
                nb.cells[6].source = source
                with self.assertRaises(MarkerError) as caught:
                    student_version(nb, "bad.ipynb")
                self.assertIn("bad.ipynb, cell 7 (counting from 1, starting", str(caught.exception))
                self.assertIn(message, str(caught.exception))

    def test_the_command_refuses_without_writing_anything(self):
        with tempfile.TemporaryDirectory() as folder:
            bad = edited(read(FIXTURE), 3, "    // END SOLUTION\n", "")
            bad_path = os.path.join(folder, "bad.ipynb")
            nbformat.write(bad, bad_path)
            out = os.path.join(folder, "student")
            result = subprocess.run([sys.executable, os.path.join(SCRIPTS, "student_version.py"), "--out", out,
                                     FIXTURE, bad_path], capture_output=True, text=True)
            self.assertEqual(1, result.returncode)
            self.assertIn("bad.ipynb, cell 4", result.stderr)
            self.assertFalse(os.path.exists(out))
            result = subprocess.run([sys.executable, os.path.join(SCRIPTS, "student_version.py"), "--out", out,
                                     FIXTURE], capture_output=True, text=True)
            self.assertEqual(0, result.returncode, result.stderr)
            self.assertEqual(["course-exercises.ipynb"], os.listdir(out))


# nbgrader's cell metadata, schema version 3, written from its documentation ("Developer
# documentation: nbgrader metadata" and the cell types of "Creating and grading assignments").
# nbgrader itself is not installable here (no PyPI), so these rules stand in for its validator.
NBGRADER_CELL_SCHEMA = {
    "type": "object",
    "properties": {
        "schema_version": {"type": "integer", "minimum": 3, "maximum": 3},
        "grade": {"type": "boolean"},
        "locked": {"type": "boolean"},
        "solution": {"type": "boolean"},
        "task": {"type": "boolean"},
        "grade_id": {"type": "string", "pattern": "^[a-zA-Z0-9_\\-]*$"},
        "points": {"type": "number", "minimum": 0},
        "checksum": {"type": "string", "minLength": 32, "maxLength": 32},
        "cell_type": {"type": "string", "enum": ["raw", "code", "markdown"]},
    },
    "required": ["schema_version", "grade", "locked", "solution"],
    "additionalProperties": False,
}


def nbgrader_problems(nb):
    """Every way the notebook's nbgrader metadata breaks the documented schema and rules; [] when none."""
    import jsonschema
    problems, ids = [], set()
    for index, cell in enumerate(nb.cells):
        meta = cell.metadata.get("nbgrader")
        if meta is None:
            continue
        where = f"cell {index + 1}"
        problems += [f"{where}: {error.message}" for error in jsonschema.Draft4Validator(NBGRADER_CELL_SCHEMA).iter_errors(meta)]
        if not all(isinstance(meta.get(key), bool) for key in ("grade", "solution", "locked")):
            continue
        if meta["grade"] or meta["solution"] or meta["locked"]:
            if not meta.get("grade_id"):
                problems.append(f"{where}: no grade_id")
            elif meta["grade_id"] in ids:
                problems.append(f"{where}: duplicate grade_id {meta['grade_id']}")
            ids.add(meta.get("grade_id"))
        if meta["grade"] and "points" not in meta:
            problems.append(f"{where}: a grade cell without points")
        if not meta["grade"] and "points" in meta:
            problems.append(f"{where}: points on a cell that is not graded")
        if cell.cell_type == "markdown" and meta["grade"] != meta["solution"] and not meta.get("task"):
            problems.append(f"{where}: a markdown cell must be both grade and solution, or neither")
    return problems


def nbgrader_version(path):
    teacher = read(path)
    student, _ = student_version(teacher, os.path.basename(path))
    return with_nbgrader_metadata(student, teacher, os.path.basename(path))


def with_answers(student, answers):
    """The student notebook with the given {cell index: source} answers typed in."""
    copy = nbformat.from_dict(json.loads(json.dumps(student)))
    for index, source in answers.items():
        copy.cells[index].source = source
    return copy


def run_in_kernel(nb):
    """Executes the notebook top to bottom in the workbook's kernel, errors allowed (as nbgrader's autograder)."""
    from nbclient import NotebookClient
    with tempfile.TemporaryDirectory() as folder:
        NotebookClient(nb, kernel_name="java", timeout=120, allow_errors=True,
                       resources={"metadata": {"path": folder}}).execute()
    return nb


def errors_of(cell):
    return [grade.error_of(output) for output in cell.get("outputs", []) if output.get("output_type") == "error"]


class NbgraderTest(unittest.TestCase):

    def test_every_notebooks_nbgrader_version_follows_the_documented_schema(self):
        for path in NOTEBOOKS + [FIXTURE]:
            name = os.path.basename(path)
            with self.subTest(notebook=name):
                teacher, nb = read(path), nbgrader_version(path)
                self.assertEqual([], nbgrader_problems(nb))
                checkers = {i for i, c in enumerate(teacher.cells) if grade.is_checker(c)}
                answers = {i for i, c in enumerate(teacher.cells)
                           if c.cell_type == "code" and solution_regions(name, i, c)}
                meta = {i: c.metadata.get("nbgrader") for i, c in enumerate(nb.cells)}
                for i in checkers:   # autograder tests: graded, locked, raising
                    self.assertEqual((True, False, True), (meta[i]["grade"], meta[i]["solution"], meta[i]["locked"]))
                    self.assertRegex(nb.cells[i].source, r"\.requirePassed\(\d+\);")
                for i in answers:    # every answer cell is a solution cell with the Java placeholder
                    self.assertEqual((True, False), (meta[i]["solution"], meta[i]["locked"]))
                    self.assertIn('throw new UnsupportedOperationException("Exercise ', nb.cells[i].source)
                    self.assertNotIn("YOUR CODE HERE", nb.cells[i].source)
                by_exercise = {}
                for i, m in meta.items():
                    if m is not None:
                        by_exercise.setdefault(int(re.match(r"exercise(\d+)-", m["grade_id"]).group(1)), []).append(m)
                points = grade.points_of(teacher)
                for number, cells in by_exercise.items():   # each answer is paired with points, and they add up
                    graded = [m["points"] for m in cells if m["grade"]]
                    if any(m["solution"] for m in cells):
                        self.assertTrue(graded, f"exercise {number}: an answer without a graded cell")
                        self.assertAlmostEqual(points[number], sum(graded))

    def test_the_validator_catches_what_nbgrader_would_refuse(self):
        nb = nbgrader_version(FIXTURE)
        self.assertEqual([], nbgrader_problems(nb))
        breakages = {
            "duplicate grade_id exercise1-answer": lambda c: c[6].metadata.nbgrader.update(grade_id="exercise1-answer"),
            "a grade cell without points": lambda c: c[4].metadata.nbgrader.pop("points"),
            "points on a cell that is not graded": lambda c: c[3].metadata.nbgrader.update(points=2),
            "'locked' is a required property": lambda c: c[2].metadata.nbgrader.pop("locked"),
            "does not match": lambda c: c[4].metadata.nbgrader.update(grade_id="exercise 1"),
            "is not of type 'boolean'": lambda c: c[4].metadata.nbgrader.update(grade="yes"),
            "both grade and solution": lambda c: c[2].metadata.nbgrader.update(grade=True, points=1),
        }
        for expected, breaking in breakages.items():
            with self.subTest(breakage=expected):
                broken = nbformat.from_dict(json.loads(json.dumps(nb)))
                breaking(broken.cells)
                self.assertTrue(any(expected in problem for problem in nbgrader_problems(broken)),
                                nbgrader_problems(broken))

    def test_checker_cells_raise_on_blank_wrong_and_forged_answers_and_pass_on_the_reference(self):
        teacher, student = read(FIXTURE), nbgrader_version(FIXTURE)
        reference_answers = {i: teacher.cells[i].source for i in (3, 6, 9)}
        wrong = edited(teacher, 6, "Integer.MIN_VALUE", "0").cells[6].source
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=GRADED_AT_ONCE) as pool:   # each in a kernel of its own
            blank, reference, forged, wrong = pool.map(run_in_kernel, [
                with_answers(student, {}), with_answers(student, reference_answers),
                with_answers(student, {**reference_answers, 6: SET_OUT_FORGER}),
                with_answers(student, {**reference_answers, 6: wrong})])
        print(f"\n  four nbgrader versions of the fixture executed, {GRADED_AT_ONCE} at once: "
              f"{time.monotonic() - started:.1f} s", file=sys.stderr)
        for cell, exercise in ((4, 1), (7, 2)):
            self.assertEqual(1, len(errors_of(blank.cells[cell])), errors_of(blank.cells[cell]))
            self.assertIn(f'AssertionError: Exercise {exercise} NOT YET: not answered yet: replace the line throw new '
                          f'UnsupportedOperationException("Exercise {exercise}: your code here")', errors_of(blank.cells[cell])[0])
        self.assertEqual([[] for _ in reference.cells], [errors_of(c) for c in reference.cells])
        self.assertIn("PASSED exercise 2: runningMax(x) matches the reference", grade.text_of(reference.cells[7].outputs[0]))
        for run in (forged, wrong):
            self.assertEqual([], errors_of(run.cells[4]))
            self.assertEqual(1, len(errors_of(run.cells[7])), errors_of(run.cells[7]))
            self.assertIn("AssertionError: Exercise 2 NOT YET: on ", errors_of(run.cells[7])[0])
        self.assertIn("on negative values (input [-5, -7, -1]): expected [-5, -5, -1], got [0, 0, 0]",
                      errors_of(wrong.cells[7])[0])

    def test_grade_takes_a_wrapped_checker_for_the_teachers(self):
        teacher = read(FIXTURE)
        steps, _, edited_exercises = grade.plan(nbgrader_version(FIXTURE), teacher)
        self.assertEqual(set(), edited_exercises)
        self.assertEqual([teacher.cells[4].source, teacher.cells[7].source],
                         [step.source for step in steps if step.exercise is not None])
        tampered = nbgrader_version(FIXTURE)
        tampered.cells[7].source = tampered.cells[7].source.replace("new int[] {-5, -7, -1}", "new int[] {1}")
        self.assertEqual({2}, grade.plan(tampered, teacher)[2])


# Submissions that try to cheat or to harm: each must be graded as it deserves, the others unaffected.
SET_OUT_FORGER = """static boolean forging = false;
static int[] runningMax(int[] x) {
    if (!forging) {   // installed while the checker runs: every NOT YET it prints becomes PASSED
        forging = true;
        java.io.PrintStream real = System.out;
        System.setOut(new java.io.PrintStream(real, true) {
            @Override public void println(String line) { real.println(line.replace("NOT YET", "PASSED")); }
        });
    }
    return new int[x.length];
}"""
PHANTOM = 'System.out.println("PASSED exercise 99: a phantom exercise");\nSystem.out.println("PASSED exercise 2: forged");'
EDITED_CHECKER = 'Check.passed(2, "runningMax(x) matches the reference");'
VANDAL = """java.nio.file.Files.writeString(java.nio.file.Path.of("written-by-student.txt"), "x");
for (String name : new String[] {System.getProperty("workbook.data"), "{root}/data", "{root}/target/classes",
                                 "../../../../../../../../{root}/data"}) {
    try (var paths = java.nio.file.Files.walk(java.nio.file.Path.of(name))) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
            try { java.nio.file.Files.delete(p); } catch (java.io.IOException e) { }
        });
    } catch (java.io.IOException | java.io.UncheckedIOException e) { }
}
java.nio.file.Files.writeString(java.nio.file.Path.of("{root}/target/classes/workbook/check/Check.class"), "vandalised");"""
ESCAPER = """new ProcessBuilder("setsid", "sh", "-c", "sleep 300; echo {marker}").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
new ProcessBuilder("sh", "-c", "(sleep 300; echo {marker}) &").start().waitFor();"""
MEMORY_HOG = """{
    java.util.List<long[]> hog = new java.util.ArrayList<>();
    while (true) hog.add(new long[1 << 20]);
}"""
# System.exit is refused by the kernel (ExitGuard); this kills the kernel's own process outright
KERNEL_KILLER = ("try { new ProcessBuilder(\"kill\", \"-9\", String.valueOf(ProcessHandle.current().pid())).start().waitFor(); }"
                 " catch (Exception e) { throw new RuntimeException(e); }")
OUTPUT_FLOOD = """for (int i = 0; i < 20_000; i++) System.out.println("flood line " + i + " ................................");"""


def teacher_files():
    """sha256 of every file of data/ and target/classes, and of the fixture."""
    paths = [FIXTURE] + [str(p) for folder in ("data", "target/classes") for p in sorted(Path(ROOT, folder).rglob("*"))
                         if p.is_file()]
    return {path: hashlib.sha256(Path(path).read_bytes()).hexdigest() for path in paths}


def processes_with(marker):
    found = []
    for name in os.listdir("/proc"):
        try:
            if name.isdigit() and marker in Path("/proc", name, "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(name))
        except OSError:
            pass
    return found


class GradeTest(unittest.TestCase):

    def test_a_class_is_graded_exactly_and_safely_cheats_and_harm_included(self):
        reference = read(FIXTURE)
        wrong_runningmax = edited(reference, 6, "Integer.MIN_VALUE", "0")
        marker = "workbook-escaper-" + os.urandom(6).hex()
        submissions = {
            "reference": reference,
            # exercise 2 starts from 0 instead of the first value, and the student writes a file
            "wrong": edited(wrong_runningmax, 9, "// END SOLUTION",
                            'java.nio.file.Files.writeString(java.nio.file.Path.of("written-by-student.txt"), "x");\n'
                            "// END SOLUTION"),
            "loop": edited(reference, 3, "    if (x.length == 0) {", "    while (x.length >= 0) { }\n    if (x.length == 0) {"),
            "syntax": edited(reference, 6, "maxima[i] = largestSoFar;", "maxima[i] = largestSoFar"),
            "exit": edited(reference, 6, "    int largestSoFar", "    System.exit(3);\n    int largestSoFar"),
            "crash": edited(reference, 6, "    int largestSoFar", "    " + KERNEL_KILLER + "\n    int largestSoFar"),
            "setout": replaced(reference, 6, SET_OUT_FORGER),
            "phantom": edited(wrong_runningmax, 9, "// END SOLUTION", PHANTOM + "\n// END SOLUTION"),
            "editedchecker": replaced(wrong_runningmax, 7, EDITED_CHECKER),
            "escaper": edited(reference, 9, "// END SOLUTION", ESCAPER.replace("{marker}", marker) + "\n// END SOLUTION"),
            "memoryhog": edited(reference, 9, "// END SOLUTION", MEMORY_HOG + "\n// END SOLUTION"),
            # floods in exercise 1: its checker's sealed line still comes through
            "flood": edited(reference, 3, "    if (x.length == 0) {", "    " + OUTPUT_FLOOD + "\n    if (x.length == 0) {"),
        }
        if sandbox.usable_bwrap():   # without bwrap absolute paths are not protected
            submissions["vandal"] = edited(reference, 9, "// END SOLUTION",
                                           VANDAL.replace("{root}", ROOT) + "\n// END SOLUTION")
        else:
            print("\n  bwrap missing or refused: the vandal is left out", file=sys.stderr)
        teacher_before = teacher_files()
        with tempfile.TemporaryDirectory() as folder:
            class_folder = os.path.join(folder, "class")
            os.makedirs(class_folder)
            digests = {}
            for student, nb in submissions.items():
                path = os.path.join(class_folder, student + ".ipynb")
                nbformat.write(nb, path)
                digests[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            grades, output, seconds = run_grade([class_folder], os.path.join(folder, "grades"), FIXTURE_TIME_LIMIT,
                                                "--reference", FIXTURE, "--memory-mb", "1024", "--output-limit", "100000")
            print(f"\n  grade on {len(submissions)} fixture notebooks: {seconds:.1f} s ("
                  + ", ".join(f"{e['student']} {e['seconds']} s" for e in grades["notebooks"]) + ")", file=sys.stderr)

            entries = {entry["student"]: entry for entry in grades["notebooks"]}
            self.assertEqual(set(submissions), set(entries))
            by = {student: results_by_exercise(entry) for student, entry in entries.items()}
            results = {student: [by[student][n][0] for n in sorted(by[student])] for student in by}
            self.assertEqual(["passed", "passed", "not checked"], results["reference"])
            self.assertEqual((2.0, 3.0), (entries["reference"]["points"], entries["reference"]["out_of"]))
            self.assertEqual(["passed", "failed", "not checked"], results["wrong"])
            self.assertEqual("on negative values (input [-5, -7, -1]): expected [-5, -5, -1], got [0, 0, 0]",
                             by["wrong"][2][1])
            self.assertEqual(["timed out"] * 3, results["loop"])
            self.assertEqual("timed out", entries["loop"]["run"])
            self.assertLessEqual(entries["loop"]["seconds"], FIXTURE_TIME_LIMIT + 15)
            self.assertEqual(["passed", "error", "not checked"], results["syntax"])
            self.assertIn("';' expected", by["syntax"][2][1])
            self.assertEqual(["passed", "error", "not checked"], results["exit"])
            self.assertIn("System.exit", by["exit"][2][1])
            self.assertEqual(["passed", "error", "error"], results["crash"])
            self.assertIn("the kernel died in cell 8", by["crash"][2][1])
            self.assertEqual("kernel died", entries["crash"]["run"])
            # the forgers: the teacher's checker decides, through its sealed line
            self.assertEqual(["passed", "failed", "not checked"], results["setout"])
            self.assertTrue(by["setout"][2][1].startswith("on a rising then falling array"), by["setout"][2][1])
            self.assertEqual(["passed", "failed", "not checked"], results["phantom"])   # no exercise 99
            self.assertEqual(["passed", "failed", "not checked"], results["editedchecker"])
            self.assertTrue(by["editedchecker"][2][1].startswith("checker cell edited"), by["editedchecker"][2][1])
            self.assertEqual([False, True, False], [row["checker_edited"] for row in entries["editedchecker"]["exercises"]])
            # the harmful: their own exercise fails or errs, the others are graded as usual
            self.assertEqual(["passed", "passed", "not checked"], results["escaper"])
            self.assertEqual([], processes_with(marker), "a process the escaper started is still alive")
            self.assertEqual(["passed", "passed", "error"], results["memoryhog"])
            self.assertIn("OutOfMemoryError", by["memoryhog"][3][1])
            self.assertEqual(["passed", "passed", "not checked"], results["flood"], by["flood"])
            self.assertIn("output over 100000 characters dropped", entries["flood"]["run"])
            if "vandal" in submissions:
                self.assertEqual(["passed", "passed", "error"], results["vandal"])
                self.assertIn("Read-only file system", by["vandal"][3][1])
            self.assertEqual(teacher_before, teacher_files(), "a teacher's file changed")

            self.assertIn("WARNING: grading RUNS THE STUDENTS' CODE", output)
            self.assertIn("    exercise 2   failed       on negative values", output)
            csv_lines = Path(folder, "grades", "grades.csv").read_text(encoding="utf-8").splitlines()
            self.assertEqual("student,notebook,exercise,result,detail,points,out_of,notebook_points,notebook_out_of,"
                             "notebook_seconds,run", csv_lines[0])
            self.assertEqual(1 + len(submissions) * 3, len(csv_lines))
            for path, digest in digests.items():   # only read, never written
                self.assertEqual(digest, hashlib.sha256(Path(path).read_bytes()).hexdigest(), path)
            self.assertEqual(sorted(submissions), sorted(n[:-6] for n in os.listdir(class_folder)))
            self.assertFalse(os.path.exists(os.path.join(ROOT, "written-by-student.txt")))

    def test_feedback_pages_show_each_verdict_by_its_exercise_and_escape_what_the_student_wrote(self):
        reference = read(FIXTURE)
        hostile = edited(edited(reference, 6, "Integer.MIN_VALUE", "0"), 9, "// END SOLUTION",
                         'System.out.println("<script>alert(1)</script>");\n// END SOLUTION')
        hostile.cells[8].source += '\n\n<img src=x onerror="alert(2)"> </pre></div><script>alert(3)</script>'
        with tempfile.TemporaryDirectory() as folder:
            class_folder = os.path.join(folder, "class")
            os.makedirs(os.path.join(class_folder, "mallory<b>"))
            os.makedirs(os.path.join(class_folder, "ada"))
            nbformat.write(reference, os.path.join(class_folder, "ada", "course-exercises.ipynb"))
            nbformat.write(hostile, os.path.join(class_folder, "mallory<b>", "course-exercises.ipynb"))
            out = os.path.join(folder, "grades")
            grades, output, _ = run_grade([class_folder], out, FIXTURE_TIME_LIMIT, "--reference", FIXTURE)
            entries = {entry["student"]: entry for entry in grades["notebooks"]}
            pages = {student: Path(entry["feedback"]).read_text(encoding="utf-8") for student, entry in entries.items()}
            index = Path(out, "feedback", "index.html").read_text(encoding="utf-8")

        self.assertEqual(os.path.join(out, "feedback", "ada", "course-exercises.html"), entries["ada"]["feedback"])
        self.assertRegex(entries["mallory<b>"]["feedback"], r"/feedback/mallory_b_-[0-9a-f]{8}/course-exercises\.html$")
        for student, page in list(pages.items()) + [("index", index)]:
            with self.subTest(page=student):
                self.assertNotRegex(page.lower(), r"<script|<img|onerror=\"|(src|href)=\"(https?:)?//")
                self.assertNotIn("WORKBOOK-SEAL", page)
                self.assertIn("Content-Security-Policy\" content=\"default-src 'none'", page)
        ada, mallory = pages["ada"], pages["mallory<b>"]
        self.assertIn("<b>2 of 3 points.</b>", ada)
        for exercise, result in ((1, "passed"), (2, "passed"), (3, "not checked")):
            self.assertIn(f"<b>Exercise {exercise}: {result}</b>", ada)
        self.assertIn("<h1>course-exercises.ipynb: mallory&lt;b&gt;</h1>", mallory)
        self.assertIn("<b>1 of 3 points.</b>", mallory)
        # the printed tag is text, whether the kernel sent it in a batch of its own or with the line before it
        self.assertRegex(mallory, r'<pre class="output">(?:[^<]*\n)?&lt;script&gt;alert\(1\)&lt;/script&gt;\n</pre>')
        self.assertIn("&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &lt;/pre&gt;&lt;/div&gt;&lt;script&gt;alert(3)", mallory)
        # the verdict of exercise 2, with its hint, sits after its checker and before exercise 3's task
        checker = mallory.index("the teacher&#x27;s checker of exercise 2")
        verdict = mallory.index("<b>Exercise 2: failed</b> (0 of 1 points)<br>on negative values (input [-5, -7, -1]): "
                                "expected [-5, -5, -1], got [0, 0, 0]")
        task = mallory.index("**Exercise 3.** Does the series above have a trend?")
        self.assertLess(checker, verdict)
        self.assertLess(verdict, task)
        self.assertIn('<a href="mallory_b_-', index)
        self.assertIn("<td>mallory&lt;b&gt;</td>", index)
        self.assertIn("feedback page per notebook", output)

    @unittest.skipUnless(sandbox.usable_bwrap() and sandbox.usable_network_cut(sandbox.usable_bwrap()),
                         "bwrap cannot make a network namespace here: the network is not cut")
    def test_a_submission_cannot_reach_the_graders_localhost_and_is_graded_as_usual(self):
        import socket
        listener = socket.create_server(("127.0.0.1", 0))   # stands for the Jupyter server or any local service
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        reference = read(FIXTURE)
        probe = edited(reference, 9, "// END SOLUTION",
                       f'try (var socket = new java.net.Socket()) {{\n'
                       f'    socket.connect(new java.net.InetSocketAddress("127.0.0.1", {port}), 2000);\n'
                       f'    System.out.println("connected to the grader");\n}}\n// END SOLUTION')
        with tempfile.TemporaryDirectory() as folder, listener:
            path = os.path.join(folder, "prober.ipynb")
            nbformat.write(probe, path)
            grades, _, _ = run_grade([path], os.path.join(folder, "grades"), FIXTURE_TIME_LIMIT, "--reference", FIXTURE)
            with self.assertRaises(socket.timeout, msg="the sandbox reached the grader's localhost"):
                listener.accept()
        entry = grades["notebooks"][0]
        self.assertIn("no network", entry["sandbox"])
        results = results_by_exercise(entry)
        self.assertEqual(("passed", "passed", "error"), tuple(results[n][0] for n in (1, 2, 3)))
        self.assertEqual("java.net.ConnectException: Connection refused", results[3][1])

    def test_the_graders_relay_takes_dials_only_from_the_first_dialler(self):
        import socket
        import net_relay
        port = socket.create_server(("127.0.0.1", 0))
        number = port.getsockname()[1]
        port.close()
        with tempfile.TemporaryDirectory() as folder:
            relay = net_relay.OutsideRelay(folder, [number])
            dialler = ("import socket, sys; s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); "
                       "print(s.recv(1) == b'\\x01', flush=True); s.sendall(b'from the relay'); s.recv(1)")
            first = subprocess.Popen([sys.executable, "-c", dialler, os.path.join(folder, str(number))],
                                     stdout=subprocess.PIPE, text=True)
            try:
                deadline = time.monotonic() + 10
                while relay.relay_identity is None and time.monotonic() < deadline:
                    time.sleep(0.05)
                self.assertEqual(net_relay.process_identity(first.pid), relay.relay_identity)   # pid and start time
                self.assertIsNone(net_relay.process_identity(2 ** 22 + 1), "no such process has no identity")
                intruder = socket.socket(socket.AF_UNIX)   # this process is not the first dialler
                intruder.connect(os.path.join(folder, str(number)))
                intruder.settimeout(5)
                self.assertEqual(b"", intruder.recv(1), "a second dialler was not hung up on")
                intruder.close()
                client = socket.create_connection(("127.0.0.1", number), timeout=5)
                self.assertEqual("True", first.stdout.readline().strip())
                self.assertEqual(b"from the relay", client.recv(100))
                client.close()
            finally:
                relay.close()
                first.kill()
                first.wait()

    def test_the_teachers_checker_runs_in_place_of_an_edited_copy_and_points_come_from_the_headers(self):
        teacher = read(FIXTURE)
        steps, last_step, edited_exercises = grade.plan(replaced(teacher, 7, EDITED_CHECKER), teacher)
        checkers = [step for step in steps if step.exercise is not None]
        self.assertEqual([(1, 4), (2, 7)], [(step.exercise, step.student_index) for step in checkers])
        self.assertEqual(teacher.cells[7].source, checkers[1].source)
        self.assertNotIn(EDITED_CHECKER, [step.source for step in steps])
        self.assertEqual({2}, edited_exercises)
        self.assertEqual({1: 2, 2: 4, 3: 5}, last_step)   # positions among the 6 code cells run
        self.assertNotEqual(checkers[0].key, checkers[1].key)
        self.assertIn(f'.seal("{checkers[1].key}"));', checkers[1].sealed_source())
        with_points = edited(teacher, 5, "**Exercise 2.**", "**Exercise 2.** (3 points)")
        self.assertEqual({1: 1.0, 2: 3.0, 3: 1.0}, grade.points_of(with_points))

    def test_student_versions_fail_every_checker_with_its_hint_and_references_pass(self):
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for path in NOTEBOOKS + [FIXTURE]:
                name = os.path.basename(path)
                student, _ = student_version(read(path), name)
                paths.append(os.path.join(folder, "student-versions", name))
                os.makedirs(os.path.dirname(paths[-1]), exist_ok=True)
                nbformat.write(student, paths[-1])

            def graded_alone(path):   # its own grade.py, sandbox and output folder
                grades, _, _ = run_grade([path], os.path.join(folder, "grades", os.path.basename(path)), 300,
                                         "--reference", os.path.join(ROOT, "notebooks"), "--reference", FIXTURE)
                return grades["notebooks"]

            started = time.monotonic()
            started_in = longest_first(paths, os.path.join(ROOT, "target", "notebook-runs.txt"), os.path.basename)
            with concurrent.futures.ThreadPoolExecutor(max_workers=GRADED_AT_ONCE) as pool:
                students = {entry["notebook"]: entry for entries in pool.map(graded_alone, started_in)
                            for entry in entries}
            print(f"\n  grade on the student versions of {len(paths)} notebooks, {GRADED_AT_ONCE} at once: "
                  f"{time.monotonic() - started:.1f} s", file=sys.stderr)

        for path in NOTEBOOKS + [FIXTURE]:
            name = os.path.basename(path)
            with self.subTest(notebook=name):
                reference_results = self.reference_results(path)
                student_results = results_by_exercise(students[name])
                self.assertEqual("completed", students[name]["run"])
                self.assertEqual(set(reference_results), set(student_results))
                for number, (result, detail) in reference_results.items():
                    self.assertIn(result, ("passed", "not checked"), f"{name} exercise {number}: {detail}")
                    student_result, student_detail = student_results[number]
                    self.assertEqual("failed", student_result, f"{name} exercise {number}: {student_detail}")
                    if result == "passed":   # a checker: its own friendly hint
                        self.assertTrue(student_detail.startswith(
                            f'not answered yet: replace the line throw new UnsupportedOperationException('
                            f'"Exercise {number}: your code here")'), student_detail)
                    else:
                        self.assertEqual("not answered (the placeholder is still there)", student_detail)

    def reference_results(self, path):
        """{exercise: (result, detail)} of the teacher's notebook: from the verdicts printed in
        run_notebooks.py's executed copy when fresh (the teacher's own run), else graded now."""
        executed = os.path.join(ROOT, "target", "executed", os.path.basename(path))
        if os.path.exists(executed) and os.path.getmtime(executed) >= os.path.getmtime(path):
            nb = read(executed)
            printed = "\n".join(grade.text_of(out) for cell in nb.cells for out in cell.get("outputs", []))
            passed = {int(n) for n in re.findall(r"^PASSED exercise (\d+):", printed, re.MULTILINE)}
            return {n: ("passed" if n in passed else "not checked", "") for n in grade.exercise_spans(nb)}
        teacher = read(path)
        steps, last_step, edited, stopped_at, how, _, _ = grade.execute(path, teacher, 300, sandbox.Limits())
        return {n: (r, d) for n, r, d in grade.outcomes(teacher, steps, last_step, edited, stopped_at, how)}


class BookTest(unittest.TestCase):

    def test_the_offline_book_loads_draws_and_links(self):
        from browser_check import chromium_dom
        pages = NOTEBOOKS + [FIXTURE]
        with tempfile.TemporaryDirectory() as folder:
            book = os.path.join(folder, "book")
            started = time.monotonic()
            result = subprocess.run([sys.executable, os.path.join(SCRIPTS, "build_book.py"), "--out", book,
                                     "--reuse-executed", os.path.join(ROOT, "target", "executed"), *pages],
                                    capture_output=True, text=True, timeout=900)
            self.assertEqual(0, result.returncode, result.stdout + result.stderr)
            names = ["index.html"] + [os.path.basename(p).replace(".ipynb", ".html") for p in sorted(pages)]
            for name in names:
                with self.subTest(page=name):
                    page = os.path.join(book, name)
                    source = Path(page).read_text(encoding="utf-8")
                    self.assertNotRegex(source, r"<script[^>]+src=\"(https?:)?//", f"{name} loads a script from the network")
                    for link in re.findall(r'href="([^"#:]+\.html)"', source):   # links within the book
                        self.assertIn(link, names, f"{name} links to {link}, which the book lacks")
                    dom = chromium_dom(os.path.abspath(page))
                    self.assertIn("</body>", dom, f"{name} did not load")
                    if name == "index.html":
                        self.assertEqual(len(names) - 1, len(re.findall(r'<td><a href="[^"]+\.html">', dom)))
                        continue
                    self.assertEqual(2, dom.count('class="workbook-nav"'))   # top and bottom
                    executed = [p for p in (Path(book, "executed", name[:-5] + ".ipynb"),
                                            Path(ROOT, "target", "executed", name[:-5] + ".ipynb")) if p.exists()][0]
                    figures = sum(1 for cell in read(executed).cells for out in cell.get("outputs", [])
                                  if "Plotly.newPlot" in str(out.get("data", {}).get("text/html", "")))
                    if name == "00-start-here.html":
                        self.assertGreaterEqual(figures, 2, "notebook 00 draws plots; none found in its outputs")
                    drawn = dom.count('class="plot-container plotly"')
                    self.assertGreaterEqual(drawn, figures, f"{name}: {drawn} of {figures} plots drawn")
                    self.assertGreaterEqual(dom.count('class="main-svg"'), figures)
                    if name == "course-exercises.html":   # its first cell carries an equation
                        self.assertIn("mjx-chtml", dom, "equations not rendered by the book's own MathJax")
            fixture_page = Path(book, "course-exercises.html").read_text(encoding="utf-8")
            self.assertIn("Follows chapter 1 (Background) of the material", fixture_page)
            print(f"\n  book of {len(pages)} pages built and checked in Chromium: {time.monotonic() - started:.1f} s",
                  file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
