#!/usr/bin/env python3
"""Random match statements against CPython.

Each program defines a few classes (with and without __match_args__, a dict
and a list subclass) and functions holding one match statement of random
cases: literal, capture, wildcard, value (dotted), group, sequence (lists,
tuples, open, with a star capture or *_), mapping (with **rest), class
(positional and keyword, the built-in types' self-matching int(x)), OR and
AS patterns, guards (some that see the names the pattern bound), nested to a
few levels; now and then a class pattern CPython raises TypeError for. Every function is called on a pool of random subjects; what it
returns (the case taken and its names), or the exception raised, is printed,
and so are the names a failed case might have bound (CPython binds none).
Patterns CPython rejects at compile time (a name bound twice, OR
alternatives binding different names) are avoided; an irrefutable pattern
is only made for the last case.

  gen_match.py gen SEED
  gen_match.py run P4JIT [--seeds A:B] [--jobs N] [-- RUN-OPTIONS]
"""
import random
import sys

import cpython_oracle

PRELUDE = '''\
from collections import OrderedDict, deque


class Pt:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Pt(%r, %r)" % (self.x, self.y)


class Pt3(Pt):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

    def __repr__(self):
        return "Pt3(%r, %r, %r)" % (self.x, self.y, self.z)


class Box:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __repr__(self):
        return "Box(%s)" % ", ".join("%s=%r" % kv for kv in sorted(self.__dict__.items()))


class MyDict(dict):
    pass


class MyList(list):
    pass


class K:
    ONE = 1
    TWO = 2
    NAME = "a"


def show(name, f, subject):
    try:
        r = f(subject)
    except Exception as e:
        print(name, repr(subject), 'raised', type(e).__name__, str(e)[:80])
    else:
        print(name, repr(subject), '->', repr(r))

'''

ATOMS = ['0', '1', '2', '-1', '3', '1.5', "'a'", "'b'", "''", 'None', 'True', 'False', '2.0', '(1+2j)', "b'a'"]
SUBJECTS = [
    '0', '1', '2', '-1', '3', '1.5', '2.0', "'a'", "'b'", "'ab'", "''", 'None', 'True', 'False', '(1+2j)', "b'a'",
    '[]', '()', '[1]', '[1, 2]', '(1, 2)', '[1, 2, 3]', '(1, 2, 3, 4)', "['a', 1]", '[[1, 2], 3]', '[1, [2, 3]]',
    "{'a': 1}", "{'a': 1, 'b': 2}", "{'a': [1, 2]}", "{1: 'a', 2: 'b'}", "{'b': {'a': 1}}", '{}',
    'Pt(1, 2)', 'Pt(0, 0)', "Pt('a', [1])", 'Pt3(1, 2, 3)', 'Pt(Pt(1, 2), 3)', 'Box(a=1)', 'Box(a=1, b=2)', 'Box()',
    "MyDict(a=1)", 'MyList([1, 2])', "OrderedDict(a=2)", 'deque([1, 2])', 'range(3)', '{1, 2}', 'frozenset()',
    "Box(x=Pt(1, 2))", "[Pt(1, 2), {'a': 1}]", "({'a': 1}, 2)",
]


