#!/usr/bin/env python3
"""The library from a project of its own: a Maven project in a temporary folder outside the repository depends on
the library artifact (io.github.rnnworkbook:rnn-workbook-library) that `./workbook install` put into ~/.m2, builds
offline, reads a shipped data set from the jar and a CSV of its own, trains a GRU for one epoch, saves and reloads
it, saves a figure, and prints nothing but its own lines. No -Dworkbook.data, no -Dworkbook.plotly.js: the data sets
and plotly.js come from the jar. Also: `./workbook library-classpath` names the library jar and its runtime
dependencies, none of the kernel's.

Usage: library_consumer.py            (run ./workbook install first)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
PLOTLY_JS = os.path.join(ROOT, ".workbook", "plotly-2.35.3.min.js")
OWN_LINES = [
    r"shipped data: 144 rows from jar:file:.*/rnn-workbook-library-[^/]+\.jar!/workbook/data/AirPassengers\.csv",
    r"own data: 5 rows, columns \[date, units, shop\]",
    r"1 epoch: train loss \d\.\d{4}, validation loss \d\.\d{4}",
    r"reloaded: \d+ forecasts, largest difference 0\.0e\+00",
    r"figure: air\.html, \d+ bytes",
]


def project_version():
    with open(os.path.join(ROOT, "library", "pom.xml"), encoding="utf-8") as f:
        return re.search(r"<artifactId>rnn-workbook-library</artifactId>\s*<version>([^<]+)</version>", f.read()).group(1)


class LibraryConsumerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        version = project_version()
        installed = os.path.expanduser(f"~/.m2/repository/io/github/rnnworkbook/rnn-workbook-library/{version}")
        if not os.path.isdir(installed):
            raise SystemExit(f"rnn-workbook-library {version} is not in ~/.m2 ({installed}): run ./workbook install first")
        cls.folder = tempfile.mkdtemp(prefix="workbook-consumer-")
        assert not os.path.realpath(cls.folder).startswith(os.path.realpath(ROOT) + os.sep)
        project = os.path.join(cls.folder, "forecast")
        shutil.copytree(os.path.join(ROOT, "src", "test", "consumer"), project)
        pom = os.path.join(project, "pom.xml")
        with open(pom, encoding="utf-8") as f:
            text = f.read().replace("@WORKBOOK_VERSION@", version)
        with open(pom, "w", encoding="utf-8") as f:
            f.write(text)
        cls.project = project
        build = subprocess.run(
            ["mvn", "-o", "-B", "-q", "compile",
             "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath", "-Dmdep.outputFile=classpath.txt"],
            cwd=project, capture_output=True, text=True, timeout=300)
        if build.returncode != 0:
            raise AssertionError("the consumer project did not build offline:\n" + build.stdout + build.stderr)
        with open(os.path.join(project, "classpath.txt"), encoding="utf-8") as f:
            classpath = os.path.join(project, "target", "classes") + os.pathsep + f.read().strip()
        # nothing names the data folder or plotly.js: both come from the library jar
        cls.program = subprocess.run(
            ["java", "-cp", classpath, "example.Forecast"],
            cwd=project, capture_output=True, text=True, timeout=300)
        sys.stderr.write("the consumer program printed:\n" + cls.program.stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_the_program_prints_only_its_own_lines(self):
        self.assertEqual(0, self.program.returncode, self.program.stderr)
        self.assertEqual("", self.program.stderr, "stderr must be empty")
        lines = self.program.stdout.splitlines()
        self.assertEqual(len(OWN_LINES), len(lines), self.program.stdout)
        for pattern, line in zip(OWN_LINES, lines):
            self.assertRegex(line, "^" + pattern + "$")

    def test_the_saved_model_and_figure_are_real_files(self):
        with open(os.path.join(self.project, "target", "gru.model"), "rb") as f:
            self.assertEqual(b"WORKBOOK-MODEL", f.read(14))
        with open(os.path.join(self.project, "target", "air.html"), encoding="utf-8") as f:
            html = f.read()
        with open(PLOTLY_JS, encoding="utf-8") as f:
            self.assertIn(f.read(), html)
        self.assertIn("1960-12-01", html)
        self.assertNotRegex(html, r"<script[^>]*src=[\"']?https?:")
        size = int(re.search(r"figure: air\.html, (\d+) bytes", self.program.stdout).group(1))
        self.assertEqual(os.path.getsize(os.path.join(self.project, "target", "air.html")), size)


class LibraryClasspathTest(unittest.TestCase):
    """`./workbook library-classpath` (the launcher's library_classpath, for programs built against the library alone)."""

    def test_it_is_the_library_jar_and_its_runtime_dependencies_only(self):
        run = subprocess.run([os.path.join(ROOT, "workbook"), "library-classpath"], capture_output=True, text=True,
                             timeout=600)
        self.assertEqual(0, run.returncode, run.stderr)
        self.assertEqual(1, len(run.stdout.splitlines()), "one line: " + run.stdout)
        entries = run.stdout.strip().split(os.pathsep)
        self.assertEqual(f"rnn-workbook-library-{project_version()}.jar", os.path.basename(entries[0]))
        names = [os.path.basename(e) for e in entries]
        for needed in ("api-0.36.0.jar", "pytorch-engine-0.36.0.jar", "pytorch-native-cpu-2.7.1-", "tablesaw-core-",
                       "commons-math3-", "slf4j-api-"):
            self.assertTrue(any(n.startswith(needed) for n in names), f"{needed} missing from {names}")
        for kernel_only in ("slf4j-simple", "jjava", "maven-resolver", "asm-", "junit"):
            self.assertFalse(any(n.startswith(kernel_only) for n in names), f"{kernel_only} in {names}")
        self.assertTrue(all(os.path.isfile(e) for e in entries), [e for e in entries if not os.path.isfile(e)])


if __name__ == "__main__":
    unittest.main(verbosity=1)
