"""re for P4JIT: regular expressions by a backtracking matcher written in
Python: literals, ., classes [...] with ranges and \\d\\w\\s, anchors ^ $ \\A
\\Z \\b \\B, groups (capturing, (?:...), (?P<name>...), (?P=name), \\1),
lookahead (?=...) (?!...), alternation, greedy and lazy * + ? {m,n}; flags
IGNORECASE, MULTILINE, DOTALL. match, search, fullmatch, sub, subn, split,
findall, finditer as in CPython.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
"""

__all__ = ["compile", "match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer", "escape",
           "error", "Pattern", "Match", "I", "IGNORECASE", "M", "MULTILINE", "S", "DOTALL", "A", "ASCII"]

I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
DEBUG = 128
A = ASCII = 256


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        if pos is not None:
            Exception.__init__(self, "%s at position %d" % (msg, pos))
        else:
            Exception.__init__(self, msg)
        self.msg = msg
        self.pattern = pattern
        self.pos = pos


_DIGITS = "0123456789"


def _is_word(c):
    return c.isalnum() or c == "_"


def _class_test(kind):
    if kind == "d":
        return lambda c: c in _DIGITS or (c.isdigit() and ord(c) > 127)
    if kind == "w":
        return _is_word
    if kind == "s":
        return lambda c: c in " \t\n\r\f\v" or (c.isspace() and ord(c) > 127)
    inner = _class_test(kind.lower())
    return lambda c: not inner(c)


_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "0": "\0"}


# ---- parsing --------------------------------------------------------------------

