"""The checks of notebook_claims.py catch what they are for, on small made-up notebooks."""
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import notebook_claims as claims  # noqa: E402
import exported_programs as programs  # noqa: E402


def notebook(markdown, code, outputs):
    return {"cells": [{"cell_type": "markdown", "source": markdown, "metadata": {}},
                      {"cell_type": "code", "source": code, "metadata": {}, "outputs": outputs,
                       "execution_count": 1}],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def stream(text):
    return {"output_type": "stream", "name": "stdout", "text": text}


def write(folder, name, nb):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        json.dump(nb, f)


class ProseNumbers(unittest.TestCase):

    def problems(self, markdown, code, printed):
        with tempfile.TemporaryDirectory() as folder:
            write(folder, "n.ipynb", notebook(markdown, code, [stream(printed)]))
            return claims.check_prose(folder)

    def test_a_number_the_outputs_show_passes_within_its_rounding(self):
        self.assertEqual([], self.problems("The LSTM reaches RMSE 2.13 and 40% fewer errors.", "x();",
                                           "LSTM RMSE 2.1349, fewer errors 0.401\n"))

    def test_a_number_no_output_shows_fails(self):
        problems = self.problems("Climatology wins with RMSE 2.00.", "x();", "climatology RMSE 2.16\n")
        self.assertEqual(1, len(problems))
        self.assertIn("2.00", problems[0])

    def test_a_rounding_that_does_not_hold_fails(self):
        self.assertEqual(1, len(self.problems("accuracy 0.92", "x();", "accuracy 0.9149\n")))
        self.assertEqual(1, len(self.problems("40% fewer", "x();", "fewer 0.46\n")))

    def test_settings_latex_code_and_versions_are_exempt(self):
        markdown = ("A learning rate of 0.01, $\\rho = 1.5$, `clip(0.7)`, DJL 0.36 and PyTorch 2.7.1; "
                    "see [x](https://example.org/v1.25).")
        self.assertEqual([], self.problems(markdown, "double lr = 0.01;", "nothing\n"))


class SameDigits(unittest.TestCase):

    def problems(self, first, second):
        with tempfile.TemporaryDirectory() as folder:
            write(os.path.join(folder, "a"), "n.ipynb", notebook("", "x();", first))
            write(os.path.join(folder, "b"), "n.ipynb", notebook("", "x();", second))
            return claims.check_same(os.path.join(folder, "a"), os.path.join(folder, "b"))

    def test_timing_lines_and_plot_ids_are_masked(self):
        plot = "<div id='plot" + "a" * 32 + "'></div>"
        other = "<div id='plot" + "b" * 32 + "'></div>"
        self.assertEqual([], self.problems(
            [stream("loss 0.1234\ntrained in 4.2 s (1,234 sequences/s)\npeak 431 MiB\n"),
             {"output_type": "display_data", "data": {"text/html": plot}, "metadata": {}}],
            [stream("loss 0.1234\ntrained in 3.9 s (1,301 sequences/s)\npeak 440 MiB\n"),
             {"output_type": "display_data", "data": {"text/html": other}, "metadata": {}}]))

    def test_a_table_whose_title_names_a_speed_is_masked_whole(self):
        def table(a, b):
            return {"output_type": "execute_result", "execution_count": 1, "metadata": {},
                    "data": {"text/plain": f"training speed, sequences per second\n RNN | {a} | {b}"}}
        self.assertEqual([], self.problems([table(148485, 37627)], [table(9963, 9544)]))

    def test_a_column_of_times_is_masked_and_the_rest_compared(self):
        def table(seconds, accuracy):
            plain = (f"   recall (chance: 25%)   \n cell | s / epoch | test accuracy % |\n----\n"
                     f" GRU | {seconds} | {accuracy} |")
            return {"output_type": "display_data", "metadata": {},
                    "data": {"text/plain": plain, "text/html": f"<table><tr><td>{seconds}</td></tr></table>"}}
        self.assertEqual([], self.problems([table("0.23", "100")], [table("10.34", "100")]))
        self.assertEqual(1, len(self.problems([table("0.23", "100")], [table("0.23", "99.5")])))

    def test_a_changed_digit_fails_and_names_the_lines(self):
        problems = self.problems([stream("212 of 480 not finite\n")], [stream("220 of 480 not finite\n")])
        self.assertEqual(1, len(problems))
        self.assertIn("212 of 480", problems[0])
        self.assertIn("220 of 480", problems[0])

    def test_a_missing_output_fails(self):
        self.assertEqual(1, len(self.problems([stream("a\nb\n")], [stream("a\n")])))

    def test_one_line_sent_in_two_batches_is_the_same_line(self):
        self.assertEqual([], self.problems([stream("book "), stream("684,768 characters\n")],
                                           [stream("book 684,768 characters\n")]))
        self.assertEqual(1, len(self.problems([stream("book "), stream("684,769 characters\n")],
                                              [stream("book 684,768 characters\n")])))


class CellsThatPaste(unittest.TestCase):

    def problems(self, code):
        with tempfile.TemporaryDirectory() as folder:
            write(folder, "n.ipynb", notebook("", code, []))
            return claims.check_paste(folder)

    def test_statements_blocks_and_magics_pass(self):
        for code in ("Displays.display(fig);", "for (int i = 0; i < 3; i++) {\n  f(i);\n}", "%load x.jsh",
                     "f(x);  // END SOLUTION", "f(x); /* done */", 'System.out.println("a // b");'):
            self.assertEqual([], self.problems(code), code)

    def test_a_bare_final_expression_fails(self):
        for code in ("Plots.xy(a, b)", "table", "f(x); // shown\ntable // the result", 'g("x;")'):
            self.assertEqual(1, len(self.problems(code)), code)


class Thresholds(unittest.TestCase):

    def test_a_promise_not_kept_fails(self):
        with tempfile.TemporaryDirectory() as folder:
            write(folder, "10.ipynb", notebook("", "x();", [stream("held-out perplexity 4.80\n")]))
            saved = claims.PROMISES
            try:
                claims.PROMISES = [("10.ipynb", "perplexity", r"held-out perplexity (\d+\.\d+)", lambda v: v <= 4.5, "≤ 4.5")]
                self.assertEqual(1, len(claims.check_thresholds(folder)))
                write(folder, "10.ipynb", notebook("", "x();", [stream("held-out perplexity 4.31\n")]))
                self.assertEqual([], claims.check_thresholds(folder))
            finally:
                claims.PROMISES = saved


class CommittedWithoutOutputs(unittest.TestCase):
    """Outputs a reader saved do not fail the tests; outputs committed to git do."""

    def test_the_rule_reads_the_committed_version(self):
        import subprocess
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
        import run_notebooks
        with tempfile.TemporaryDirectory() as folder:
            def git(*args):
                subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=folder, check=True,
                               capture_output=True)
            clean = with_ids(notebook("", "x();", []))
            clean["cells"][1]["execution_count"] = None
            clean["metadata"] = {"kernelspec": {"name": "java"}}
            write(folder, "n.ipynb", clean)
            git("init", "-q")
            git("add", "n.ipynb")
            git("commit", "-q", "-m", "clean")
            ran = with_ids(notebook("", "x();", [stream("42\n")]))
            ran["metadata"] = clean["metadata"]
            write(folder, "n.ipynb", ran)   # the reader ran it and saved
            self.assertEqual([], run_notebooks.committed_outputs(os.path.join(folder, "n.ipynb")))
            git("commit", "-q", "-am", "outputs")
            self.assertEqual(["cell 1 carries outputs or an execution count (clear them before committing)"],
                             run_notebooks.committed_outputs(os.path.join(folder, "n.ipynb")))

    def test_every_cell_has_an_id_of_its_own(self):
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
        import run_notebooks
        with tempfile.TemporaryDirectory() as folder:   # not a git checkout: the file itself is read
            missing = notebook("", "x();", [])
            missing["cells"][1]["execution_count"] = None
            missing["metadata"] = {"kernelspec": {"name": "java"}}
            missing["cells"][0]["id"] = "intro"
            write(folder, "n.ipynb", missing)
            self.assertEqual(["cell 1 has no id (nbformat 4.5 gives every cell one)"],
                             run_notebooks.committed_outputs(os.path.join(folder, "n.ipynb")))
            missing["cells"][1]["id"] = "intro"
            write(folder, "n.ipynb", missing)
            self.assertEqual(["cell 1 has the id 'intro' of an earlier cell"],
                             run_notebooks.committed_outputs(os.path.join(folder, "n.ipynb")))


