# imports another module: one module object for every importer
import mod_counter
from mod_counter import scaled_dot

scale = 100  # its own global: mod_counter's scale stays 3


def twice(a, n):
    return 2 * scaled_dot(a, a, n)


def counter_module():
    return mod_counter