class _Parser:
    def __init__(self, pattern, flags):
        self.p = pattern
        self.i = 0
        self.flags = flags
        self.ngroups = 0
        self.names = {}

    def fail(self, msg, pos=None):
        raise error(msg, self.p, self.i if pos is None else pos)

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def parse(self):
        node = self.alternation()
        if self.i < len(self.p):
            self.fail("unbalanced parenthesis")
        return node

    def alternation(self):
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def sequence(self):
        items = []
        while True:
            c = self.peek()
            if c is None or c in "|)":
                break
            start = self.i
            atom = self.atom()
            atom = self.quantifier(atom, start)
            c = self.peek()
            if atom[0] == "rep" and c is not None and (c in "*+?" or (c == "{" and self.braces_ahead())):
                self.fail("multiple repeat")
            items.append(atom)
        return ("seq", items)

    def quantifier(self, atom, start):
        c = self.peek()
        if c is None or c not in "*+?{":
            return atom
        if c == "{":
            spec = self.braces()
            if spec is None:
                return atom
            lo, hi = spec
        else:
            self.i += 1
            lo, hi = {"*": (0, -1), "+": (1, -1), "?": (0, 1)}[c]
        if atom[0] in ("bol", "eol", "bos", "eos", "wordb", "nwordb") or atom[0] == "rep":
            if atom[0] == "rep":
                self.fail("multiple repeat", self.i - 1)
            self.fail("nothing to repeat", start)
        greedy = True
        if self.peek() == "?":
            self.i += 1
            greedy = False
        return ("rep", atom, lo, hi, greedy)

    def braces(self):
        j = self.p.find("}", self.i)
        if j < 0:
            return None
        body = self.p[self.i + 1:j]
        parts = body.split(",")
        if len(parts) > 2 or not all(x == "" or x.isdigit() for x in parts) or body == "" or body == ",":
            return None
        lo = int(parts[0]) if parts[0] else 0
        hi = lo if len(parts) == 1 else (int(parts[1]) if parts[1] else -1)
        if hi != -1 and hi < lo:
            self.fail("min repeat greater than max repeat", self.i + 1)
        self.i = j + 1
        return lo, hi

    def atom(self):
        c = self.p[self.i]
        if c in "*+?":
            self.fail("nothing to repeat")
        if c == "{" and self.braces_ahead():
            self.fail("nothing to repeat")
        self.i += 1
        if c == ".":
            return ("any",)
        if c == "^":
            return ("bol",)
        if c == "$":
            return ("eol",)
        if c == "[":
            return self.charset(self.i - 1)
        if c == "(":
            return self.group(self.i - 1)
        if c == "\\":
            return self.escape(False)
        return ("lit", c)

    def braces_ahead(self):
        save = self.i
        spec = self.braces()
        self.i = save
        return spec is not None

    def group(self, start):
        kind = "group"
        name = None
        if self.p.startswith("?", self.i):
            self.i += 1
            c = self.peek()
            if c == ":":
                kind = "ncgroup"
                self.i += 1
            elif c == "=" or c == "!":
                kind = "look" if c == "=" else "nlook"
                self.i += 1
            elif c == "P" and self.p.startswith("P<", self.i):
                j = self.p.find(">", self.i)
                if j < 0:
                    self.fail("missing >, unterminated name", self.i + 2)
                name = self.p[self.i + 2:j]
                if not name.isidentifier():
                    self.fail("bad character in group name '%s'" % name, self.i + 2)
                if name in self.names:
                    self.fail("redefinition of group name '%s' as group %d; was group %d" % (
                        name, self.ngroups + 1, self.names[name]), self.i + 2)
                self.i = j + 1
            elif c == "P" and self.p.startswith("P=", self.i):
                j = self.p.find(")", self.i)
                if j < 0:
                    self.fail("missing ), unterminated name", self.i + 2)
                name = self.p[self.i + 2:j]
                if name not in self.names:
                    self.fail("unknown group name '%s'" % name, self.i + 2)
                self.i = j + 1
                return ("backref", self.names[name])
            elif c == "<" and self.p[self.i + 1:self.i + 2] in ("=", "!"):
                self.fail("P4JIT: look-behind is not supported", self.i - 1)
            else:
                self.fail("unknown extension ?" + self.p[self.i:self.i + 2 if c == "<" else self.i + 1], self.i - 1)
        index = 0
        if kind == "group":
            self.ngroups += 1
            index = self.ngroups
            if name is not None:
                self.names[name] = index
        node = self.alternation()
        if self.peek() != ")":
            self.fail("missing ), unterminated subpattern", start)
        self.i += 1
        if kind == "group":
            return ("group", index, node)
        if kind == "ncgroup":
            return node
        return (kind, node)

    def escape(self, in_set):
        if self.i >= len(self.p):
            self.fail("bad escape (end of pattern)", self.i - 1)
        c = self.p[self.i]
        self.i += 1
        if c in "dwsDWS":
            return ("class", _class_test(c))
        if c in _SIMPLE_ESCAPES and (c != "0" or True):
            return ("lit", _SIMPLE_ESCAPES[c])
        if c == "x" or c == "u" or c == "U":
            n = {"x": 2, "u": 4, "U": 8}[c]
            text = self.p[self.i:self.i + n]
            if len(text) != n or any(h not in "0123456789abcdefABCDEF" for h in text):
                self.fail("incomplete escape \\%s%s" % (c, text), self.i - 2)
            self.i += n
            return ("lit", chr(int(text, 16)))
        if not in_set:
            if c == "b":
                return ("wordb",)
            if c == "B":
                return ("nwordb",)
            if c == "A":
                return ("bos",)
            if c == "Z":
                return ("eos",)
            if c in "123456789":
                n = int(c)
                while self.peek() is not None and self.peek() in _DIGITS and n * 10 + int(self.peek()) <= self.ngroups:
                    n = n * 10 + int(self.peek())
                    self.i += 1
                if n > self.ngroups:
                    self.fail("invalid group reference %d" % n, self.i - 1)
                return ("backref", n)
        elif c == "b":
            return ("lit", "\b")
        if c.isalnum():
            self.fail("bad escape \\%s" % c, self.i - 2)
        return ("lit", c)

    def charset(self, start):
        negate = False
        if self.peek() == "^":
            negate = True
            self.i += 1
        items = []
        first = True
        while True:
            c = self.peek()
            if c is None:
                self.fail("unterminated character set", start)
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            if c == "\\":
                self.i += 1
                e = self.escape(True)
                if e[0] == "class":
                    items.append(e[1])
                    continue
                lo = e[1]
            else:
                self.i += 1
                lo = c
            if self.peek() == "-" and self.i + 1 < len(self.p) and self.p[self.i + 1] != "]":
                self.i += 1
                hc = self.p[self.i]
                self.i += 1
                if hc == "\\":
                    e = self.escape(True)
                    if e[0] == "class":
                        self.fail("bad character range %s-%s" % (lo, "\\" + self.p[self.i - 1]), self.i - 4)
                    hc = e[1]
                if hc < lo:
                    self.fail("bad character range %s-%s" % (lo, hc), self.i - 3)
                items.append((lo, hc))
            else:
                items.append((lo, lo))
        return ("set", negate, items)


