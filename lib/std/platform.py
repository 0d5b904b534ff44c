"""platform for P4JIT: what the program runs on, from sys (the host build
or the ESP32-P4 firmware). Strings as CPython's module returns them, with
P4JIT's own values.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""
import sys

_ON_CHIP = sys.platform == "esp32p4"


def system():
    return "esp32p4" if _ON_CHIP else "Linux"


def machine():
    return "riscv32" if _ON_CHIP else "x86_64"


def python_implementation():
    return "P4JIT"


def python_version():
    return "%d.%d.%d" % sys.version_info[:3]


def python_version_tuple():
    return tuple(str(x) for x in sys.version_info[:3])


def python_compiler():
    return "GCC" if not _ON_CHIP else "GCC (riscv32)"


def python_build():
    return ("p4jit", "")


def libc_ver():
    return ("picolibc", "") if _ON_CHIP else ("glibc", "")


def release():
    return ""


def version():
    return sys.version


def node():
    return ""


def processor():
    return machine()


def uname():
    return (system(), node(), release(), version(), machine(), processor())


def platform(aliased=False, terse=False):
    return "%s-%s-P4JIT" % (system(), machine())
