"""The Jupyter protocol conformance suite (jupyter_kernel_test 0.4.5) against our kernels.

Every sample attribute the installed suite knows is set.
"""
import unittest

import jupyter_kernel_test

from conftest import KERNEL, KERNEL_25, STARTUP_TIMEOUT, installed_kernels


class FlinkJavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL

    @classmethod
    def setUpClass(cls):
        if cls.kernel_name not in installed_kernels():
            if cls.kernel_name == KERNEL_25:
                raise unittest.SkipTest(f"kernelspec {cls.kernel_name} is not installed")
            raise AssertionError(f"kernelspec {cls.kernel_name} is not installed: run tests/run.sh")
        # the suite's own setUpClass waits 60 s at most; a cold JVM on a busy machine may need more
        from jupyter_client.manager import start_new_kernel

        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=STARTUP_TIMEOUT)

    # kernel_info: language_info
    language_name = "java"
    file_extension = ".java"

    # execute: streams
    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    # complete: the suite compares the set of matches with these sets exactly, so the samples
    # are names with one completion on JDK 17 and 25 (a sample without "matches" only checks
    # that the reply is valid)
    completion_samples = [
        {"text": "Integer.MAX_VA", "matches": {"MAX_VALUE"}},
        {"text": "StringBuil", "matches": {"StringBuilder"}},
        {"text": "Strin"},
        {"text": "Math."},
    ]

    # is_complete
    complete_code_samples = [
        "1+1",
        "int x = 3;",
        "class A {}",
        'System.out.println("hi");',
        "for (int i = 0; i < 3; i++) { }",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "class A {",
        "int f(int x) {\n  return x;",
        'System.out.println("a" +',
    ]
    # code that cannot compile, whatever follows
    invalid_code_samples = [
        "int 1x = 3;",
        "1 +* 2;",
    ]

    # execute: an error is one error output, status "error"
    code_generate_error = 'throw new RuntimeException("boom");'

    # execute_result; also the history samples
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "Math.max(3, 9)", "result": "9"},
    ]

    # display_data
    code_display_data = [
        {"code": 'display("hi");', "mime": "text/plain"},
        {"code": 'display(new Html("<b>hi</b>"));', "mime": "text/html"},
    ]

    # clear_output: clearOutput() clears what the cell showed so far
    code_clear_output = 'System.out.println("gone"); clearOutput();'

    # pager: ?name shows the name's signatures and Javadoc in the pager
    code_page_something = "?Math.max"

    # inspect: the cursor is at the end of the sample, just after the name
    code_inspect_sample = "Math.max"

    # history: the pattern is a glob over a whole cell and must match exactly one distinct cell of
    # the session ("6 * 7"); the suite's "unique" search expects exactly one entry
    code_history_pattern = "6 ? 7"
    supported_history_operations = ("tail", "range", "search")


class FlinkJava25KernelTests(FlinkJavaKernelTests):
    """The same suite on the kernel that runs on JDK 25 (skipped when that JDK is absent)."""

    kernel_name = KERNEL_25
