#!/usr/bin/env python3
"""Which native PyTorch jar a project using the library gets, on each platform DJL publishes one for.

A Maven project outside the repository depends on the installed library artifact; Maven resolves its dependency tree
(POMs only, offline) in a JVM that reports another operating system (os.name, os.arch), so the library POM's
OS-activated profiles choose as they would on that machine. Windows is checked through its profile by name, in the
library's own build: Maven's console library (jansi) cannot start on Linux with a Windows os.name. -Dworkbook.cuda must leave the CPU jar out.
With --online, each chosen jar is also looked up on Maven Central (a HEAD request, nothing downloaded): there for
every platform, absent for Intel Macs (whose build then stops naming the jar).

Usage: native_platforms.py [--online]      (run ./workbook install first)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
CENTRAL = "https://repo1.maven.org/maven2/ai/djl/pytorch/pytorch-native-cpu/{version}/pytorch-native-cpu-{version}-{classifier}.jar"
NATIVE = re.compile(r"ai\.djl\.pytorch:pytorch-native-cpu:jar:([\w-]+):([\d.]+)")
ONLINE = "--online" in sys.argv


def library_version():
    with open(os.path.join(ROOT, "library", "pom.xml"), encoding="utf-8") as f:
        return re.search(r"<artifactId>rnn-workbook-library</artifactId>\s*<version>([^<]+)</version>", f.read()).group(1)


def maven_home():
    out = subprocess.run(["mvn", "-v"], capture_output=True, text=True, check=True).stdout
    return re.search(r"Maven home: (.+)", out).group(1).strip()


class NativePlatformsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="workbook-natives-")
        with open(os.path.join(cls.folder, "pom.xml"), "w", encoding="utf-8") as f:
            f.write(f"""<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId><artifactId>natives</artifactId><version>1.0</version>
  <dependencies><dependency><groupId>io.github.rnnworkbook</groupId><artifactId>rnn-workbook-library</artifactId>
    <version>{library_version()}</version></dependency></dependencies>
</project>
""")
        home = maven_home()
        boot = [os.path.join(home, "boot", n) for n in os.listdir(os.path.join(home, "boot")) if "classworlds" in n]
        cls.launcher = ["java", "-classpath", boot[0], f"-Dclassworlds.conf={home}/bin/m2.conf", f"-Dmaven.home={home}",
                        f"-Dmaven.multiModuleProjectDirectory={cls.folder}", "org.codehaus.plexus.classworlds.launcher.Launcher"]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def natives(self, os_name=None, os_arch=None, *maven_args):
        """The pytorch-native-cpu jars in the tree (classifier, version), or the error Maven stopped with."""
        jvm = [f"-Dos.name={os_name}", f"-Dos.arch={os_arch}"] if os_name else []
        command = [self.launcher[0]] + jvm + self.launcher[1:] + [
            "-B", "-o", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree", *maven_args]
        run = subprocess.run(command, cwd=self.folder, capture_output=True, text=True, timeout=300)
        return NATIVE.findall(run.stdout), run.stdout

    def assertChooses(self, classifier, found, published=True):
        natives, output = found
        self.assertEqual(1, len(natives), output[-3000:])
        self.assertEqual(classifier, natives[0][0])
        if ONLINE:
            url = CENTRAL.format(version=natives[0][1], classifier=classifier)
            try:
                with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=30) as answer:
                    status, size = answer.status, int(answer.headers["Content-Length"])
            except urllib.error.HTTPError as e:
                status, size = e.code, 0
            self.assertEqual(200 if published else 404, status, url)
            print(f"  Maven Central: {url}: {status}" + (f" ({size // 2**20} MiB)" if size else ""))

    def test_linux_x86_64(self):
        self.assertChooses("linux-x86_64", self.natives("Linux", "amd64"))

    def test_linux_aarch64(self):
        self.assertChooses("linux-aarch64", self.natives("Linux", "aarch64"))

    def test_macos_apple_silicon(self):
        self.assertChooses("osx-aarch64", self.natives("Mac OS X", "aarch64"))

    def test_windows_x86_64_by_its_profile(self):
        # -P names a profile of the project being built, so this one is the library's own build
        self.assertChooses("win-x86_64", self.natives(None, None, "-f", os.path.join(ROOT, "library", "pom.xml"),
                                                      "-P", "windows-x86_64"))

    def test_an_intel_mac_asks_for_the_jar_djl_does_not_publish(self):
        # so its build stops with "Could not find artifact ...:osx-x86_64:..." rather than get Linux's library
        self.assertChooses("osx-x86_64", self.natives("Mac OS X", "x86_64"), published=False)

    def test_the_cuda_switch_leaves_the_cpu_build_out(self):
        natives, output = self.natives(None, None, "-Dworkbook.cuda")
        self.assertEqual([], natives)
        self.assertIn("ai.djl.pytorch:pytorch-jni:jar:", output)
        self.assertIn("BUILD SUCCESS", output)

    def test_the_cuda_switch_set_to_false_keeps_the_cpu_build(self):
        self.assertChooses("linux-x86_64", self.natives(None, None, "-Dworkbook.cuda=false"))


if __name__ == "__main__":
    unittest.main(argv=[a for a in sys.argv if a != "--online"], verbosity=2)
