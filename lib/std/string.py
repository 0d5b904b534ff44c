"""string for P4JIT: CPython 3.11's constants, capwords and Template
($-substitution with substitute/safe_substitute and CPython's errors).

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits",
           "octdigits", "printable", "punctuation", "whitespace", "Template"]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(w.capitalize() for w in s.split(sep))


def _is_ident_start(c):
    return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z")


def _is_ident_char(c):
    return _is_ident_start(c) or "0" <= c <= "9"


class Template:
    """A string with $name, ${name} and $$ placeholders (identifiers are
    ASCII, case-insensitive letters, as CPython's default pattern)."""

    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _pieces(self):
        # yields (literal, None) and (placeholder name, position); '' name = invalid
        t = self.template
        d = self.delimiter
        i = 0
        n = len(t)
        lit = []
        while i < n:
            j = t.find(d, i)
            if j < 0:
                lit.append(t[i:])
                break
            lit.append(t[i:j])
            k = j + len(d)
            if t.startswith(d, k):
                lit.append(d)
                i = k + len(d)
                continue
            if k < n and t[k] == "{":
                e = k + 1
                while e < n and _is_ident_char(t[e]):
                    e += 1
                if e > k + 1 and _is_ident_start(t[k + 1]) and e < n and t[e] == "}":
                    yield "".join(lit), None
                    lit = []
                    yield t[k + 1:e], j
                    i = e + 1
                    continue
            elif k < n and _is_ident_start(t[k]):
                e = k + 1
                while e < n and _is_ident_char(t[e]):
                    e += 1
                yield "".join(lit), None
                lit = []
                yield t[k:e], j
                i = e
                continue
            yield "".join(lit), None
            lit = []
            yield "", j
            i = k
        yield "".join(lit), None

    def _invalid(self, pos):
        pos += len(self.delimiter)      # CPython counts from after the delimiter
        lines = self.template[:pos].splitlines(True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = pos - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))

    def _fill(self, values, safe):
        out = []
        for text, pos in self._pieces():
            if pos is None:
                out.append(text)
            elif not text:
                if not safe:
                    self._invalid(pos)
                out.append(self.delimiter)
            elif safe and text not in values:
                braced = self.template.startswith("{", pos + len(self.delimiter))
                out.append(self.delimiter + ("{%s}" % text if braced else text))
            else:
                out.append("%s" % (values[text],))
        return "".join(out)

    def substitute(self, mapping=None, **kws):
        return self._fill(_merge(mapping, kws), False)

    def safe_substitute(self, mapping=None, **kws):
        return self._fill(_merge(mapping, kws), True)

    def get_identifiers(self):
        ids = []
        for text, pos in self._pieces():
            if pos is not None and text and text not in ids:
                ids.append(text)
        return ids

    def is_valid(self):
        for text, pos in self._pieces():
            if pos is not None and not text:
                return False
        return True


def _merge(mapping, kws):
    if mapping is None:
        return kws
    if kws:
        merged = dict(mapping)
        merged.update(kws)
        return merged
    return mapping
