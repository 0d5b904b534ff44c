"""json for P4JIT: dumps/dump and loads/load as CPython's json module
writes and reads them (separators, indent, sort_keys, ensure_ascii,
default; object_hook, parse_int, parse_float), with its error classes.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
Floats are P4JIT's float32: dumps writes their shortest repr.
"""

__all__ = ["dump", "dumps", "load", "loads", "JSONDecodeError"]


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


# ---- encoding -----------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        e = _ESCAPES.get(ch)
        if e is not None:
            out.append(e)
            continue
        n = ord(ch)
        if n < 0x20 or (ensure_ascii and n > 0x7E):
            if n > 0xFFFF:  # a surrogate pair, as CPython writes it
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float_text(f, allow_nan):
    if f != f:
        text = "NaN"
    elif f == float("inf"):
        text = "Infinity"
    elif f == -float("inf"):
        text = "-Infinity"
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Encoder:
    def __init__(self, skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default,
                 sort_keys):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        self.item_sep, self.key_sep = separators
        self.default = default
        self.sort_keys = sort_keys
        self.markers = {} if check_circular else None

    def key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, bool) or key is None:
            return {True: "true", False: "false", None: "null"}[key]
        if isinstance(key, int):
            return str(int(key))
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        return None

    def encode(self, o, out, level):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(str(int(o)))
        elif isinstance(o, float):
            out.append(_float_text(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self.container(o, out, level, "[", "]", False)
        elif isinstance(o, dict):
            self.container(o, out, level, "{", "}", True)
        else:
            if self.default is None:
                raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)
            self.guard(o, True)
            self.encode(self.default(o), out, level)
            self.guard(o, False)

    def guard(self, o, entering):
        if self.markers is None:
            return
        key = id(o)
        if entering:
            if key in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[key] = o
        else:
            del self.markers[key]

    def container(self, o, out, level, open_, close, is_dict):
        if not o:
            out.append(open_ + close)
            return
        self.guard(o, True)
        out.append(open_)
        if self.indent is not None:
            level += 1
            newline = "\n" + self.indent * level
            sep = self.item_sep + newline
            out.append(newline)
        else:
            sep = self.item_sep
        if is_dict:
            items = list(o.items())
            if self.sort_keys:
                items.sort(key=lambda kv: kv[0])
            first = True
            for k, v in items:
                text = self.key_text(k)
                if text is None:
                    if self.skipkeys:
                        continue
                    raise TypeError("keys must be str, int, float, bool or None, not %s" % type(k).__name__)
                if not first:
                    out.append(sep)
                first = False
                out.append(_quote(text, self.ensure_ascii))
                out.append(self.key_sep)
                self.encode(v, out, level)
        else:
            first = True
            for v in o:
                if not first:
                    out.append(sep)
                first = False
                self.encode(v, out, level)
        if self.indent is not None:
            level -= 1
            out.append("\n" + self.indent * level)
        out.append(close)
        self.guard(o, False)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if separators is None:  # CPython's: no trailing space before a newline
        separators = (", ", ": ") if indent is None else (",", ": ")
    enc = _Encoder(skipkeys, ensure_ascii, check_circular, allow_nan, indent, separators, default, sort_keys)
    out = []
    enc.encode(obj, out, 0)
    return "".join(out)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# ---- decoding -----------------------------------------------------------------

_WS = " \t\n\r"
_UNESCAPE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_NUMBER_CHARS = "0123456789+-.eE"


class _Decoder:
    def __init__(self, doc, object_hook, parse_float, parse_int, parse_constant, object_pairs_hook, strict):
        self.doc = doc
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant
        self.strict = strict

    def fail(self, msg, pos):
        raise JSONDecodeError(msg, self.doc, pos)

    def skip(self, i):
        doc = self.doc
        n = len(doc)
        while i < n and doc[i] in _WS:
            i += 1
        return i

    def value(self, i):
        doc = self.doc
        if i >= len(doc):
            self.fail("Expecting value", i)
        ch = doc[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == "{":
            return self.object(i + 1)
        if ch == "[":
            return self.array(i + 1)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if doc.startswith(word, i):
                return val, i + len(word)
        for word in ("NaN", "Infinity", "-Infinity"):
            if doc.startswith(word, i):
                f = self.parse_constant(word) if self.parse_constant else float(word.lower().replace("infinity", "inf"))
                return f, i + len(word)
        if ch == "-" or "0" <= ch <= "9":
            return self.number(i)
        self.fail("Expecting value", i)

    def number(self, i):
        doc = self.doc
        j = i
        if doc[j] == "-":
            j += 1
        k = j
        while j < len(doc) and "0" <= doc[j] <= "9":
            j += 1
        if j == k:
            self.fail("Expecting value", i)
        if doc[k] == "0" and j - k > 1:  # a leading zero ends the number
            j = k + 1
        is_float = False
        if j < len(doc) and doc[j] == "." and j + 1 < len(doc) and "0" <= doc[j + 1] <= "9":
            is_float = True
            j += 1
            while j < len(doc) and "0" <= doc[j] <= "9":
                j += 1
        if j < len(doc) and doc[j] in "eE":
            e = j + 1
            if e < len(doc) and doc[e] in "+-":
                e += 1
            if e < len(doc) and "0" <= doc[e] <= "9":
                is_float = True
                j = e
                while j < len(doc) and "0" <= doc[j] <= "9":
                    j += 1
        text = doc[i:j]
        return (self.parse_float(text) if is_float else self.parse_int(text)), j

    def string(self, i):
        doc = self.doc
        n = len(doc)
        start = i - 1
        parts = []
        run = i
        while True:
            if i >= n:
                self.fail("Unterminated string starting at", start)
            ch = doc[i]
            if ch == '"':
                parts.append(doc[run:i])
                return "".join(parts), i + 1
            if ch == "\\":
                parts.append(doc[run:i])
                if i + 1 >= n:
                    self.fail("Unterminated string starting at", start)
                esc = doc[i + 1]
                if esc == "u":
                    code = self.hex4(i + 2)
                    i += 6
                    if 0xD800 <= code <= 0xDBFF and doc.startswith("\\u", i):
                        low = self.hex4(i + 2)
                        if 0xDC00 <= low <= 0xDFFF:
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                    parts.append(chr(code))
                else:
                    r = _UNESCAPE.get(esc)
                    if r is None:
                        self.fail("Invalid \\escape", i)
                    parts.append(r)
                    i += 2
                run = i
                continue
            if self.strict and ord(ch) < 0x20:
                self.fail("Invalid control character at", i)
            i += 1

    def hex4(self, i):
        text = self.doc[i:i + 4]
        if len(text) != 4 or any(c not in "0123456789abcdefABCDEF" for c in text):
            self.fail("Invalid \\uXXXX escape", i - 1)
        return int(text, 16)

    def array(self, i):
        items = []
        i = self.skip(i)
        if i < len(self.doc) and self.doc[i] == "]":
            return items, i + 1
        while True:
            v, i = self.value(self.skip(i))
            items.append(v)
            i = self.skip(i)
            if i < len(self.doc) and self.doc[i] == "]":
                return items, i + 1
            if i >= len(self.doc) or self.doc[i] != ",":
                self.fail("Expecting ',' delimiter", i)
            i += 1

    def object(self, i):
        pairs = []
        doc = self.doc
        i = self.skip(i)
        if i < len(doc) and doc[i] == "}":
            return self.finish_object(pairs), i + 1
        while True:
            i = self.skip(i)
            if i >= len(doc) or doc[i] != '"':
                self.fail("Expecting property name enclosed in double quotes", i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(doc) or doc[i] != ":":
                self.fail("Expecting ':' delimiter", i)
            v, i = self.value(self.skip(i + 1))
            pairs.append((key, v))
            i = self.skip(i)
            if i < len(doc) and doc[i] == "}":
                return self.finish_object(pairs), i + 1
            if i >= len(doc) or doc[i] != ",":
                self.fail("Expecting ',' delimiter", i)
            i += 1

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        return self.object_hook(d) if self.object_hook is not None else d


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, strict=True, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = s.decode("utf-8")
    elif not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s" % type(s).__name__)
    dec = _Decoder(s, object_hook, parse_float, parse_int, parse_constant, object_pairs_hook, strict)
    value, end = dec.value(dec.skip(0))
    end = dec.skip(end)
    if end != len(s):
        dec.fail("Extra data", end)
    return value


def load(fp, **kw):
    return loads(fp.read(), **kw)
