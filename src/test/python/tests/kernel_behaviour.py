"""Behaviour of the workbook's Java kernel through real Jupyter messaging (jupyter_client).

Checks what a reader meets: start-up time, failing cells that leave the kernel and its variables
alive, interrupts of sleeping, busy and training-like loops, re-run cells, rich display, magics.
Run by `./workbook test`.
"""
import argparse
import atexit
import glob
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session
import zmq

TIMEOUT = 60
# what the %load tests load: a JShell file and a notebook
KERNEL_FIXTURES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "fixtures", "kernel"))


def run_cell(km, kc, code, timeout=TIMEOUT, interrupt_after=None):
    """Executes code; returns (execute_reply, [iopub messages of this request])."""
    msg_id = kc.execute(code, allow_stdin=False)
    deadline = time.monotonic() + timeout
    if interrupt_after is not None:
        time.sleep(interrupt_after)
        km.interrupt_kernel()
    outputs = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no idle status within {timeout} s for: {code!r}")
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply, outputs


def java_major(java):
    """The feature version of a java binary (17, 25), or 0 when it does not run."""
    try:
        shown = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except OSError:
        return 0
    found = re.search(r'version "(\d+)', shown)
    return int(found.group(1)) if found else 0


def newer_java_kernel():
    """Installs, in a temporary JUPYTER_PATH folder, a copy of the 'java' kernelspec run by the newest
    Java >= 21 on this machine (Thread.stop is gone there); returns its kernel name, or None."""
    homes = [os.environ.get("WORKBOOK_NEWER_JAVA_HOME", ""), os.environ.get("JAVA_HOME", "")]
    homes += sorted(glob.glob("/usr/lib/jvm/*")) + sorted(glob.glob("/opt/*jdk*"))
    candidates = [(java_major(h + "/bin/java"), h + "/bin/java") for h in homes if h and os.path.exists(h + "/bin/java")]
    newer = [c for c in candidates if c[0] >= 21]
    if not newer:
        return None
    major, java = max(newer)
    spec = KernelSpecManager().get_kernel_spec("java")
    argv = [java] + [a for a in spec.argv[1:] if a != "--enable-native-access=ALL-UNNAMED"]
    argv.insert(1, "--enable-native-access=ALL-UNNAMED")   # Java 22+ warns about DJL's native library without it
    folder = tempfile.mkdtemp(prefix="workbook-newer-java-")
    atexit.register(shutil.rmtree, folder, True)
    os.makedirs(f"{folder}/kernels/java-newer")
    with open(f"{folder}/kernels/java-newer/kernel.json", "w") as out:
        json.dump({"argv": argv, "display_name": f"Java {major} (rnn-workbook, test)", "language": "java",
                   "interrupt_mode": "message"}, out)
    os.environ["JUPYTER_PATH"] = folder + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    return "java-newer"


# (kernel class, seconds from start to the first cell's result): printed after the tests, with issue 21's target
START_TIMES = []
START_TARGET_SECONDS = 1.5


class KernelSession(unittest.TestCase):
    """One kernel for the whole class; run_cell and friends talk to it through jupyter_client."""
    KERNEL_NAME = "java"

    @classmethod
    def setUpClass(cls):
        started = time.monotonic()
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.KERNEL_NAME, startup_timeout=120)
        reply, outputs = cls.run_cell(cls, "1 + 1")
        cls.first_result_seconds = time.monotonic() - started
        assert reply["content"]["status"] == "ok", reply
        START_TIMES.append((cls.__name__, cls.first_result_seconds))
        print(f"\nkernel start to first cell result: {cls.first_result_seconds:.2f} s", file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=TIMEOUT, interrupt_after=None):
        """Executes code; returns (execute_reply, [iopub messages of this request])."""
        return run_cell(self.km, self.kc, code, timeout, interrupt_after)

    def value_of(self, code):
        reply, outputs = self.run_cell(code)
        self.assertEqual("ok", reply["content"]["status"], f"{code!r} failed: {reply['content']}")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(1, len(results), f"{code!r} gave no result: {outputs}")
        return results[0]["content"]["data"]["text/plain"]

    def error_of(self, code, **kwargs):
        reply, outputs = self.run_cell(code, **kwargs)
        self.assertEqual("error", reply["content"]["status"], f"{code!r} should have failed")
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(1, len(errors))
        return errors[0]

    def streams_of(self, outputs):
        return [m["content"] for m in outputs if m["msg_type"] == "stream"]