class G:
    def __init__(self, seed):
        self.r = random.Random('match%d' % seed)
        self.n = 0

    def p(self, x):
        return self.r.random() < x

    def name(self, used):
        for _ in range(20):
            n = self.r.choice('abcdefghuvw')
            if n not in used:
                used.add(n)
                return n
        return None

    def literal(self):
        return self.r.choice(ATOMS)

    # A pattern that can fail (refutable at its top), binding names new to `used`.
    def pattern(self, used, depth, top=False):
        r = self.r
        kinds = ['lit', 'lit', 'value', 'seq', 'map', 'cls', 'or', 'as', 'builtin']
        if depth >= 3:
            kinds = ['lit', 'value', 'builtin']
        k = r.choice(kinds)
        if k == 'lit':
            return self.literal()
        if k == 'value':
            return r.choice(['K.ONE', 'K.TWO', 'K.NAME'])
        if k == 'builtin':
            t = r.choice(['int', 'str', 'float', 'bool', 'list', 'tuple', 'dict', 'bytes', 'set'])
            if self.p(0.5):
                return '%s(%s)' % (t, self.sub(used, depth + 1))
            return '%s()' % t
        if k == 'seq':
            n = r.randint(0, 3)
            items = [self.sub(used, depth + 1) for _ in range(n)]
            if self.p(0.4):
                star = self.name(used) if self.p(0.6) else '_'
                if star:
                    items.insert(r.randint(0, len(items)), '*' + star)
            if top and items and self.p(0.2):
                return ', '.join(items) + (',' if len(items) == 1 else '')  # an open sequence pattern
            if self.p(0.5):
                return '[%s]' % ', '.join(items)
            return '(%s)' % (', '.join(items) + (',' if len(items) == 1 else ''))
        if k == 'map':
            keys = r.sample(["'a'", "'b'", '1', '2', 'K.NAME'], r.randint(0, 2))
            if "'a'" in keys and 'K.NAME' in keys:
                keys.remove('K.NAME')
            items = ['%s: %s' % (key, self.sub(used, depth + 1)) for key in keys]
            if self.p(0.3):
                rest = self.name(used)
                if rest:
                    items.append('**' + rest)
            return '{%s}' % ', '.join(items)
        if k == 'cls':
            cls = r.choice(['Pt', 'Pt3', 'Box'])
            wrong = self.p(0.1)  # perhaps a TypeError: too many positionals, an attribute twice
            npos = (1 if wrong else 0) if cls == 'Box' else r.randint(0, 2 if cls == 'Pt' else 3)
            args = [self.sub(used, depth + 1) for _ in range(npos)]
            attrs = r.sample(['x', 'y', 'z', 'a', 'b'], r.randint(0, 2))
            if not wrong:
                attrs = [a for a in attrs if not (cls != 'Box' and a in ('x', 'y', 'z')[:npos])]
            args += ['%s=%s' % (a, self.sub(used, depth + 1)) for a in attrs]
            return '%s(%s)' % (cls, ', '.join(args))
        if k == 'or':
            # the alternatives bind nothing, or the same one name
            if self.p(0.5):
                alts = [self.literal() for _ in range(r.randint(2, 3))]
                return ' | '.join(alts)
            nm = self.name(used)
            if not nm:
                return self.literal()
            alts = ['[%s]' % nm, '(%s, _)' % nm, 'Pt(%s, 0)' % nm, '{%s: %s}' % (r.choice(["'a'", '1']), nm)]
            return ' | '.join(r.sample(alts, r.randint(2, 3)))
        # as
        inner = self.pattern(used, depth + 1)
        nm = self.name(used)
        if not nm:
            return inner
        if ' | ' in inner or ' as ' in inner:
            inner = '(%s)' % inner
        return '%s as %s' % (inner, nm)

    # A sub-pattern: also captures and wildcards.
    def sub(self, used, depth):
        x = self.r.random()
        if x < 0.25:
            return self.name(used) or '_'
        if x < 0.35:
            return '_'
        if x < 0.4:
            return '(%s)' % self.pattern(used, depth)
        return self.pattern(used, depth)

    def function(self):
        self.n += 1
        fn = 'f%d' % self.n
        lines = ['def %s(s):' % fn]
        names = set()
        lines.append('    match s:')
        ncases = self.r.randint(1, 5)
        for i in range(ncases):
            used = set()
            last = i == ncases - 1
            if last and self.p(0.4):
                pat = self.r.choice(['_', 'other'])
                if pat == 'other':
                    used.add('other')
            else:
                pat = self.pattern(used, 0, top=True)
            names |= used
            guard = ''
            if self.p(0.25):
                if used and self.p(0.7):
                    v = sorted(used)[0]
                    guard = ' if %s != %s' % (v, self.literal())
                else:
                    guard = ' if %s' % self.r.choice(['True', 'False', 's', 'len(str(s)) > 3'])
            lines.append('        case %s%s:' % (pat, guard))
            lines.append('            return (%d,%s)' % (i, ''.join(' %s,' % n for n in sorted(used))))
        # what a failed case left bound: CPython binds nothing
        seen = sorted(names)
        lines.append('    loc = locals()')
        lines.append('    return ("none", [n for n in %r if n in loc])' % (seen,))
        lines.append('')
        subjects = self.r.sample(SUBJECTS, 12)
        for s in subjects:
            lines.append('show(%r, %s, %s)' % (fn, fn, s))
        lines.append('')
        return lines

    def program(self):
        out = [PRELUDE]
        for _ in range(self.r.randint(3, 6)):
            out += self.function()
        return '\n'.join(out) + '\n'


def main():
    return cpython_oracle.main(__doc__, lambda seed: G(seed).program(), range(0, 40), 'gen_match')


if __name__ == '__main__':
    sys.exit(main())
