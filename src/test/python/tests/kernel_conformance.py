"""Jupyter protocol conformance of the workbook's Java kernel, with jupyter_kernel_test.

Run by `./workbook test` (which installs the kernelspec and sets JUPYTER_PATH).
"""
import unittest

import jupyter_kernel_test
from jupyter_kernel_test.msgspec_v5 import validate_message

# jupyter_kernel_test reads a request's outputs after its reply with 0.1 s for each message: a CI machine that stalls
# the kernel or the client for 0.1 s between the reply and "idle" failed a run (the protocol sets no such bound;
# here "idle" follows the reply within 2-10 ms). The checks stay; only the wait is longer.
IOPUB_WAIT_SECONDS = 10


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

    def execute_helper(self, code, timeout=jupyter_kernel_test.TIMEOUT, silent=False, store_history=True,
                       stop_on_error=True):
        """As the library's, waiting IOPUB_WAIT_SECONDS (not 0.1 s) for each output message after the reply."""
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history, stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)

        busy = self.kc.get_iopub_msg(timeout=IOPUB_WAIT_SECONDS)
        validate_message(busy, "status", msg_id)
        self.assertEqual(busy["content"]["execution_state"], "busy")

        outputs = []
        while True:
            message = self.kc.get_iopub_msg(timeout=IOPUB_WAIT_SECONDS)
            validate_message(message, message["msg_type"], msg_id)
            if message["msg_type"] == "status":
                self.assertEqual(message["content"]["execution_state"], "idle")
                return reply, outputs
            if message["msg_type"] == "execute_input":
                self.assertEqual(message["content"]["code"], code)
            else:
                outputs.append(message)


if __name__ == "__main__":
    unittest.main(verbosity=2)
