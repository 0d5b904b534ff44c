# A comment first, then the docstring: still the module's.

'''docstrings_mod: imported by docstrings.py.'''


def helper():
    """helps"""


def nodoc():
    return None


class NoDoc:
    pass


if __name__ == "__main__":
    print(__doc__)
