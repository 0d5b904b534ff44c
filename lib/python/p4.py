"""The `p4` module for CPython, so P4JIT programs run unchanged there.

On P4JIT the module is built in: cycles() and instret() read the RV32
counters (on the host build a monotonic clock), freq() is the counter's rate,
jit_info(fn) says how a function runs, jit_mode() and jit_modes() how
functions run and may run (here only "off": CPython has no JIT), and
heap_live() collects garbage and returns the bytes of the live objects (0 here). Counters are returned modulo
2**31, as P4JIT's ints are 32-bit: measure with (end - start) & 0x7fffffff.
"""
import time as _time


def cycles():
    return _time.perf_counter_ns() & 0x7FFFFFFF


def instret():
    return _time.perf_counter_ns() & 0x7FFFFFFF


def freq():
    return 1000000000


def jit_info(fn):
    if not callable(fn):
        raise TypeError("jit_info() argument must be a function, not '%s'" % type(fn).__name__)
    return "interpreted"


def heap_live():
    return 0


def jit_mode(mode=None):
    if mode is None:
        return "off"
    if not isinstance(mode, str):
        raise TypeError("jit_mode() argument must be str, not '%s'" % type(mode).__name__)
    if mode not in ("off", "scalar", "pie"):
        raise ValueError("jit_mode(): unknown mode '%s' (off, scalar or pie)" % mode)
    if mode != "off":
        raise ValueError("JIT mode '%s' is not available in this run (compiled code runs only on the RV32 firmware)"
                         % mode)


def jit_modes():
    return ("off",)
