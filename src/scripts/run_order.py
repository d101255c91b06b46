"""The order in which to start notebooks (or the programs and student versions made from them) when several run at
once: the longest first, by the wall times of an earlier one-at-a-time run (run_notebooks.py --summary FILE, which
./workbook test writes to target/notebook-runs.txt). Started in file order, two at a time, the longest notebook (13,
about 90 s) began near the end and ran alone while the other core idled.
"""
import re

SUMMARY_LINE = re.compile(r"^\S+\s+(\S+\.ipynb):\s+([0-9.]+) s")


def wall_times(summary_path):
    """{notebook file name: seconds} from a --summary file; {} when there is none (nothing to go by)."""
    try:
        with open(summary_path, encoding="utf-8") as f:
            return {m.group(1): float(m.group(2)) for m in map(SUMMARY_LINE.match, f) if m}
    except OSError:
        return {}


def longest_first(items, summary_path, name_of=lambda item: item):
    """`items` sorted by their notebook's time in the summary, longest first; items it does not name keep their
    order and come first (their time is unknown, so they may be long). `name_of` gives an item's notebook file name."""
    times = wall_times(summary_path) if summary_path else {}
    return sorted(items, key=lambda item: -times.get(name_of(item), float("inf")))