class ReaderChecks:
    """What a reader meets when a cell goes wrong; run on Java 17 and on the newest Java >= 21."""

    def inspect(self, code, cursor=None, detail=0):
        reply = self.kc.inspect(code, len(code) if cursor is None else cursor, detail, reply=True, timeout=TIMEOUT)
        self.assertEqual("ok", reply["content"]["status"], reply["content"])
        return reply["content"]["data"].get("text/plain", "") if reply["content"]["found"] else None

    def test_inspect_shows_signatures_and_the_first_javadoc_sentence_of_the_workbook_api(self):
        started = time.monotonic()
        shown = self.inspect("workbook.data.MinMaxScaler")
        seconds = time.monotonic() - started
        print(f"\nfirst inspect_request on a workbook class: {seconds:.2f} s", file=sys.stderr)
        self.assertEqual("workbook.data.MinMaxScaler\n    x' = (x - min) / (max - min) per column, with the minimum "
                         "and maximum of the training rows.", shown)
        self.assertLess(seconds, 10)
        # a method: every overload, each with its own sentence ({@code ...} as plain text), without the "("
        shown = self.inspect("workbook.data.MinMaxScaler.fit")
        self.assertIn("workbook.data.MinMaxScaler.fit(double[][] trainRows)\n    Fits on the training rows "
                      "([time][column]).", shown)
        self.assertIn("workbook.data.MinMaxScaler.fit(double[] trainSeries)\n    Fits on the training part of a "
                      "single series.", shown)
        self.assertNotIn("@param", shown)
        # a variable: its declaration, then its type's documentation
        self.value_of("var inspectedScaler = workbook.data.MinMaxScaler.fit(new double[] {1, 2, 3});\n"
                      "inspectedScaler.fittedRows()")
        shown = self.inspect("inspectedScaler")
        self.assertIn("inspectedScaler", shown)
        self.assertIn("workbook.data.MinMaxScaler\n    x' = (x - min) / (max - min) per column", shown)
        # the cursor inside a method name of a call
        self.assertIn("MinMaxScaler.min()", self.inspect("inspectedScaler.min()", cursor=len("inspectedScaler.m")))
        # more detail (Shift+Tab twice): the whole comment
        self.assertIn("Later values can fall outside [0, 1]", self.inspect("workbook.data.MinMaxScaler", detail=1))
        # the JDK's own classes keep their signatures, and their Javadoc where the JDK ships src.zip
        shown = self.inspect("Math.max")
        self.assertIn("int Math.max(int a, int b)", shown)
        java_home = os.path.dirname(os.path.dirname(os.path.realpath(self.km.kernel_spec.argv[0])))
        if os.access(os.path.join(java_home, "lib", "src.zip"), os.R_OK):
            self.assertIn("Returns the greater of two int values.", shown)

    def test_interrupt_sleeping_cell(self):
        self.value_of('String survivor = "alive";\nsurvivor')
        started = time.monotonic()
        error = self.error_of("Thread.sleep(600_000);", interrupt_after=1.0)
        self.assertEqual("Interrupted", error["ename"])
        self.assertLess(time.monotonic() - started, 10)
        self.assertEqual("alive", self.value_of("survivor"))
        self.assertEqual("2", self.value_of("1 + 1"))

    def assert_later_cells_run_cleanly(self):
        for _ in range(3):
            reply, outputs = self.run_cell("1 + 1")
            self.assertEqual("ok", reply["content"]["status"], reply["content"])
            self.assertEqual("2", [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"])
            self.assertFalse([m for m in outputs if m["msg_type"] in ("error", "stream")], outputs)
            time.sleep(0.2)

    def test_interrupt_busy_loop_that_never_checks_stops_it_and_leaves_later_cells_alone(self):
        self.value_of('String beforeBusy = "kept";\nbeforeBusy')
        started = time.monotonic()
        error = self.error_of("long spins = 0;\nwhile (true) { spins++; }", interrupt_after=1.0, timeout=30)
        self.assertEqual("Interrupted", error["ename"])
        self.assertIn("its loop was stopped", error["evalue"])   # on every Java: the kernel adds a stop check to cell loops
        self.assertLess(time.monotonic() - started, 15, "the kernel must answer within seconds of the interrupt")
        self.assertGreater(int(self.value_of("spins")), 0)
        # before: the forced stop landed on the reused cell thread and the next cell died with a ThreadDeath
        self.assert_later_cells_run_cleanly()
        self.assertEqual("kept", self.value_of("beforeBusy"))

    def test_interrupt_library_loop_that_never_checks_leaves_later_cells_alone(self):
        # the loop is in the JDK's stream code (not instrumented); it prints now and then: on Java 20+, where it
        # keeps running, its lines must stay in its own cell
        started = time.monotonic()
        error = self.error_of("java.util.stream.LongStream.iterate(0, i -> i + 1)\n"
                              '    .peek(i -> { if (i % 20_000_000 == 0) System.out.println("spinning"); })\n'
                              "    .filter(i -> i < 0).findFirst()", interrupt_after=1.0, timeout=30)
        self.assertEqual("Interrupted", error["ename"])
        self.assertLess(time.monotonic() - started, 15, "the kernel must answer within seconds of the interrupt")
        java = int(self.value_of("Runtime.version().feature()"))
        if java >= 20:
            self.assertIn("keeps running in the background", error["evalue"])
            self.assertIn("restart the kernel", error["evalue"])
        else:
            self.assertIn("stopped forcibly", error["evalue"])
        self.assert_later_cells_run_cleanly()
        if java >= 20:
            # as the message says: a restart frees the CPU the loop still uses
            self.km.restart_kernel(now=True)
            self.kc.wait_for_ready(timeout=120)
            self.assertEqual("2", self.value_of("1 + 1"))

    def test_deep_recursion_shows_a_short_trace_and_a_clear_message(self):
        self.run_cell("int down(int n) { return down(n + 1) + 1; }")
        error = self.error_of("down(0)")
        self.assertEqual("java.lang.StackOverflowError", error["ename"])
        self.assertIn("deep recursion: the stack overflowed", error["evalue"])
        trace = "\n".join(error["traceback"])
        self.assertLessEqual(len(error["traceback"]), 25, trace)
        self.assertRegex(trace, r"\.\.\. \d+ more frames of the same recursion")
        self.assertEqual("2", self.value_of("1 + 1"))

    def test_runtime_error_names_the_cell_as_in_n(self):
        reply, _ = self.run_cell("int divide(int a, int b) {\n    return a / b;\n}")
        defined_in = reply["content"]["execution_count"]
        reply, outputs = self.run_cell("int zero = 0;\ndivide(1, zero)")
        failing = reply["content"]["execution_count"]
        trace = "\n".join([m for m in outputs if m["msg_type"] == "error"][0]["content"]["traceback"])
        self.assertIn(f"divide, cell {defined_in}, line 2", trace)
        self.assertIn(f"cell {failing}, line 2", trace)

    def test_redefining_a_class_names_the_variables_it_reset(self):
        self.run_cell("class Sample { double v = 1; }")
        reply, _ = self.run_cell("Sample sample = new Sample();\nint sampleCount = 3;")
        set_in = reply["content"]["execution_count"]
        _, outputs = self.run_cell("class Sample { double v = 1; double w = 2; }")
        said = "".join(s["text"] for s in self.streams_of(outputs) if s["name"] == "stderr")
        self.assertIn("Redefining Sample reset variables that depend on it: sample (now null", said)
        self.assertIn(f"Re-run cell {set_in}", said)
        self.assertNotIn("sampleCount", said)
        self.assertEqual("3", self.value_of("sampleCount"))

    def test_input_prompt_comes_after_the_output_printed_before_it(self):
        msg_id = self.kc.execute('System.out.print("Your name? ");\n'
                                 'String name = new Scanner(System.in).nextLine();\n'
                                 'System.out.println("Hello, " + name);', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual("input_request", request["msg_type"])
        # What iopub brings as the prompt box opens. The two sockets are read apart, so the text may land a little
        # after the request; 0.25 s allows for a slow machine and stays below the 0.5 s after which CellStreams sends
        # a partial line anyway (then this test could not tell a flush before the read from none).
        arrived = []
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.25)
            except queue.Empty:
                break
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                arrived.append(msg["content"]["text"])
        self.assertEqual("Your name? ", "".join(arrived), "the text before input() must arrive before the prompt")
        self.kc.input("Ada")
        outputs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            outputs.append(msg)
        self.assertIn("Hello, Ada", "".join(s["text"] for s in self.streams_of(outputs)))
        self.kc.get_shell_msg(timeout=TIMEOUT)


class JavaKernelBehaviour(ReaderChecks, KernelSession):

    def test_is_complete_answers_at_once_right_after_start(self):
        km, kc = start_new_kernel(kernel_name=self.KERNEL_NAME, startup_timeout=120)
        try:
            timings = []
            cases = [("for (int i = 0; i < 3; i++) {", "incomplete"), ("int x = 1;", "complete"),
                     ('String s = """\n  open', "incomplete"), ("f(1, 2);", "complete"), ("/* still", "incomplete")]
            for code, expected in cases:
                started = time.monotonic()
                msg_id = kc.is_complete(code)
                reply = kc.get_shell_msg(timeout=TIMEOUT)
                while reply["parent_header"]["msg_id"] != msg_id:   # a late kernel_info reply of the start
                    reply = kc.get_shell_msg(timeout=TIMEOUT)
                timings.append(time.monotonic() - started)
                self.assertEqual(expected, reply["content"]["status"], code)
            print(f"\nis_complete right after start: {', '.join(f'{t * 1000:.0f} ms' for t in timings)}", file=sys.stderr)
            # before: 1.45 s while JShell warmed up; now 6-20 ms on an idle machine. The median bounds the answer;
            # single answers may take longer while other processes keep the cores busy (up to 180 ms seen at load 4.6).
            self.assertLess(sorted(timings)[len(timings) // 2], 0.1, f"is_complete took {timings} s")
            self.assertLess(max(timings), 0.5, f"is_complete took {timings} s")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

    def test_start_up_time(self):
        # The target (1.5 s, src/test/python/bench/kernel_start_time.py) holds on a quiet machine; this bound allows a busy
        # one. The figure itself is printed at the end of the run.
        self.assertLess(self.first_result_seconds, 20)

    def test_the_kernelspec_maps_its_class_data_archive(self):
        """The launcher's archive fits this JVM and these jars: with -Xshare:on a JVM that cannot map it stops."""
        argv = KernelSpecManager().get_kernel_spec(self.KERNEL_NAME).argv
        if not any(a.startswith("-XX:SharedArchiveFile=") for a in argv):
            self.skipTest("the kernelspec has no class-data archive (the launcher said why when it wrote it)")
        options = argv[:argv.index("workbook.kernel.KernelMain")]
        shown = subprocess.run(options + ["-Xshare:on", "-version"], capture_output=True, text=True, timeout=60)
        self.assertEqual(0, shown.returncode, shown.stdout + shown.stderr)

    def test_compile_error_names_line_and_keeps_variables(self):
        self.value_of("int kept = 41;\nkept")
        error = self.error_of('int a = 1;\nString s = 5;\n')
        self.assertEqual("CompilationError", error["ename"])
        text = "\n".join(error["traceback"])
        self.assertIn("line 2", text)
        self.assertIn("String s = 5;", text)
        self.assertEqual("42", self.value_of("kept + 1"))

    def test_exception_shows_type_message_and_cell_line_without_kernel_frames(self):
        error = self.error_of('int x = 3;\nif (x > 2) throw new IllegalArgumentException("window 60 is longer than the series (48 points)");')
        self.assertEqual("java.lang.IllegalArgumentException", error["ename"])
        self.assertIn("longer than the series", error["evalue"])
        text = "\n".join(error["traceback"])
        self.assertIn("line 2", text)
        self.assertNotIn("workbook.kernel", text)
        self.assertNotIn("jdk.internal", text)

    def test_library_exception_keeps_library_frames(self):
        error = self.error_of('java.util.List.of(1, 2).get(5)')
        self.assertIn("IndexOutOfBounds", error["ename"])
        self.assertIn("java.util.ImmutableCollections", "\n".join(error["traceback"]))

    def test_interrupt_training_like_loop_stops_at_checkpoint(self):
        self.run_cell("int[] epochsDone = {0};")
        error = self.error_of(
            'for (int epoch = 0; ; epoch++) {\n'
            '    workbook.display.Interruption.checkpoint("epoch " + epoch);\n'
            '    epochsDone[0] = epoch;\n'
            '    Thread.onSpinWait();\n'
            '}', interrupt_after=1.0)
        self.assertEqual("Interrupted", error["ename"])
        self.assertIn("stopped cleanly after epoch", error["evalue"])
        self.assertGreater(int(self.value_of("epochsDone[0]")), 0)

    def test_rerunning_a_cell_with_leading_blank_lines_keeps_other_variables(self):
        self.value_of("var notes = new ArrayList<String>();\nnotes.add(\"first\")")
        unrelated = "\n\n\nint unrelated = 7;\n\n"
        for _ in range(3):
            self.run_cell(unrelated)
        self.assertEqual("[first]", self.value_of("notes"))

    def test_figure_renders_as_plotly_html_library_once(self):
        code = ('var t = tech.tablesaw.api.Table.create("t", tech.tablesaw.api.DoubleColumn.create("x", 1, 2, 3),'
                ' tech.tablesaw.api.DoubleColumn.create("y", 1, 4, 9));\n'
                'tech.tablesaw.plotly.api.ScatterPlot.create("squares", t, "x", "y")')
        first = self.run_cell(code)[1]
        second = self.run_cell(code)[1]
        html1 = [m for m in first if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/html"]
        html2 = [m for m in second if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/html"]
        for html in (html1, html2):
            self.assertIn("Plotly.newPlot", html)
            self.assertNotIn('src="https://cdn.plot.ly', html)
        self.assertIn("window.__workbookDefine", html1)
        self.assertLess(len(html2), 10_000, "plotly.js must be sent once per session, not with every figure")
        # JupyterLab, VS Code and nbviewer draw plotly's own bundle natively
        bundle = [m for m in second if m["msg_type"] == "execute_result"][0]["content"]["data"]["application/vnd.plotly.v1+json"]
        self.assertEqual("squares", bundle["layout"]["title"])
        self.assertEqual(["1.0", "2.0", "3.0"], bundle["data"][0]["x"])
        self.assertEqual(["1.0", "4.0", "9.0"], bundle["data"][0]["y"])
        _, shown = self.run_cell("display(tech.tablesaw.plotly.api.ScatterPlot.create(\"squares\", t, \"x\", \"y\"));")
        displayed = [m for m in shown if m["msg_type"] == "display_data"][0]["content"]["data"]
        self.assertEqual(bundle, displayed["application/vnd.plotly.v1+json"], "display(figure) sends the same bundle")
        self.assertIn("text/html", displayed)
        plain = [m for m in second if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/plain"]
        self.assertEqual("Figure: squares (1 trace)", plain, "front ends without JavaScript see the title, the same every run")

    def test_long_table_is_shortened(self):
        html = None
        _, outputs = self.run_cell('tech.tablesaw.api.Table.create("long", tech.tablesaw.api.IntColumn.create("n", java.util.stream.IntStream.range(0, 500).toArray()))')
        html = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["text/html"]
        self.assertIn("485 rows not shown", html)
        self.assertIn("500 rows", html)

    def test_update_display_in_place(self):
        _, outputs = self.run_cell('String id = display("epoch 1");\nupdateDisplay(id, "epoch 2");')
        kinds = [m["msg_type"] for m in outputs]
        self.assertIn("display_data", kinds)
        self.assertIn("update_display_data", kinds)

    def test_printf_output_arrives_as_whole_lines_and_its_stream_is_not_a_result(self):
        _, outputs = self.run_cell('System.out.printf("%d months, from %s to %s%n", 144, "1949-01", "1960-12");\n'
                                   'System.out.printf("mean %.2f%n", 280.3)')
        streams = [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"]
        self.assertEqual("144 months, from 1949-01 to 1960-12\nmean 280.30\n", "".join(streams))
        self.assertLessEqual(len(streams), 2, f"one message per line at most, got {streams}")
        self.assertFalse([m for m in outputs if m["msg_type"] == "execute_result"])

    def test_twenty_thousand_lines_arrive_whole_in_few_messages(self):
        started = time.monotonic()
        reply, outputs = self.run_cell('for (int i = 0; i < 20_000; i++) System.out.println("line " + i);', timeout=60)
        self.assertEqual("ok", reply["content"]["status"])
        streams = self.streams_of(outputs)
        lines = "".join(s["text"] for s in streams if s["name"] == "stdout").splitlines()
        self.assertEqual([f"line {i}" for i in range(20_000)], lines)
        self.assertLess(len(streams), 200, f"{len(streams)} stream messages for 20,000 lines")
        print(f"\n20,000 lines: {len(streams)} stream messages, {time.monotonic() - started:.2f} s", file=sys.stderr)

    def test_a_million_lines_are_cut_with_a_notice_and_the_kernel_stays_responsive(self):
        started = time.monotonic()
        reply, outputs = self.run_cell('for (int i = 0; i < 1_000_000; i++) System.out.println("line " + i);', timeout=60)
        self.assertEqual("ok", reply["content"]["status"])
        streams = self.streams_of(outputs)
        stdout = "".join(s["text"] for s in streams if s["name"] == "stdout").splitlines()
        stderr = "".join(s["text"] for s in streams if s["name"] == "stderr")
        self.assertEqual("line 0", stdout[0])
        self.assertLess(len(stdout), 100_000)
        self.assertIn("Output cut here", stderr)
        left_out = 1_000_000 - len(stdout)
        self.assertIn(f"{left_out:,} more lines", stderr)
        self.assertLess(len(streams), 200)
        print(f"\n1,000,000 lines: {len(stdout)} shown, {len(streams)} stream messages,"
              f" {time.monotonic() - started:.2f} s", file=sys.stderr)
        after = time.monotonic()
        self.assertEqual("2", self.value_of("1 + 1"))
        self.assertLess(time.monotonic() - after, 5)

    def test_output_of_a_thread_started_by_a_cell_arrives_in_that_cell(self):
        _, outputs = self.run_cell('var worker = new Thread(() -> System.out.println("from the worker"));\n'
                                   'worker.start();\nworker.join();')
        self.assertIn("from the worker", "".join(s["text"] for s in self.streams_of(outputs)))
        # a thread still printing after its cell ended writes to that cell, not to the kernel's terminal
        msg_id = self.kc.execute('new Thread(() -> { try { Thread.sleep(500); } catch (InterruptedException e) { }\n'
                                 '    System.out.println("late line"); }).start();')
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "late line" in msg["content"]["text"]):
                break
        else:
            self.fail("the late line of a cell's thread never arrived in that cell")
        self.kc.get_shell_msg(timeout=TIMEOUT)

    def test_printed_text_arrives_before_a_display_that_follows_it(self):
        _, outputs = self.run_cell('System.out.println("before");\ndisplay("shown");\nSystem.out.println("after");')
        kinds = [m["msg_type"] for m in outputs if m["msg_type"] in ("stream", "display_data")]
        self.assertEqual(["stream", "display_data", "stream"], kinds)

    def test_system_exit_is_refused_and_the_kernel_keeps_its_variables(self):
        self.value_of("int beforeExit = 41;\nbeforeExit")
        for cell in ("System.exit(0);", "Runtime.getRuntime().halt(0);"):
            error = self.error_of(cell)
            self.assertEqual("KernelExitRefused", error["ename"])
            self.assertIn("would stop the kernel", error["evalue"])
        self.assertEqual("42", self.value_of("beforeExit + 1"))

    def test_a_cell_that_interrupts_every_thread_leaves_the_kernels_own_alone(self):
        # Without the guard the kernel answered nothing again: its heartbeat and control loops ended (measured).
        reply, outputs = self.run_cell(
            "Thread mine = new Thread(() -> { try { Thread.sleep(30_000); } catch (InterruptedException e) {"
            " System.out.println(\"mine: interrupted\"); } });\nmine.start();\n"
            "Thread.getAllStackTraces().keySet().stream().filter(t -> t != Thread.currentThread())"
            ".forEach(Thread::interrupt);\nmine.join(10_000);")
        self.assertEqual("ok", reply["content"]["status"], reply["content"])
        streams = self.streams_of(outputs)
        self.assertIn("mine: interrupted\n", "".join(s["text"] for s in streams if s["name"] == "stdout"))
        told = "".join(s["text"] for s in streams if s["name"] == "stderr")
        self.assertRegex(told, r'^Thread\.interrupt\(\) left ".+" and the kernel\'s other own threads alone')
        self.assertEqual(1, len(told.splitlines()), told)
        self.assertEqual("42", self.value_of("40 + 2"))
        self.kc.kernel_info()   # the control of the connection goes on too
        self.assertEqual("kernel_info_reply", self.kc.get_shell_msg(timeout=TIMEOUT)["msg_type"])

    def test_kernel_info_has_complete_language_info(self):
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["msg_type"] != "kernel_info_reply":
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        info = reply["content"]["language_info"]
        self.assertEqual("java", info["name"])
        self.assertRegex(info["version"], r"^[0-9]+")
        self.assertEqual("text/x-java-source", info["mimetype"])
        self.assertEqual(".jshell", info["file_extension"])
        self.assertEqual("java", info["pygments_lexer"])
        self.assertEqual("text/x-java", info["codemirror_mode"])
        links = {link["text"]: link["url"] for link in reply["content"]["help_links"]}
        self.assertEqual("https://docs.djl.ai/", links["DJL (Deep Java Library)"])
        self.assertEqual("https://jtablesaw.github.io/tablesaw/", links["Tablesaw"])
        self.assertTrue(any(url.startswith("https://docs.oracle.com/en/java/javase/") for url in links.values()), links)

    def test_complete_offers_the_workbook_api(self):
        def matches(code):
            reply = self.kc.complete(code, len(code), reply=True, timeout=TIMEOUT)
            self.assertEqual("ok", reply["content"]["status"], reply["content"])
            return reply["content"]["matches"]
        self.assertIn("MinMaxScaler", matches("workbook.data.MinMax"))
        self.assertIn("fit(", matches("workbook.data.MinMaxScaler.f"))
        self.value_of("var completedScaler = workbook.data.MinMaxScaler.fit(new double[] {1, 2, 3});\n0")
        self.assertEqual(["max()", "min()"], sorted(matches("completedScaler.m")))

    def test_magics(self):
        folder = KERNEL_FIXTURES
        value = self.value_of(f"%load {folder}/helper.jsh\nint tripled = triple(14);\ntripled")
        self.assertEqual("42", value)
        error = self.error_of("%nosuchmagic")
        self.assertEqual("MagicError", error["ename"])
        self.assertIn("Unknown line magic %nosuchmagic; expected one of Line magics: %classpath %jars %load", error["evalue"])
        error = self.error_of("%jars /no/such/folder/*.jar")
        self.assertIn("no/such/folder", error["evalue"])

    def test_load_tries_ijava_extensions_and_runs_a_notebooks_code_cells(self):
        folder = KERNEL_FIXTURES
        self.assertEqual("42", self.value_of(f"%load {folder}/helper\ntriple(14)"))
        self.assertEqual("42", self.value_of(f"%load {folder}/setup-cells\nnextOf(base)"))
        error = self.error_of(f"%load {folder}/absent")
        self.assertEqual(f"%load: no file named {folder}/absent; tried {folder}/absent, {folder}/absent.jsh, "
                         f"{folder}/absent.jshell, {folder}/absent.java, {folder}/absent.ipynb", error["evalue"])

    def test_maven_from_the_local_repository_and_bad_coordinates(self):
        self.value_of("int survivor = 7; survivor")
        started = time.monotonic()
        value = self.value_of("%maven org.apache.commons:commons-text:1.12.0\n"
                              "org.apache.commons.text.WordUtils.capitalize("
                              "org.apache.commons.lang3.StringUtils.reverse(\"olleh\"))")
        seconds = time.monotonic() - started
        print(f"\n%maven commons-text (+ commons-lang3) from ~/.m2: {seconds:.2f} s", file=sys.stderr)
        self.assertEqual("Hello", value)
        self.assertLess(seconds, 3)
        started = time.monotonic()
        error = self.error_of("%maven org.example.nowhere:no-such-lib:9.9.9")
        seconds = time.monotonic() - started
        print(f"%maven of a missing artifact failed in {seconds:.2f} s", file=sys.stderr)
        self.assertLess(seconds, 10)
        self.assertIn("cannot resolve org.example.nowhere:no-such-lib:jar:9.9.9; looked in the local repository",
                      error["evalue"])
        self.assertNotIn("\n", error["evalue"])
        error = self.error_of("%maven commons-lang3")
        self.assertEqual("%maven: expected GROUP:ARTIFACT:VERSION (or GROUP:ARTIFACT:EXTENSION[:CLASSIFIER]:VERSION), "
                         "e.g. org.apache.commons:commons-lang3:3.14.0; got 'commons-lang3'", error["evalue"])
        error = self.error_of("%%loadFromPOM\n<dependencies><dependency>")
        self.assertIn("%%loadFromPOM: expected a POM (<project>), <dependencies> or <dependency>", error["evalue"])
        self.assertEqual("7", self.value_of("survivor"))

    def test_load_from_pom_fragment(self):
        self.run_cell("%%loadFromPOM\n<dependencies><dependency><groupId>org.apache.commons</groupId>"
                      "<artifactId>commons-lang3</artifactId><version>3.14.0</version></dependency></dependencies>")
        self.assertEqual("cba", self.value_of('org.apache.commons.lang3.StringUtils.reverse("abc")'))

    def test_lsmagic_and_time(self):
        reply, outputs = self.run_cell("%lsmagic")
        text = "".join(s["text"] for s in self.streams_of(outputs) if s["name"] == "stdout")
        self.assertEqual("Line magics: %classpath %jars %load %lsmagic %maven %time\n"
                         "Cell magics: %%loadFromPOM %%time\n", text)
        reply, outputs = self.run_cell('%%time\nThread.sleep(300);\nSystem.out.println("trained");\n6 * 7')
        self.assertEqual("ok", reply["content"]["status"])
        text = "".join(s["text"] for s in self.streams_of(outputs) if s["name"] == "stdout")
        self.assertRegex(text, r"^trained\nCPU times: total [0-9.]+ (µs|ms|s) \(all kernel threads\)\nWall time: [0-9.]+ (ms|s)\n$")
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(["42"], results)
        self.assertEqual("3", self.value_of("%time int timedSum = 1 + 2;\ntimedSum"))


NEWER_JAVA_KERNEL = newer_java_kernel()


@unittest.skipUnless(NEWER_JAVA_KERNEL, "no Java 21 or newer on this machine (looked at $WORKBOOK_NEWER_JAVA_HOME,"
                     " $JAVA_HOME, /usr/lib/jvm/*, /opt/*jdk*): the checks on a Java without Thread.stop did not run")
class NewerJavaKernel(ReaderChecks, KernelSession):
    """The same reader checks on a Java where a busy loop cannot be stopped (Thread.stop is gone)."""
    KERNEL_NAME = NEWER_JAVA_KERNEL or "java"

    def test_runs_on_the_newer_java(self):
        self.assertGreaterEqual(int(self.value_of("Runtime.version().feature()")), 21)


# A notebook server that is killed (not shut down) must not leave its kernel running.
ORPHAN_PARENT = """
import sys, time
from jupyter_client.manager import KernelManager
km = KernelManager(kernel_name="java")
km.start_kernel()
print(km.provisioner.process.pid, flush=True)
time.sleep(600)
"""


def running(pid):
    """True while the process exists and is not a zombie waiting for a parent that may never reap it."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
    except FileNotFoundError:
        return False


class OrphanedKernel(unittest.TestCase):
    def test_kernel_exits_when_the_jupyter_process_that_started_it_is_killed(self):
        import signal
        import subprocess
        parent = subprocess.Popen([sys.executable, "-c", ORPHAN_PARENT], stdout=subprocess.PIPE, text=True)
        kernel_pid = int(parent.stdout.readline())
        try:
            time.sleep(3)
            self.assertTrue(running(kernel_pid), "the kernel must run while its parent does")
            parent.send_signal(signal.SIGKILL)
            parent.wait()
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                if not running(kernel_pid):
                    return
                time.sleep(0.5)
            self.fail(f"the kernel (pid {kernel_pid}) still runs 20 s after the Jupyter process that started it was killed")
        finally:
            try:
                os.kill(kernel_pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
FIRST_CELL_FROM_ELSEWHERE = """
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="java", startup_timeout=120)
try:
    kc.execute_interactive("System.out.println(6 * 7)", timeout=60,
                           output_hook=lambda m: m["msg_type"] == "stream" and print(m["content"]["text"], end=""))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
"""


class OfflineKernel(unittest.TestCase):
    """A kernel told it is offline (as when Maven Central does not answer) resolves from ~/.m2 only."""

    def test_maven_offline_uses_the_local_repository_and_fails_fast_for_the_rest(self):
        os.environ["WORKBOOK_OFFLINE"] = "1"
        try:
            km, kc = start_new_kernel(kernel_name="java", startup_timeout=120)
        finally:
            del os.environ["WORKBOOK_OFFLINE"]
        try:
            run_cell(km, kc, "1 + 1")   # JShell's own first-cell start-up is not the magic's time
            started = time.monotonic()
            reply, outputs = run_cell(km, kc, "%maven org.apache.commons:commons-lang3:3.14.0\n"
                                             "org.apache.commons.lang3.StringUtils.reverse(\"abc\")")
            local_seconds = time.monotonic() - started
            self.assertEqual("ok", reply["content"]["status"], reply["content"])
            results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
            self.assertEqual(["cba"], results)
            self.assertLess(local_seconds, 3)
            started = time.monotonic()
            reply, outputs = run_cell(km, kc, "%maven org.example.nowhere:no-such-lib:9.9.9")
            missing_seconds = time.monotonic() - started
            self.assertLess(missing_seconds, 10)
            self.assertEqual("%maven: cannot resolve org.example.nowhere:no-such-lib:jar:9.9.9; looked in the local "
                             f"repository {os.path.expanduser('~/.m2/repository')} (offline: Maven Central did not "
                             "answer, so only there)", reply["content"]["evalue"])
            print(f"\noffline %maven: local {local_seconds:.2f} s, missing {missing_seconds:.2f} s", file=sys.stderr)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


class IJavaCompatNotebook(unittest.TestCase):
    """src/test/notebooks/ijava-compat.ipynb, a notebook in IJava's idioms only, runs unchanged through nbclient
    (as run_notebooks.py runs the workbook's notebooks), from a folder of its own, offline."""

    def test_ijava_notebook_runs_unchanged_and_gives_the_expected_outputs(self):
        sys.path.insert(0, os.path.join(ROOT, "src", "scripts"))
        import run_notebooks
        source = os.path.join(ROOT, "src", "test", "notebooks")
        math3 = os.path.expanduser("~/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar")
        self.assertTrue(os.path.isfile(math3), f"{math3} is not in the local repository (the build fetches it)")
        with tempfile.TemporaryDirectory() as folder:
            for name in ("ijava-compat.ipynb", "ijava-helpers.jsh"):
                shutil.copy(os.path.join(source, name), folder)
            os.makedirs(os.path.join(folder, "lib"))
            shutil.copy(math3, os.path.join(folder, "lib"))   # `%jars lib/*.jar`, as IJava's documentation writes it
            os.environ["WORKBOOK_OFFLINE"] = "1"   # %maven and %%loadFromPOM from ~/.m2 only
            try:
                seconds, peak_mib = run_notebooks.execute(os.path.join(folder, "ijava-compat.ipynb"),
                                                          os.path.join(folder, "executed"))
            finally:
                del os.environ["WORKBOOK_OFFLINE"]
            print(f"\nijava-compat.ipynb: {seconds:.1f} s, kernel peak {peak_mib:.0f} MiB", file=sys.stderr)
            with open(os.path.join(folder, "executed", "ijava-compat.ipynb")) as executed:
                cells = [c for c in json.load(executed)["cells"] if c["cell_type"] == "code"]

        def text(value):   # nbformat may store a text as a list of lines
            return "".join(value) if isinstance(value, list) else value

        def results(cell):
            return [text(o["data"]["text/plain"]) for o in cell["outputs"] if o["output_type"] == "execute_result"]

        def printed(cell):
            return "".join(text(o["text"]) for o in cell["outputs"] if o["output_type"] == "stream" and o["name"] == "stdout")

        for cell in cells:
            self.assertEqual([], [o for o in cell["outputs"] if o["output_type"] == "error"], cell["source"])
        load, maven, pom, words, jars, timed, shown = cells
        self.assertEqual(["Hello, IJava!"], results(load))
        self.assertIn("commons-lang3-3.14.0.jar", printed(maven))
        self.assertEqual(["Recurrent"], results(maven))
        self.assertIn("commons-text-1.12.0.jar", printed(pom))
        self.assertEqual(["lstm"], results(words))
        self.assertRegex(printed(jars), r"Added to the classpath: .*/lib/commons-math3-3\.6\.1\.jar")
        self.assertEqual(["2.5"], results(jars))
        self.assertRegex(printed(timed), r"CPU times: total [0-9.]+ (µs|ms|s) \(all kernel threads\)\nWall time: [0-9.]+ (µs|ms|s)\n$")
        self.assertEqual(["499500"], results(timed))
        displays = [o for o in shown["outputs"] if o["output_type"] == "display_data"]
        # nbclient applies update_display_data in place: the progress line shows its last value
        self.assertEqual("training: epoch 3", text(displays[0]["data"]["text/plain"]))
        self.assertIn("<b>done</b>", text(displays[1]["data"]["text/html"]))
        self.assertEqual([], results(shown))   # the final semicolon silences the result


class StrayMessages(unittest.TestCase):
    """Messages the kernel cannot read, which any process on the machine can send to its ports: it drops them and
    answers on. Before, a forged or broken one ended jjava's channel loop (the kernel answered nothing again), and one
    cut short made the reader take the next request as its rest (that request's reply went nowhere)."""

    STRAY_PER_CHANNEL = 5

    def setUp(self):
        self.log = tempfile.NamedTemporaryFile(mode="w+", suffix=".log")
        self.km, self.kc = start_new_kernel(kernel_name="java", startup_timeout=120, stderr=self.log)
        self.context = zmq.Context()
        self.addCleanup(self.context.destroy, linger=0)

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)
        self.log.close()

    def send_to(self, channel, *frames):
        info = self.km.get_connection_info()
        sender = self.context.socket(zmq.DEALER)
        sender.setsockopt(zmq.LINGER, 1000)
        sender.connect(f"tcp://{info['ip']}:{info[channel + '_port']}")
        sender.send_multipart(list(frames))
        sender.close()

    def notes(self, expected, wait_seconds=10):
        """The kernel's notes on dropped messages, once `expected` of them are in its log (or the wait is over)."""
        deadline = time.monotonic() + wait_seconds
        while True:
            with open(self.log.name, encoding="utf-8") as log:
                notes = [line for line in log if "dropped a message" in line]
            if len(notes) >= expected or time.monotonic() > deadline:
                return notes
            time.sleep(0.1)

    def test_forged_broken_and_cut_short_messages_are_dropped_and_every_request_is_answered(self):
        forger = Session(key=b"not-the-kernel's-key")
        for channel in ("shell", "control"):
            message = forger.msg("execute_request", {"code": "int forged = 1;", "silent": False})
            self.send_to(channel, *forger.serialize(message))
            self.send_to(channel, b"<IDS|MSG>", b"no-signature", b"{not json", b"{}", b"{}", b"{}")
            self.send_to(channel, *forger.serialize(forger.msg("shutdown_request", {"restart": False})))
            self.send_to(channel, b"", b"ping")   # a heartbeat client's ping, at the wrong port
            self.send_to(channel, b"<IDS|MSG>", b"cut", b"{}")   # a message cut after its header
        for cell in range(3):   # each one answered: a cut-short message no longer takes the next request with it
            reply, outputs = run_cell(self.km, self.kc, f"40 + {cell}", timeout=20)
            self.assertEqual("ok", reply["content"]["status"], reply["content"])
            self.assertEqual([str(40 + cell)],
                             [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"])
        reply, _ = run_cell(self.km, self.kc, "forged")   # the forged request never ran
        self.assertEqual("error", reply["content"]["status"])
        self.kc.control_channel.send(self.kc.session.msg("kernel_info_request"))
        self.assertEqual("kernel_info_reply", self.kc.get_control_msg(timeout=TIMEOUT)["msg_type"])
        self.assertTrue(self.km.is_alive(), "a forged shutdown_request must not stop the kernel")
        notes = self.notes(2 * self.STRAY_PER_CHANNEL)
        self.assertEqual(2 * self.STRAY_PER_CHANNEL, len(notes), "".join(notes))
        said = "".join(notes)
        self.assertIn("(java.lang.SecurityException: Message received had invalid signature) and listens on.", said)
        self.assertIn("a message of 3 frames ended without the <IDS|MSG> delimiter", said)   # ROUTER's id, "", ping
        self.assertIn("a message of 4 frames ended before the 5 frames after its <IDS|MSG> delimiter", said)


class HungCell(unittest.TestCase):
    """A cell that never replies fails its notebook with the cell's number and the kernel's threads, so that a hang in
    CI says where it hung; the notebooks after it still run (run_notebooks.py)."""

    def test_a_cell_past_its_timeout_names_the_cell_and_where_the_kernel_threads_are(self):
        sys.path.insert(0, os.path.join(ROOT, "src", "scripts"))
        import nbformat
        import run_notebooks
        with tempfile.TemporaryDirectory() as folder:
            notebook = nbformat.v4.new_notebook()
            notebook.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
            notebook.cells = [nbformat.v4.new_code_cell("int before = 1;"),
                              nbformat.v4.new_code_cell("Object never = new Object();\nsynchronized (never) { never.wait(); }")]
            path = os.path.join(folder, "hangs.ipynb")
            nbformat.write(notebook, path)
            saved, run_notebooks.CELL_TIMEOUT_SECONDS = run_notebooks.CELL_TIMEOUT_SECONDS, 5
            try:
                failed, line, seconds = run_notebooks.run_one(
                    path, argparse.Namespace(check_committed=False, out=os.path.join(folder, "out"), jobs=1))
            finally:
                run_notebooks.CELL_TIMEOUT_SECONDS = saved
        self.assertTrue(failed)
        self.assertIsNone(seconds)
        self.assertIn("FAIL hangs.ipynb: cell 1 ('Object never = new Object();') broke off", line)
        self.assertIn("CellTimeoutError", line)
        self.assertIn("the kernel's threads at that moment", line)
        self.assertIn('"notebook-cell-2"', line)   # the hung cell's own thread (In[2]), where it waits
        self.assertIn("java.lang.Object.wait", line)
        self.assertNotIn('"Reference Handler"', line)   # the JVM's housekeeping is left out


class LauncherAdvice(unittest.TestCase):
    """`./workbook env` and `./workbook doctor` advise commands that exist and work on this machine."""

    def test_env_output_evaluates_and_its_listing_command_finds_the_kernel(self):
        with tempfile.TemporaryDirectory() as elsewhere:
            env = {k: v for k, v in os.environ.items() if k != "JUPYTER_PATH"}
            shown = subprocess.run([os.path.join(ROOT, "workbook"), "env"], cwd=elsewhere, env=env,
                                   capture_output=True, text=True, timeout=300)
            self.assertEqual(0, shown.returncode, shown.stderr[-2000:])
            advised = [line.split("e.g.: ", 1)[1] for line in shown.stdout.splitlines() if "e.g.: " in line]
            self.assertEqual(1, len(advised), shown.stdout)
            # what the README tells a reader to run: eval "$(./workbook env)", then the advised command
            listing = subprocess.run(["bash", "-c", f'eval "$1"; {advised[0]}', "env", shown.stdout],
                                     cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
            self.assertEqual(0, listing.returncode, listing.stderr)
            self.assertRegex(listing.stdout, r"\n  java +" + re.escape(os.path.join(ROOT, ".workbook", "share", "jupyter",
                                                                                   "kernels", "java")))

    def test_doctor_advises_commands_this_machine_has(self):
        done = subprocess.run([os.path.join(ROOT, "workbook"), "doctor"], capture_output=True, text=True, timeout=120)
        self.assertEqual(0, done.returncode, done.stderr)
        for line in done.stdout.splitlines()[1:]:
            self.assertRegex(line, r"^  (ok|MISSING|note) ")
            if "  -> " in line:
                command = line.split("  -> ", 1)[1].removeprefix("as root: ").split()[0]
                self.assertTrue(command.startswith("./workbook") or shutil.which(command) or command == "install",
                                f"advises {command!r}, which this machine does not have: {line}")
        # the install advice fits this machine: apt-get as root, sudo apt-get, or 'as root:'; unknown packages named
        advice = subprocess.run(["bash", "-c", "eval \"$(sed -n '/^install_advice()/,/^}/p' \"$1\")\"; "
                                 "install_advice maven no-such-package-xyz", "advice", os.path.join(ROOT, "workbook")],
                                capture_output=True, text=True, timeout=60).stdout.strip()
        prefix = "apt-get" if os.getuid() == 0 else ("sudo apt-get" if shutil.which("sudo") else "as root: apt-get")
        if shutil.which("apt-get"):
            self.assertEqual(f"{prefix} install -y maven no-such-package-xyz (apt does not know no-such-package-xyz "
                             "yet: run apt-get update first)", advice)


def png_size(path):
    """(width, height) of a PNG file; fails when the file is not a PNG."""
    with open(path, "rb") as image:
        head = image.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


class KernelspecInstall(unittest.TestCase):
    """`./workbook kernel install --prefix DIR`: a kernelspec that Jupyter finds and starts from any folder."""

    def assert_logos(self, spec_dir):
        for size in (32, 64):
            path = os.path.join(spec_dir, f"logo-{size}x{size}.png")
            self.assertTrue(os.path.isfile(path), f"no {path}")
            self.assertEqual((size, size), png_size(path))
            self.assertLess(os.path.getsize(path), 8192, path)

    def test_project_local_kernelspec_has_logos(self):
        """`./workbook env` (run before these tests) writes the project-local kernelspec with its logos."""
        self.assert_logos(os.path.join(ROOT, ".workbook", "share", "jupyter", "kernels", "java"))

    def test_install_into_a_prefix_start_from_another_folder_and_remove(self):
        import subprocess
        import tempfile
        with tempfile.TemporaryDirectory() as prefix, tempfile.TemporaryDirectory() as elsewhere:
            launcher = os.path.join(ROOT, "workbook")
            done = subprocess.run([launcher, "kernel", "install", "--prefix", prefix],
                                  capture_output=True, text=True, timeout=300)
            self.assertEqual(0, done.returncode, done.stderr)
            spec_dir = os.path.join(prefix, "share", "jupyter", "kernels", "java")
            self.assertIn(f"installed the 'java' kernel into {spec_dir}", done.stdout)
            env = dict(os.environ, JUPYTER_PATH=os.path.join(prefix, "share", "jupyter"))
            listing = subprocess.run([sys.executable, "-c",
                                      "from jupyter_client.kernelspec import KernelSpecManager as K;"
                                      "s = K().get_kernel_spec('java'); print(s.resource_dir); print(s.argv[0])"],
                                     cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
            resource_dir, java = listing.stdout.split()
            self.assertEqual(spec_dir, resource_dir)
            self.assert_logos(spec_dir)
            self.assertTrue(os.path.isabs(java) and os.access(java, os.X_OK), java)
            first = subprocess.run([sys.executable, "-c", FIRST_CELL_FROM_ELSEWHERE],
                                   cwd=elsewhere, env=env, capture_output=True, text=True, timeout=180)
            self.assertEqual("42\n", first.stdout, first.stderr[-2000:])
            removed = subprocess.run([launcher, "kernel", "remove", "--prefix", prefix],
                                     capture_output=True, text=True, timeout=60)
            self.assertEqual(f"removed {spec_dir}\n", removed.stdout)
            self.assertFalse(os.path.exists(spec_dir))
            again = subprocess.run([launcher, "kernel", "remove", "--prefix", prefix],
                                   capture_output=True, text=True, timeout=60)
            self.assertNotEqual(0, again.returncode)
            self.assertEqual(f"no 'java' kernelspec in {spec_dir}; nothing removed\n", again.stderr)
            bad = subprocess.run([launcher, "kernel", "install", "--user", "--prefix", prefix],
                                 capture_output=True, text=True, timeout=300)
            self.assertEqual(2, bad.returncode)
            self.assertEqual(1, len(bad.stderr.strip().splitlines()), bad.stderr)


if __name__ == "__main__":
    outcome = unittest.main(verbosity=2, exit=False).result
    for kernel, seconds in START_TIMES:
        print(f"kernel start to first result, {kernel}: {seconds:.2f} s (target on a quiet machine: at most "
              f"{START_TARGET_SECONDS} s; several starts: src/test/python/bench/kernel_start_time.py)")
    sys.exit(0 if outcome.wasSuccessful() else 1)
