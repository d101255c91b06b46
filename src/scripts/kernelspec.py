"""Installs or removes the workbook's 'java' kernelspec where any Jupyter finds it.

    kernelspec.py install SPEC_DIR [--user | --sys-prefix | --prefix DIR]
    kernelspec.py remove [--user | --sys-prefix | --prefix DIR]

Called by `./workbook kernel install|remove`, which writes SPEC_DIR (kernel.json with absolute paths).
The default is --user: no root needed. Uses jupyter_client's own KernelSpecManager, so the files land
exactly where `jupyter kernelspec list` looks; Debian ships no `jupyter-kernelspec` command.
"""
import argparse
import os
import shutil
import sys

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_core.paths import jupyter_data_dir

NAME = "java"
OURS = "workbook.kernel.KernelMain"   # a 'java' kernelspec without it is someone else's (e.g. IJava): never removed


def kernels_dir(args):
    if args.prefix:
        return os.path.join(os.path.abspath(args.prefix), "share", "jupyter", "kernels")
    if args.sys_prefix:
        return os.path.join(sys.prefix, "share", "jupyter", "kernels")
    return os.path.join(jupyter_data_dir(), "kernels")


class OneLineParser(argparse.ArgumentParser):
    def error(self, message):
        self.exit(2, f"./workbook kernel: {message}; expected: install|remove [--user | --sys-prefix | --prefix DIR]\n")


def main():
    parser = OneLineParser(prog="./workbook kernel")
    parser.add_argument("action", choices=["install", "remove"])
    parser.add_argument("spec_dir", nargs="?", help=argparse.SUPPRESS)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", help="for you only (the default)")
    where.add_argument("--sys-prefix", action="store_true", help=f"for this Python's prefix, {sys.prefix} (every user)")
    where.add_argument("--prefix", metavar="DIR", help="into DIR/share/jupyter (add it to JUPYTER_PATH)")
    args = parser.parse_args()

    target = os.path.join(kernels_dir(args), NAME)
    if args.action == "install":
        if not args.spec_dir or not os.path.isfile(os.path.join(args.spec_dir, "kernel.json")):
            parser.error(f"expected a kernelspec folder with kernel.json; got {args.spec_dir!r}")
        if os.path.exists(os.path.join(target, "kernel.json")) and OURS not in open(os.path.join(target, "kernel.json")).read():
            sys.exit(f"{target} holds another 'java' kernel (not this workbook's); remove it first with: "
                     f"{sys.executable} -m jupyter_client.kernelspecapp remove java")   # Debian has no jupyter-kernelspec
        installed = KernelSpecManager().install_kernel_spec(
            args.spec_dir, NAME, user=not (args.sys_prefix or args.prefix),
            prefix=os.path.abspath(args.prefix) if args.prefix else (sys.prefix if args.sys_prefix else None))
        print(f"installed the 'java' kernel into {installed}")
        if args.prefix:
            print(f"Jupyter finds it with: export JUPYTER_PATH={os.path.abspath(args.prefix)}/share/jupyter")
    else:
        spec = os.path.join(target, "kernel.json")
        if not os.path.isfile(spec):
            sys.exit(f"no 'java' kernelspec in {target}; nothing removed")
        if OURS not in open(spec).read():
            sys.exit(f"{target} is another 'java' kernel (not this workbook's); not removed")
        shutil.rmtree(target)
        print(f"removed {target}")


if __name__ == "__main__":
    main()