# ---- matching: each node becomes a function (string, pos, state, cont) ------------

class _State:
    def __init__(self, string, end, flags, ngroups):
        self.s = string
        self.end = end
        self.flags = flags
        self.marks = [-1] * (2 * ngroups + 2)


def _fold(c):
    return c.lower()


def _char_pred(node, flags):
    """A test of one character for single-character nodes, else None."""
    kind = node[0]
    icase = flags & IGNORECASE
    if kind == "lit":
        ch = node[1]
        if icase:
            low = _fold(ch)
            return lambda c: _fold(c) == low
        return lambda c: c == ch
    if kind == "any":
        if flags & DOTALL:
            return lambda c: True
        return lambda c: c != "\n"
    if kind == "class":
        return node[1]
    if kind == "set":
        negate, items = node[1], node[2]

        def in_set(c):
            for it in items:
                if type(it) is tuple:
                    if it[0] <= c <= it[1]:
                        return True
                    if icase and (it[0] <= c.lower() <= it[1] or it[0] <= c.upper() <= it[1]):
                        return True
                elif it(c):
                    return True
            return False
        if negate:
            return lambda c: not in_set(c)
        return in_set
    return None


def _compile_node(node, flags):
    kind = node[0]
    pred = _char_pred(node, flags)
    if pred is not None:
        def one(st, i, k):
            if i < st.end and pred(st.s[i]):
                return k(i + 1)
            return None
        return one
    if kind == "seq":
        parts = [_compile_node(n, flags) for n in node[1]]
        if not parts:
            return lambda st, i, k: k(i)
        if len(parts) == 1:
            return parts[0]

        def seq(st, i, k, parts=parts):
            def step(n, j):
                if n == len(parts):
                    return k(j)
                return parts[n](st, j, lambda j2: step(n + 1, j2))
            return step(0, i)
        return seq
    if kind == "alt":
        branches = [_compile_node(n, flags) for n in node[1]]

        def alt(st, i, k):
            for b in branches:
                r = b(st, i, k)
                if r is not None:
                    return r
            return None
        return alt
    if kind == "group":
        index = node[1]
        inner = _compile_node(node[2], flags)

        def group(st, i, k):
            marks = st.marks
            old_start, old_end = marks[2 * index], marks[2 * index + 1]

            def close(j):
                saved = marks[2 * index], marks[2 * index + 1]
                marks[2 * index], marks[2 * index + 1] = i, j
                r = k(j)
                if r is None:
                    marks[2 * index], marks[2 * index + 1] = saved
                return r
            r = inner(st, i, close)
            if r is None:
                marks[2 * index], marks[2 * index + 1] = old_start, old_end
            return r
        return group
    if kind == "backref":
        index = node[1]

        def backref(st, i, k):
            a, b = st.marks[2 * index], st.marks[2 * index + 1]
            if a < 0:
                return None
            text = st.s[a:b]
            if st.s.startswith(text, i) and i + len(text) <= st.end:
                return k(i + len(text))
            if flags & IGNORECASE and _fold(st.s[i:i + len(text)]) == _fold(text):
                return k(i + len(text))
            return None
        return backref
    if kind in ("look", "nlook"):
        inner = _compile_node(node[1], flags)
        negative = kind == "nlook"

        def look(st, i, k):
            found = inner(st, i, lambda j: j) is not None
            if found != negative:
                return k(i)
            return None
        return look
    if kind == "rep":
        return _compile_rep(node, flags)
    if kind == "bol":
        def bol(st, i, k):
            if i == 0 or (flags & MULTILINE and st.s[i - 1] == "\n"):
                return k(i)
            return None
        return bol
    if kind == "eol":
        def eol(st, i, k):
            n = len(st.s)
            if i == n or (i == n - 1 and st.s[i] == "\n") or (flags & MULTILINE and st.s[i] == "\n"):
                return k(i)
            return None
        return eol
    if kind == "bos":
        return lambda st, i, k: k(i) if i == 0 else None
    if kind == "eos":
        return lambda st, i, k: k(i) if i == len(st.s) else None
    if kind in ("wordb", "nwordb"):
        want = kind == "wordb"

        def boundary(st, i, k):
            before = i > 0 and _is_word(st.s[i - 1])
            after = i < len(st.s) and _is_word(st.s[i])
            if (before != after) == want:
                return k(i)
            return None
        return boundary
    raise error("internal: unknown node %r" % (kind,))