def with_ids(nb):
    for i, cell in enumerate(nb["cells"]):
        cell["id"] = f"cell-{i}"
    return nb


def display(text, html=None):
    data = {"text/plain": text}
    if html:
        data["text/html"] = html
    return {"output_type": "display_data", "data": data, "metadata": {}}


class ProgramDigits(unittest.TestCase):
    """An exported program's output against its executed notebook (exported_programs.py)."""

    def problem(self, cells, recorded, status=None):
        nb = {"cells": [{"cell_type": "code", "source": "", "metadata": {}, "outputs": outputs, "execution_count": 1}
                        for outputs in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        status = status or {str(i): "in" for i in range(len(cells))}
        with tempfile.TemporaryDirectory() as folder:
            write(folder, "n.ipynb", nb)
            return programs.compare("n.ipynb", programs.notebook_lines(os.path.join(folder, "n.ipynb"), status), recorded)

    def test_the_same_digits_pass_with_timings_masked_and_a_display_by_its_plain_text(self):
        cells = [[stream("RMSE 2.13\n"), display("epoch 5/5 loss 0.0100, 1.2 s", "<b>epoch 5/5</b>")],
                 [stream("trained in 3.4 s\n"), display("Figure: passengers (1 trace)", "<div id='plot0123'></div>")]]
        recorded = [stream("RMSE 2.13\n"), display("epoch 5/5 loss 0.0100, 0.9 s"), stream("trained in 2.0 s\n"),
                    display("Figure: passengers (1 trace)")]
        self.assertIsNone(self.problem(cells, recorded))

    def test_one_digit_that_differs_fails_naming_the_cell(self):
        problem = self.problem([[stream("MAE 1.00\n")], [stream("RMSE 2.13\n")]], [stream("MAE 1.00\nRMSE 2.14\n")])
        self.assertIn("n.ipynb cell 1", problem)
        self.assertIn("notebook: RMSE 2.13", problem)
        self.assertIn("program:  RMSE 2.14", problem)

    def test_a_program_that_stops_early_fails(self):
        problem = self.problem([[stream("a\n")], [stream("b\n")]], [stream("a\n"),
                               {"output_type": "error", "ename": "java.lang.IllegalStateException", "evalue": "no data"}])
        self.assertIn("n.ipynb cell 1", problem)
        self.assertIn("error java.lang.IllegalStateException: no data", problem)

    def test_a_figure_whose_plotted_numbers_differ_fails_though_its_title_is_the_same(self):
        def figure(y):
            shown = display("Figure: loss (1 trace)", "<div id='plot0123'></div>")
            shown["data"]["application/vnd.plotly.v1+json"] = {"data": [{"y": y}], "layout": {"title": "loss"}}
            return shown
        self.assertIsNone(self.problem([[figure([0.5, 0.25])]], [figure([0.5, 0.25])]))
        self.assertIn("cell 0", self.problem([[figure([0.5, 0.25])]], [figure([0.5, 0.26])]))

    def test_with_numbers_masked_other_digits_pass_but_other_text_fails(self):
        with tempfile.TemporaryDirectory() as folder:
            write(folder, "n.ipynb", {"cells": [{"cell_type": "code", "source": "", "metadata": {}, "execution_count": 1,
                                                 "outputs": [stream("seed 4: 29 epochs, validation loss 0.2365\n")]}],
                                      "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
            shown = programs.notebook_lines(os.path.join(folder, "n.ipynb"), {"0": "in"})
        self.assertIsNone(programs.compare("n.ipynb", shown, [stream("seed 4: 28 epochs, validation loss 0.2358\n")], masked=True))
        self.assertIn("cell 0", programs.compare("n.ipynb", shown, [stream("seed 4: 29 epochs, validation loss 0.2358\n")]))
        self.assertIn("cell 0", programs.compare("n.ipynb", shown, [stream("seed 4: stopped, validation loss 0.2358\n")],
                                                 masked=True))

    def test_the_outputs_of_cells_left_out_of_the_program_are_not_expected(self):
        cells = [[stream("a\n")], [stream("PASSED exercise 1: ok\n")], [stream("b\n")]]
        self.assertIsNone(self.problem(cells, [stream("a\nb\n")], {"0": "in", "1": "left out: checker", "2": "in"}))
        self.assertIn("cell 1", self.problem(cells, [stream("a\nb\n")]))


if __name__ == "__main__":
    unittest.main()
