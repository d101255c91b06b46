"""Executes notebooks top to bottom in the workbook's Java kernel, as a reader would.

Usage: run_notebooks.py [--check-committed] [--out DIR] [--jobs N] [--longest-first FILE] [--summary FILE] NOTEBOOK...

Fails on the first error output of any cell, and on a notebook over 240 s or a kernel over 1 GB. A cell that gets no
reply within 240 s (a kernel that hung or died) fails its notebook with the cell's number and where the kernel's
threads were at that moment (jcmd Thread.print); the other notebooks run on.
Prints each notebook's wall time, the kernel JVM's CPU time and peak resident memory; writes the
executed copies to DIR (default target/executed).

--jobs N executes up to N notebooks at once, each in its own kernel (default 1). Kernels that share
the cores do not take a reader's wall time, so with N > 1 the time limits are not checked; each
kernel's memory limit still is. --longest-first FILE starts them in the order of their times in FILE (the --summary
of an earlier run), longest first; they are still reported in the order given.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import threading
import time
import traceback

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run_order import longest_first  # noqa: E402

TIME_LIMIT_SECONDS = 120   # the workbook's promise: each notebook in at most 2 minutes on 2 cores
HARD_FAIL_SECONDS = 240    # a CI machine may be slower; beyond this the notebook must be made smaller
MEMORY_LIMIT_MIB = 1024    # the workbook's promise: each notebook's kernel within 1 GB
CELL_TIMEOUT_SECONDS = HARD_FAIL_SECONDS   # a cell past this fails its notebook anyway


class CellBrokeOff(Exception):
    """A cell that got no reply (a kernel that hung or died): which cell, and where the kernel's threads were."""


def committed_version(path):
    """The notebook as committed in git (HEAD), or as it is on disk outside a git checkout.

    A reader who ran a notebook and saved it (outputs inside) has changed only the working copy:
    the tests execute a fresh copy anyway, and the rule "committed without outputs" is about git."""
    folder, name = os.path.split(os.path.abspath(path))
    try:
        shown = subprocess.run(["git", "show", f"HEAD:./{name}"], cwd=folder, capture_output=True, text=True, check=True)
        return json.loads(shown.stdout)
    except (OSError, subprocess.CalledProcessError, json.JSONDecodeError):
        with open(path, encoding="utf-8") as f:   # not in git (yet): the file itself
            return json.load(f)


def committed_outputs(path):
    """Notebooks are committed without outputs, each cell with an id of its own (nbformat 4.5: without one, Jupyter
    writes new ids on every save and nbformat warns that it will refuse the file); returns the problems found."""
    nb = committed_version(path)
    problems = []
    if nb.get("metadata", {}).get("kernelspec", {}).get("name") != "java":
        problems.append("kernelspec name is not 'java'")
    seen_ids = set()
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            problems.append(f"cell {i} carries outputs or an execution count (clear them before committing)")
        if not cell.get("id"):
            problems.append(f"cell {i} has no id (nbformat 4.5 gives every cell one)")
        elif cell["id"] in seen_ids:
            problems.append(f"cell {i} has the id {cell['id']!r} of an earlier cell")
        seen_ids.add(cell.get("id"))
    return problems


