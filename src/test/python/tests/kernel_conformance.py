"""Jupyter protocol conformance of the workbook's Java kernel, with jupyter_kernel_test.

Run by `./workbook test` (which installs the kernelspec and sets JUPYTER_PATH).
"""
import unittest

import jupyter_kernel_test


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'
    completion_samples = [{"text": "Math.ma", "matches": {"max("}}]
    complete_code_samples = ["1 + 1", "int x = 1;", "void f() { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "void f() {"]
    invalid_code_samples = ["int x = ;)"]
    code_page_something = None
    code_inspect_sample = "Math.max"
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"rnn".toUpperCase()', "result": "RNN"},
    ]
    code_display_data = [
        {"code": 'display("shown")', "mime": "text/plain"},
        {"code": 'display(tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("n", 1, 2)))',
         "mime": "text/html"},
    ]
    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")
    code_clear_output = None


if __name__ == "__main__":
    unittest.main(verbosity=2)