def _compile_rep(node, flags):
    _, atom, lo, hi, greedy = node
    pred = _char_pred(atom, flags)
    if pred is not None:  # one character at a time: no recursion per item
        def rep_chars(st, i, k):
            s, end = st.s, st.end
            limit = end if hi < 0 else min(end, i + hi)
            j = i
            if greedy:
                while j < limit and pred(s[j]):
                    j += 1
                while j >= i + lo:
                    r = k(j)
                    if r is not None:
                        return r
                    j -= 1
                return None
            while j < i + lo:
                if j >= limit or not pred(s[j]):
                    return None
                j += 1
            while True:
                r = k(j)
                if r is not None:
                    return r
                if j >= limit or not pred(s[j]):
                    return None
                j += 1
        return rep_chars
    inner = _compile_node(atom, flags)

    def rep(st, i, k):
        def attempt(count, j):
            def more():
                if hi >= 0 and count >= hi:
                    return None
                return inner(st, j, lambda j2: attempt(count + 1, j2) if j2 != j or count < lo else None)
            if count < lo:
                return more()
            if greedy:
                r = more()
                return r if r is not None else k(j)
            r = k(j)
            return r if r is not None else more()
        return attempt(0, i)
    return rep


# ---- the API --------------------------------------------------------------------

class Match:
    def __init__(self, pattern, string, marks, pos, endpos):
        self.re = pattern
        self.string = string
        self._marks = marks
        self.pos = pos
        self.endpos = endpos

    def _index(self, g):
        if isinstance(g, str):
            if g not in self.re.groupindex:
                raise IndexError("no such group")
            return self.re.groupindex[g]
        if not isinstance(g, int) or g < 0 or g > self.re.groups:
            raise IndexError("no such group")
        return g

    def span(self, group=0):
        g = self._index(group)
        return self._marks[2 * g], self._marks[2 * g + 1]

    def start(self, group=0):
        return self.span(group)[0]

    def end(self, group=0):
        return self.span(group)[1]

    def group(self, *groups):
        if not groups:
            groups = (0,)
        values = []
        for g in groups:
            a, b = self.span(g)
            values.append(None if a < 0 else self.string[a:b])
        return values[0] if len(values) == 1 else tuple(values)

    def __getitem__(self, g):
        return self.group(g)

    def groups(self, default=None):
        out = []
        for g in range(1, self.re.groups + 1):
            v = self.group(g)
            out.append(default if v is None else v)
        return tuple(out)

    def groupdict(self, default=None):
        d = {}
        for name, g in self.re.groupindex.items():
            v = self.group(g)
            d[name] = default if v is None else v
        return d

    @property
    def lastindex(self):
        last = None
        best = -1
        for g in range(1, self.re.groups + 1):
            a, b = self._marks[2 * g], self._marks[2 * g + 1]
            if a >= 0 and b >= best:
                best = b
                last = g
        return last

    def expand(self, template):
        return _expand(self, template)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())