class PeakMemory(threading.Thread):
    """Samples a process's resident memory (VmHWM is the kernel's own peak counter) and CPU time.

    CPU time (user + system, all threads) says what a notebook costs even when other work shares
    the machine and stretches its wall time."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self.cpu_seconds = 0.0
        self.running = True

    def sample_cpu(self):
        try:
            with open(f"/proc/{self.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            self.cpu_seconds = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass

    def run(self):
        while self.running:
            try:
                with open(f"/proc/{self.pid}/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            self.peak_kib = max(self.peak_kib, int(line.split()[1]))
            except OSError:
                pass
            self.sample_cpu()
            time.sleep(0.5)


def execute_measured(path, out_dir):
    """Executes a fresh copy of the notebook in a kernel of its own into out_dir: (wall seconds, kernel CPU seconds,
    kernel peak MiB). Safe to call from several threads at once: each call samples its own kernel."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:   # a fresh copy: outputs a reader saved play no part
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    km = KernelManager(kernel_name="java")
    client = NotebookClient(nb, km=km, timeout=CELL_TIMEOUT_SECONDS, allow_errors=False,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.monotonic()
    memory = None
    try:
        with client.setup_kernel():
            memory = PeakMemory(km.provisioner.process.pid)
            memory.start()
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError:
                    raise
                except Exception as error:
                    raise CellBrokeOff(f"cell {index} ({first_line(cell)}) broke off after "
                                       f"{time.monotonic() - started:.0f} s: {type(error).__name__}: {error}\n"
                                       + java_threads(km.provisioner.process.pid)) from error
    finally:
        if memory:
            memory.running = False
            memory.sample_cpu()
        if km.has_kernel:
            km.shutdown_kernel(now=False)   # the client does not own a manager it was given
    seconds = time.monotonic() - started
    os.makedirs(out_dir, exist_ok=True)
    nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
    return seconds, (memory.cpu_seconds if memory else 0.0), (memory.peak_kib / 1024 if memory else 0)


def first_line(cell):
    lines = cell.source.strip().splitlines()
    return repr(lines[0][:60]) if lines else "empty"


JVM_HOUSEKEEPING_THREADS = ("Reference Handler", "Finalizer", "Common-Cleaner", "process reaper")


def java_threads(pid):
    """Where the kernel JVM's own threads are (jcmd Thread.print, the JVM's housekeeping left out), so that a cell
    that hangs in CI says where it hangs."""
    try:
        dump = subprocess.run(["jcmd", str(pid), "Thread.print"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as error:
        return f"(no thread dump of the kernel, pid {pid}: {error})"
    threads = [block for block in dump.stdout.split("\n\n") if block.startswith('"') and "\tat " in block
               and not block.startswith(tuple(f'"{name}' for name in JVM_HOUSEKEEPING_THREADS))]
    if not threads:
        return f"(no thread dump of the kernel, pid {pid}: {(dump.stderr or dump.stdout).strip()[:300]})"
    return "the kernel's threads at that moment:\n" + "\n\n".join(threads)


def execute(path, out_dir):
    """execute_measured's (wall seconds, kernel peak MiB), as build_book.py and the kernel tests take them."""
    seconds, _, peak_mib = execute_measured(path, out_dir)
    return seconds, peak_mib


def run_one(path, args):
    """Checks and executes one notebook: (failed, the line to print, its wall seconds or None when it did not run)."""
    name = os.path.basename(path)
    if args.check_committed:
        problems = committed_outputs(path)
        if problems:
            return True, f"FAIL {name}: " + "; ".join(problems), None
    try:
        seconds, cpu_seconds, peak_mib = execute_measured(path, args.out)
    except CellExecutionError as error:
        return True, f"FAIL {name}: a cell raised an error\n{error}", None
    except CellBrokeOff as error:   # a kernel that hung or died: this notebook fails, the others run on
        return True, f"FAIL {name}: {error}", None
    except Exception:
        return True, f"FAIL {name}: its execution broke off\n{traceback.format_exc()}", None
    failed = False
    if args.jobs > 1:   # the wall time of a kernel sharing the cores is not a reader's
        status, time_note = "ok", f" (time not checked: {args.jobs} at once)"
    else:
        status, time_note = ("ok" if seconds <= TIME_LIMIT_SECONDS else "SLOW"), ""
        if seconds > HARD_FAIL_SECONDS:
            failed, status = True, "FAIL (too slow)"
    if peak_mib > MEMORY_LIMIT_MIB:
        failed, status = True, f"FAIL (kernel peak memory over {MEMORY_LIMIT_MIB} MiB)"
    return failed, (f"{status:4} {name}: {seconds:6.1f} s{time_note}, kernel CPU {cpu_seconds:6.1f} s, "
                    f"kernel peak memory {peak_mib:6.0f} MiB"), seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check-committed", action="store_true")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "target", "executed"))
    parser.add_argument("--jobs", type=int, default=1, help="notebooks executed at once (default 1: times checked)")
    parser.add_argument("--longest-first", metavar="FILE", help="with --jobs: start the notebooks longest first, by"
                        " their times in FILE (an earlier run's --summary)")
    parser.add_argument("--summary", help="also write each notebook's line (time, kernel CPU, peak memory), in the"
                        " notebooks' order, to this file: ./workbook test prints it again in its summary")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:   # each thread: its own kernel
        started_in = longest_first(args.notebooks, args.longest_first, os.path.basename)
        runs = {path: pool.submit(run_one, path, args) for path in started_in}
        for run in concurrent.futures.as_completed(runs.values()):
            print(run.result()[1], flush=True)
    results = [runs[path].result() for path in args.notebooks]   # the notebooks' given order
    if args.jobs > 1:
        print("in the notebooks' order:")
        for _, line, _ in results:
            print(line.splitlines()[0])
    if args.summary:
        with open(args.summary, "w") as f:
            f.writelines(line.splitlines()[0] + "\n" for _, line, _ in results)
    times = [seconds for _, _, seconds in results if seconds is not None]
    if times:
        print(f"{len(times)} notebooks executed in {sum(times):.1f} s"
              + (f" ({time.monotonic() - started:.1f} s wall, {args.jobs} at once)" if args.jobs > 1 else ""))
    sys.exit(1 if any(failed for failed, _, _ in results) else 0)


if __name__ == "__main__":
    main()
