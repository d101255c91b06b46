"""The sandbox `./workbook grade` runs each student's kernel in (see README.md, "Course use").

With bubblewrap (`bwrap`, Debian package bubblewrap) the kernel sees the whole file system
read-only, so the teacher's notebooks, data/ and target/classes cannot change, and your HOME as an
empty folder but for the jars, classes and data the kernel's command names; it works in a
fresh, size-limited tmpfs that is also its HOME (and a private /tmp); it lives in its own PID
namespace, so when the kernel ends every process it started ends too (setsid ones included);
it runs without capabilities; and, where bwrap may make one, in its own network namespace with
no network at all (not even the grader's localhost): its five Jupyter connections are carried
across by net_relay.py. Without bwrap the kernel runs as the grader's user in a temporary
folder with private copies of data/ and target/classes: relative paths and workbook.data are
safe, absolute paths are not.

Everywhere: the Java heap is capped (-Xmx), files the kernel writes are capped (RLIMIT_FSIZE), no
core dumps; where the cgroup file system is writable (v1 pids and memory, or v2) the whole
process tree is capped in memory and processes and killed as one; every process that carries the
sandbox's token in its environment is killed at the end.
"""
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import secrets
import time

from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager

import net_relay

MIB = 1024 * 1024
TOKEN_VARIABLE = "WORKBOOK_GRADE_TOKEN"


