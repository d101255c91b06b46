"""run_order.longest_first: the order the --jobs passes start notebooks in."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "scripts"))
from run_order import longest_first, wall_times  # noqa: E402

SUMMARY = """ok   00-start-here.ipynb:    6.0 s, kernel CPU    8.7 s, kernel peak memory    408 MiB
SLOW 13-attention.ipynb:  130.2 s, kernel CPU  140.0 s, kernel peak memory    851 MiB
ok   05-lstm.ipynb:   33.8 s (time not checked: 2 at once), kernel CPU   41.4 s, kernel peak memory    579 MiB
FAIL 09-weather-and-demand.ipynb: a cell raised an error
"""


class LongestFirst(unittest.TestCase):

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.summary = os.path.join(folder.name, "notebook-runs.txt")
        with open(self.summary, "w", encoding="utf-8") as f:
            f.write(SUMMARY)

    def test_reads_each_timed_line_and_skips_a_failure(self):
        self.assertEqual({"00-start-here.ipynb": 6.0, "13-attention.ipynb": 130.2, "05-lstm.ipynb": 33.8},
                         wall_times(self.summary))

    def test_longest_first_and_the_unknown_before_them_in_their_order(self):
        paths = ["nb/00-start-here.ipynb", "nb/05-lstm.ipynb", "nb/09-weather-and-demand.ipynb",
                 "nb/13-attention.ipynb", "nb/14-faq-lab.ipynb"]
        self.assertEqual(["nb/09-weather-and-demand.ipynb", "nb/14-faq-lab.ipynb", "nb/13-attention.ipynb",
                          "nb/05-lstm.ipynb", "nb/00-start-here.ipynb"],
                         longest_first(paths, self.summary, os.path.basename))

    def test_without_a_summary_the_order_stays(self):
        programs = [{"notebook": "13-attention.ipynb"}, {"notebook": "00-start-here.ipynb"}]
        self.assertEqual(programs, longest_first(programs, None, lambda p: p["notebook"]))
        missing = os.path.join(os.path.dirname(self.summary), "none.txt")
        self.assertEqual(programs, longest_first(programs, missing, lambda p: p["notebook"]))


if __name__ == "__main__":
    unittest.main()