class Pattern:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.flags = flags
        self._bytes = isinstance(pattern, (bytes, bytearray))
        if self._bytes:  # bytes are matched as the latin-1 text of the same length
            pattern = bytes(pattern).decode("latin-1")
        elif not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled pattern")
        parser = _Parser(pattern, flags)
        tree = parser.parse()
        self.groups = parser.ngroups
        self.groupindex = dict(parser.names)
        self._code = _compile_node(tree, flags)

    def _text(self, string):
        return string if isinstance(string, str) else bytes(string).decode("latin-1")

    def _at(self, text, i, endpos, full=False, nonempty=False):
        st = _State(text, endpos, self.flags, self.groups)
        if full:
            end = self._code(st, i, lambda j: j if j == endpos else None)
        elif nonempty:
            end = self._code(st, i, lambda j: j if j != i else None)
        else:
            end = self._code(st, i, lambda j: j)
        if end is None:
            return None
        st.marks[0], st.marks[1] = i, end
        return st.marks

    def _bounds(self, string, pos, endpos):
        is_bytes = isinstance(string, (bytes, bytearray))
        if not is_bytes and not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        if is_bytes and not self._bytes:
            raise TypeError("cannot use a string pattern on a bytes-like object")
        if not is_bytes and self._bytes:
            raise TypeError("cannot use a bytes pattern on a string-like object")
        n = len(string)
        pos = max(0, min(pos, n))
        endpos = n if endpos is None else max(pos, min(endpos, n))
        return pos, endpos

    def match(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        marks = self._at(self._text(string), pos, endpos)
        return Match(self, string, marks, pos, endpos) if marks is not None else None

    def fullmatch(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        marks = self._at(self._text(string), pos, endpos, True)
        return Match(self, string, marks, pos, endpos) if marks is not None else None

    def search(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        text = self._text(string)
        for i in range(pos, endpos + 1):
            marks = self._at(text, i, endpos)
            if marks is not None:
                return Match(self, string, marks, pos, endpos)
        return None

    def finditer(self, string, pos=0, endpos=None):
        pos, endpos = self._bounds(string, pos, endpos)
        return iter(self._matches(self._text(string), string, pos, endpos))

    def _matches(self, text, string, pos, endpos):
        """Matches left to right; after an empty match the next one must
        not be empty at the same place (CPython 3.7's rule)."""
        out = []
        i = pos
        after_empty = False
        while i <= endpos:
            marks = self._at(text, i, endpos, nonempty=after_empty)
            if marks is None:
                i += 1
                after_empty = False
                continue
            out.append(Match(self, string, marks, pos, endpos))
            after_empty = marks[1] == marks[0]
            i = marks[1]
        return out

    def findall(self, string, pos=0, endpos=None):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.group(1) or "")
            else:
                out.append(m.groups(""))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        self._bounds(string, 0, None)
        text = self._text(string)
        if self._bytes:
            if callable(repl):
                fn = repl
                repl = lambda m: bytes(fn(Match(self, string, m._marks, m.pos, m.endpos))).decode("latin-1")
            else:
                repl = bytes(repl).decode("latin-1")
        out = []
        last = 0
        n = 0
        for m in self._matches(text, text, 0, len(text)):
            if count and n >= count:
                break
            out.append(text[last:m.start()])
            out.append(repl(m) if callable(repl) else _expand(m, repl))
            last = m.end()
            n += 1
        out.append(text[last:])
        result = "".join(out)
        return (result.encode("latin-1") if self._bytes else result), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        return "re.compile(%r)" % (self.pattern,)

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))


def _expand(m, template):
    out = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        d = template[i + 1]
        if d == "g":
            j = template.find(">", i)
            if not template.startswith("<", i + 2) or j < 0:
                raise error("missing <", template, i + 2)
            ref = template[i + 3:j]
            g = int(ref) if ref.isdigit() else ref
            try:
                m._index(g)
            except IndexError:
                if isinstance(g, int):
                    raise error("invalid group reference %d" % g, template, i + 3)
                raise IndexError("unknown group name '%s'" % g)
            out.append(m.group(g) or "")
            i = j + 1
        elif d in _DIGITS:
            j = i + 1
            while j < n and j < i + 3 and template[j] in _DIGITS:
                j += 1
            g = int(template[i + 1:j])
            if g > m.re.groups:
                raise error("invalid group reference %d" % g, template, i + 1)
            out.append(m.group(g) or "")
            i = j
        elif d in _SIMPLE_ESCAPES and d != "0":
            out.append(_SIMPLE_ESCAPES[d])
            i += 2
        elif d == "\\":
            out.append("\\")
            i += 2
        elif d.isalpha():
            raise error("bad escape \\%s" % d, template, i)
        else:
            out.append("\\" + d)
            i += 2
    return "".join(out)


_cache = {}


def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        return pattern
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        if len(_cache) > 64:
            _cache.clear()
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def escape(pattern):
    return "".join("\\" + c if not (c.isalnum() or c == "_") and ord(c) < 128 else c for c in pattern)


def purge():
    _cache.clear()