class Limits:
    """What one student's notebook may use (the time limit is the grader's)."""

    def __init__(self, memory_mb=3072, output_chars=20_000_000, file_mb=256, work_mb=512, processes=512):
        self.memory_mb, self.output_chars, self.file_mb = memory_mb, output_chars, file_mb
        self.work_mb, self.processes = work_mb, processes

    @property
    def heap_mb(self):
        return max(256, self.memory_mb * 2 // 3)   # the rest: metaspace, JIT, native libraries (PyTorch)


class Sandbox:
    """A context for one kernel: `kernel_manager` and `launch_options` start it, `stop()` ends it all."""

    def __init__(self, limits, kernel_name="java"):
        self.limits, self.kernel_name = limits, kernel_name
        self.token = secrets.token_hex(16)
        self.bwrap = usable_bwrap()
        self.relay = None

    def __enter__(self):
        self.folder = tempfile.mkdtemp(prefix="workbook-grade-")
        self.cgroups, self.kernel_manager = [], None
        try:
            return self.prepare()
        except BaseException:   # a half-made sandbox: its relay, cgroups and folder go, then the error
            self.__exit__(None, None, None)
            raise

    def prepare(self):
        """Folders, cgroups, relays and the kernelspec of the sandbox's kernel; returns self."""
        self.work = os.path.join(self.folder, "work")
        self.private = os.path.join(self.folder, "private")   # connection file, kernelspec: not the student's
        self.home = os.path.join(self.work, "home")
        os.makedirs(self.home)
        os.makedirs(os.path.join(self.private, "kernels", "java-sandbox"))
        self.cgroups = make_cgroups(self.token, self.limits)
        spec = KernelSpecManager().get_kernel_spec(self.kernel_name)
        argv = self.java_argv(spec.argv)
        kernels = os.path.join(self.private, "kernels")
        self.kernel_manager = KernelManager(kernel_name="java-sandbox",
                                            kernel_spec_manager=KernelSpecManager(kernel_dirs=[kernels]))
        self.kernel_manager.connection_file = os.path.join(self.private, "connection.json")
        if self.cuts_network:   # the ports must be known before the kernel starts: the relays carry them
            self.kernel_manager.write_connection_file()
            self.kernel_manager.cache_ports = False   # keep these ports, do not draw fresh ones at the start
            manager = self.kernel_manager
            ports = [manager.shell_port, manager.iopub_port, manager.stdin_port, manager.control_port, manager.hb_port]
            relays = os.path.join(self.private, "net")
            os.makedirs(relays)
            self.relay = net_relay.OutsideRelay(relays, ports)
            argv = ["/bin/sh", "-c", f"{shlex.quote(RELAY_PYTHON)} {shlex.quote(RELAY_SCRIPT)} "
                    f"{shlex.quote(relays)} {' '.join(map(str, ports))} & exec \"$@\"", "sh", *argv]
        argv = self.bwrap_argv(argv, needed_paths(spec.argv) + [RELAY_SCRIPT]) \
            if self.sandboxed else argv
        if self.cgroups:   # the first process joins the cgroups before it starts anything
            joins = " && ".join(f"echo $$ > {shlex.quote(os.path.join(c, 'cgroup.procs'))}" for c in self.cgroups)
            argv = ["/bin/sh", "-c", joins + ' && exec "$@"', "sh", *argv]
        sandbox_spec = KernelSpec(argv=argv, display_name=spec.display_name, language=spec.language,
                                  interrupt_mode=spec.interrupt_mode, env={}, metadata={})
        with open(os.path.join(kernels, "java-sandbox", "kernel.json"), "w", encoding="utf-8") as f:
            f.write(sandbox_spec.to_json())
        env = dict(os.environ, HOME=self.home, TMPDIR=self.work if not self.sandboxed else "/tmp")
        env[TOKEN_VARIABLE] = self.token
        self.launch_options = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        return self

    @property
    def sandboxed(self):
        return self.bwrap is not None

    @property
    def cuts_network(self):
        return self.sandboxed and usable_network_cut(self.bwrap)

    @property
    def description(self):
        parts = ["bwrap (read-only file system, private tmpfs work folder and HOME, own PID namespace"
                 + (", no network)" if self.cuts_network else "; network not cut)")
                 if self.sandboxed else "no bwrap (private copies of data and classes; absolute paths unprotected)"]
        parts.append(f"heap {self.limits.heap_mb} MiB, files {self.limits.file_mb} MiB")
        parts.append("cgroup: memory and processes capped" if self.cgroups else "no cgroup")
        return "; ".join(parts)

    def java_argv(self, argv):
        """The kernelspec's command with a capped heap, its own user.home, and (without bwrap) private copies."""
        java, rest = argv[0], list(argv[1:])
        real_home = os.path.expanduser("~")
        extra = [f"-Xmx{self.limits.heap_mb}m", f"-Duser.home={self.home}",
                 f"-DENGINE_CACHE_DIR={os.path.join(real_home, '.djl.ai')}"]   # PyTorch's extracted native library
        if not self.sandboxed:
            rest = [self.private_copy(arg) for arg in rest]
        limits = ["prlimit", "--core=0", f"--fsize={self.limits.file_mb * MIB}", "--"]
        return limits + [java, *extra, *rest]

    def private_copy(self, argument):
        """-Dworkbook.data=DIR and the classes folder on -cp point at copies in the sandbox's folder."""
        def copy(path, name):
            target = os.path.join(self.private, name)
            if os.path.isdir(path) and not os.path.exists(target):
                shutil.copytree(path, target)
            return target if os.path.isdir(path) else path
        if argument.startswith("-Dworkbook.data="):
            return "-Dworkbook.data=" + copy(argument.split("=", 1)[1], "data")
        if os.pathsep in argument or argument.endswith(os.path.join("target", "classes")):
            return os.pathsep.join(copy(p, "classes") if p.endswith(os.path.join("target", "classes")) else p
                                   for p in argument.split(os.pathsep))
        return argument

    def bwrap_argv(self, argv, needed):
        """Everything read-only; your HOME hidden (an empty tmpfs) but for what the kernel needs from it."""
        real_home = os.path.realpath(os.path.expanduser("~"))
        hide_home = []
        if real_home != "/" and os.path.isdir(real_home):
            hide_home = ["--tmpfs", real_home]
            for path in sorted(set(needed) | {os.path.join(real_home, ".djl.ai")}):
                if os.path.exists(path) and os.path.realpath(path).startswith(real_home + os.sep):
                    hide_home += ["--ro-bind", path, path]
        # /tmp is a fresh tmpfs too; what the kernel needs from under it (a project cloned into /tmp) shows through
        keep_tmp = []
        for path in sorted(set(needed)):
            if os.path.exists(path) and os.path.realpath(path).startswith("/tmp" + os.sep) \
                    and not os.path.realpath(path).startswith(os.path.realpath(self.folder) + os.sep):
                keep_tmp += ["--ro-bind", path, path]
        options = ["--ro-bind", "/", "/", *hide_home, "--dev", "/dev", "--proc", "/proc",
                   "--size", str(64 * MIB), "--tmpfs", "/tmp", *keep_tmp,
                   "--size", str(self.limits.work_mb * MIB), "--tmpfs", self.work, "--dir", self.home,
                   "--ro-bind", self.private, self.private,
                   "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent", "--new-session",
                   *(["--unshare-net"] if self.cuts_network else []),
                   "--chdir", self.work,
                   # the grader is not visible from the PID namespace; --die-with-parent does that watch's job
                   "--unsetenv", "JPY_PARENT_PID"]
        if os.geteuid() == 0:
            options += ["--cap-drop", "ALL"]
        return [self.bwrap, *options, "--", *argv]

    def stop(self):
        """Ends the kernel and every process of the sandbox; removes its folder."""
        manager = self.kernel_manager
        try:
            if manager is not None and manager.has_kernel:
                manager.shutdown_kernel(now=True)
        except Exception:   # already dead
            pass
        if self.relay is not None:
            self.relay.close()
        for cgroup in self.cgroups:
            kill_cgroup(cgroup)
        kill_carrying(self.token)

    def __exit__(self, *_):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def needed_paths(argv):
    """The files and folders the kernel's command names: the JVM, the class path, -Dname=path values, the class-data
    archive (-XX:SharedArchiveFile=path; without it the kernel still starts, only slower)."""
    paths = []
    for argument in argv:
        named = argument.startswith(("-D", "-XX:SharedArchiveFile=")) and "=" in argument
        value = argument.split("=", 1)[1] if named else argument
        paths += [part for part in value.split(os.pathsep) if os.path.isabs(part)]
    return paths


_bwrap_works = {}
_network_cut_works = {}
RELAY_PYTHON = "/usr/bin/python3"   # outside any HOME, so visible in the sandbox
RELAY_SCRIPT = os.path.abspath(net_relay.__file__)


def usable_network_cut(bwrap):
    """True when bwrap may make a network namespace here and the relay's Python is there."""
    if bwrap not in _network_cut_works:
        result = subprocess.run([bwrap, "--ro-bind", "/", "/", "--unshare-net", "--unshare-pid", "--", "true"],
                                capture_output=True)
        _network_cut_works[bwrap] = (result.returncode == 0 and os.access(RELAY_PYTHON, os.X_OK)
                                     and os.environ.get("WORKBOOK_GRADE_KEEP_NETWORK") != "1")
    return _network_cut_works[bwrap]



def usable_bwrap():
    """bwrap's path when it is installed and allowed to run (user namespaces, or root), else None.
    WORKBOOK_GRADE_NO_BWRAP=1 forces the fallback (to test it)."""
    bwrap = shutil.which("bwrap")
    if bwrap is None or os.environ.get("WORKBOOK_GRADE_NO_BWRAP") == "1":
        return None
    if bwrap not in _bwrap_works:
        result = subprocess.run([bwrap, "--ro-bind", "/", "/", "--unshare-pid", "--", "true"], capture_output=True)
        _bwrap_works[bwrap] = result.returncode == 0
    return bwrap if _bwrap_works[bwrap] else None


def make_cgroups(token, limits):
    """Writable cgroups (v1 pids + memory, or v2) for the sandbox, with its limits; [] when none."""
    made = []
    wanted = {"pids.max": str(limits.processes), "memory.limit_in_bytes": str(limits.memory_mb * MIB),
              "memory.max": str(limits.memory_mb * MIB), "memory.swap.max": "0"}
    try:
        with open("/proc/self/cgroup", encoding="utf-8") as f:
            lines = [line.rstrip("\n").split(":", 2) for line in f]
    except OSError:
        return made
    candidates = []
    for _, controllers, path in lines:
        if controllers == "" and os.path.exists("/sys/fs/cgroup/cgroup.controllers"):
            candidates.append(("/sys/fs/cgroup" + path, ("pids.max", "memory.max", "memory.swap.max")))
        for controller in ("pids", "memory"):
            if controller in controllers.split(","):
                candidates.append((f"/sys/fs/cgroup/{controllers}{path}", (f"{controller}.max"
                                   if controller == "pids" else "memory.limit_in_bytes",)))
    for parent, files in candidates:
        folder = os.path.join(parent, f"workbook-grade-{token}")
        try:
            os.mkdir(folder)
        except OSError:
            continue
        try:
            for name in files:
                with open(os.path.join(folder, name), "w") as f:
                    f.write(wanted[name])
            made.append(folder)
        except OSError:   # e.g. v2 without the controller delegated: the group still kills as one
            made.append(folder)
    return made


def kill_cgroup(folder):
    for _ in range(100):
        try:
            with open(os.path.join(folder, "cgroup.procs"), encoding="utf-8") as f:
                pids = [int(line) for line in f if line.strip()]
        except OSError:
            return
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.05)
    for _ in range(20):
        try:
            os.rmdir(folder)
            return
        except OSError:
            time.sleep(0.05)


def kill_carrying(token):
    """Kills every process whose environment carries the token (escapers that left the session)."""
    marker = f"{TOKEN_VARIABLE}={token}".encode()
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as f:
                if marker in f.read().split(b"\0"):
                    os.kill(int(name), signal.SIGKILL)
        except (OSError, ProcessLookupError):
            pass
