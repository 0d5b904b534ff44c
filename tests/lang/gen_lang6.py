#!/usr/bin/env python3
"""Random programs over language features P4JIT gained lately, against CPython.

Sections, each a function run under a guard that prints its result or its
exception's type and text:

  attrs    classes defining random subsets of __setattr__, __getattribute__,
           __getattr__ and __delattr__ (through object.* or super()), with
           subclasses, properties and slots-free instances; reads, writes,
           deletes, hasattr/getattr/setattr/delattr, vars()
  subcls   __init_subclass__ chains (super() calls, class attributes set,
           a registry, a raise that stops the class statement)
  zip      zip(strict=True) over lists and generators of random lengths
  exc      exceptions' attributes: args, str and repr of every arity,
           __cause__/__context__/__suppress_context__, StopIteration.value,
           SystemExit.code, OSError's errno/strerror/filename,
           UnicodeDecodeError's start/end/reason, KeyError's str,
           traceback.format_exception_only
  views    dict views: set operators with sets, lists and other views, in,
           len, reversed, isdisjoint, ==, views seeing later changes
  fmt      format() with random specs (fill, align, sign, #, 0, width,
           grouping, precision, type) on ints, exact floats and strs;
           %-formatting with random flags; f-strings with !r/!s/!a and =

  gen_lang6.py gen SEED
  gen_lang6.py run P4JIT [--seeds A:B] [--jobs N] [-- RUN-OPTIONS]
"""
import random
import sys

import cpython_oracle

PRELUDE = '''\
import traceback

def show(name, f):
    try:
        r = f()
    except Exception as e:
        print(name, 'raised', type(e).__name__, str(e)[:60])
    else:
        print(name, '->', repr(r))

'''
INTS = ['0', '1', '-1', '7', '-42', '255', '1000', '-65536', '2**31', '-2**40', '2**70']
FLOATS = ['0.0', '-0.0', '0.5', '-1.5', '2.25', '1024.0', '-0.125', '3.0', '12345.75', "float('inf')",
          "float('-inf')", "float('nan')", '2.0**-10']
STRS = ["''", "'a'", "'abc'", "'hello world'", "'Zz'", "'x' * 12"]


class G:
    def __init__(self, seed):
        self.r = random.Random('lang6%d' % seed)
        self.out = [PRELUDE]
        self.n = 0

    def uid(self, p):
        self.n += 1
        return '%s%d' % (p, self.n)

    def emit(self, lines):
        self.out += lines

    def p(self, x):
        return self.r.random() < x

    # ---- attrs ----
    def sec_attrs(self):
        r = self.r
        base, sub = self.uid('A'), self.uid('B')
        L = ['class %s:' % base, '    def __init__(self):', '        self.x = 1', '        self.log = []']
        hooks = [h for h in ('set', 'get', 'getattr', 'del') if self.p(0.55)]
        if 'set' in hooks:
            L += ['    def __setattr__(self, name, value):',
                  '        if name == "y" and isinstance(value, int):',
                  '            value = value * %d' % r.choice([2, -1, 10]),
                  '        if name == "frozen":',
                  '            raise AttributeError("frozen is read-only")',
                  '        %s' % r.choice(['object.__setattr__(self, name, value)',
                                           'super().__setattr__(name, value)',
                                           'self.__dict__[name] = value'])]
        if 'get' in hooks:
            L += ['    def __getattribute__(self, name):',
                  '        if name == "magic":',
                  '            return 42',
                  '        if name == "hidden":',
                  '            raise AttributeError(name)',
                  '        return %s' % r.choice(['object.__getattribute__(self, name)',
                                                  'super().__getattribute__(name)'])]
        if 'getattr' in hooks:
            L += ['    def __getattr__(self, name):',
                  '        if name.startswith("d_"):',
                  '            return name[2:] * 2',
                  '        raise AttributeError("no " + name)']
        if 'del' in hooks:
            L += ['    def __delattr__(self, name):',
                  '        if name == "x":',
                  '            raise AttributeError("keep x")',
                  '        object.__delattr__(self, name)']
        if self.p(0.4):
            L += ['    @property', '    def prop(self):', '        return self.x + 100']
        L += ['']
        L += ['class %s(%s):' % (sub, base)]
        if self.p(0.5) and 'set' not in hooks:
            L += ['    def __setattr__(self, name, value):', '        super().__setattr__(name, (value, "sub"))']
        elif self.p(0.5):
            L += ['    def __getattr__(self, name):', '        return "sub-" + name']
        else:
            L += ['    z = 5']
        L += ['']
        ops = ['o.y = %s' % r.choice(['3', "'s'", '2.5']), 'out.append(o.x)', 'out.append(o.y)', 'out.append(o.magic)',
               'out.append(o.hidden)', 'out.append(o.d_ab)', 'out.append(o.missing)', 'del o.x', 'del o.y',
               'del o.nothing', 'out.append(hasattr(o, "hidden"))', 'out.append(getattr(o, "nope", "dflt"))',
               'setattr(o, "w", 9)', 'out.append(o.w)', 'delattr(o, "w")', 'out.append(hasattr(o, "w"))',
               'o.frozen = 1', 'out.append(sorted(vars(o)))', 'out.append(o.prop)', 'out.append(o.z)',
               'out.append(type(o).__name__)', 'o.x += 1', 'out.append(getattr(o, "magic"))']
        for cls in (base, sub):
            fn = self.uid('attrs')
            L += ['def %s():' % fn, '    out = []', '    o = %s()' % cls]
            for op in r.sample(ops, r.randint(3, 9)):
                L += ['    try:', '        ' + op, '    except AttributeError as e:',
                      '        out.append("AE:" + str(e))']
            L += ['    return out', 'show(%r, %s)' % (fn, fn), '']
        self.emit(L)

    # ---- __init_subclass__ ----
    def sec_subcls(self):
        r = self.r
        root = self.uid('R')
        L = ['%s_reg = []' % root, 'class %s:' % root, '    def __init_subclass__(cls):',
             '        super().__init_subclass__()', '        %s_reg.append(cls.__name__)' % root,
             '        cls.depth = getattr(cls, "depth", 0) + 1']
        if self.p(0.3):
            L += ['        if cls.__name__.endswith("3"):', '            raise TypeError("no " + cls.__name__)']
        L += ['']
        names = [root]
        for k in range(r.randint(2, 5)):
            name = self.uid('S')
            parent = r.choice(names)
            fn = self.uid('mk')
            body = ['    kind = %d' % k]
            if self.p(0.3):
                body += ['    def __init_subclass__(cls):', '        cls.kind = cls.kind * 10',
                         '        %s' % r.choice(['super().__init_subclass__()', 'pass'])]
            L += ['def %s():' % fn, '    global %s' % name, '    class %s(%s):' % (name, parent)]
            L += ['    ' + b for b in body]
            L += ['    %s = %s' % (name, name), '    return (%s.__name__, %s.depth, %s.kind, list(%s_reg))'
                  % (name, name, name, root), 'show(%r, %s)' % (fn, fn)]
            L += ['if "%s" not in globals():' % name, '    %s = %s' % (name, parent), '']
            names.append(name)
        self.emit(L)

    # ---- zip(strict=) ----
    def sec_zip(self):
        r = self.r
        fn = self.uid('zip')
        args = []
        for _ in range(r.randint(1, 4)):
            n = r.choice([0, 1, 2, 3, 3, 3])
            if self.p(0.3):
                args.append('(i for i in range(%d))' % n)
            elif self.p(0.2):
                args.append("'%s'" % 'abcd'[:n])
            else:
                args.append(repr(list(range(10 * len(args), 10 * len(args) + n))))
        strict = r.choice(['strict=True', 'strict=True', 'strict=False', 'strict=1', 'strict=0'])
        self.emit(['def %s():' % fn, '    return list(zip(%s, %s))' % (', '.join(args), strict),
                   'show(%r, %s)' % (fn, fn), ''])

    # ---- exceptions' attributes ----
    def sec_exc(self):
        r = self.r
        fn = self.uid('exc')
        cls = r.choice(['ValueError', 'KeyError', 'Exception', 'IndexError', 'RuntimeError', 'LookupError',
                        'ZeroDivisionError', 'AttributeError', 'NameError'])
        nargs = r.choice([0, 1, 1, 2, 3])
        args = ', '.join(r.choice(["'m'", '7', "''", "('t', 1)", 'None', "'it''s'"]) for _ in range(nargs))
        lines = ['def %s():' % fn, '    out = []', '    e = %s(%s)' % (cls, args),
                 '    out += [e.args, str(e), repr(e), len(e.args)]']
        extra = r.sample([
            ['    try:', '        try:', '            1 // 0', '        except ZeroDivisionError as z:',
             '            raise e from %s' % r.choice(['z', 'None', 'ValueError("c")']),
             '    except %s as f:' % cls,
             '        out += [type(f.__cause__).__name__, type(f.__context__).__name__, f.__suppress_context__]'],
            ['    try:', '        raise e', '    except BaseException as f:',
             '        out.append(traceback.format_exception_only(type(f), f))'],
            ['    s = StopIteration(%s)' % r.choice(['', '5', '1, 2', 'None']), '    out += [s.value, s.args]'],
            ['    x = SystemExit(%s)' % r.choice(['', '3', "'bye'", '1, 2', 'None']), '    out += [x.code, x.args]'],
            ['    o = OSError(%s)' % r.choice(['', '2', "2, 'nope'", "2, 'nope', 'f.txt'", "'just text'"]),
             '    out += [o.errno, o.strerror, o.filename, str(o), o.args]'],
            ['    try:', "        b'ab\\xffc'.decode('utf-8')", '    except UnicodeDecodeError as u:',
             '        out += [u.start, u.end, u.reason, u.encoding, type(u).__mro__[1].__name__]'],
            ['    e.args = (%s)' % r.choice(['', '1,', "'a', 'b'"]), '    out += [str(e), repr(e)]'],
            ['    e.note = 5', '    out.append(e.note)'],
            ['    try:', '        {}[%s]' % r.choice(["'k'", '(1, 2)', "''", '0']), '    except KeyError as k:',
             '        out += [str(k), repr(k), k.args]'],
            ['    try:', '        try:', '            raise e', '        finally:', '            out.append("fin")',
             '    except Exception as g:', '        out.append(g is e)'],
        ], r.randint(1, 4))
        for x in extra:
            lines += x
        lines += ['    return out', 'show(%r, %s)' % (fn, fn), '']
        self.emit(lines)

    # ---- dict/set views ----
    def sec_views(self):
        r = self.r
        fn = self.uid('views')
        d = {k: r.randint(0, 5) for k in r.sample(range(10), r.randint(0, 6))}
        other = repr(set(r.sample(range(10), r.randint(0, 5))))
        ops = ['sorted(d.keys() & %s)' % other, 'sorted(d.keys() | %s)' % other, 'sorted(d.keys() - %s)' % other,
               'sorted(d.keys() ^ %s)' % other, 'sorted(%s - d.keys())' % other, 'sorted(%s & d.keys())' % other,
               'sorted(d.keys() & list(%s))' % other, 'sorted(d.items() & {(1, 1), (2, 2), (3, 0)})',
               'sorted(d.items() | {(0, 9)})', 'sorted(d.items() - {(1, 1)})', 'd.keys() == %s' % other,
               'd.keys() == set(d)', 'd.keys() <= %s' % other, 'd.keys() < set(range(10))',
               'd.keys().isdisjoint(%s)' % other, 'd.items().isdisjoint({(1, 1)})', '3 in d.keys()',
               '(1, 1) in d.items()', '2 in d.values()', 'len(d.values())', 'list(reversed(d.keys()))',
               'list(reversed(d.items()))', 'list(reversed(d.values()))', 'sorted(d.values())',
               'd.keys() == d.keys()', 'd.values() == d.values()', 'sorted(d.keys() & d.keys())',
               'type(d.keys() & set()).__name__', 'sorted(k.keys() & {1})', 'sum(d.values())',
               'dict(d.items()) == d', 'list(zip(d.keys(), d.values()))', 'repr(d.keys())', 'repr(d.items())',
               'repr(d.values())']
        lines = ['def %s():' % fn, '    d = %r' % d, '    k = d', '    v = d.keys()', '    it = d.items()',
                 '    out = []']
        for op in r.sample(ops, r.randint(3, 8)):
            lines += ['    try:', '        out.append(%s)' % op, '    except Exception as e:',
                      '        out.append(type(e).__name__)']
        lines += ['    d[%d] = 1' % r.randint(0, 12), '    d.pop(%d, None)' % r.randint(0, 12),
                  '    out += [sorted(v), sorted(it), len(v)]']
        if self.p(0.3):
            lines += ['    try:', '        for key in d.keys():', '            d[key + 100] = 0',
                      '    except RuntimeError as e:', '        out.append(str(e))']
        lines += ['    return out', 'show(%r, %s)' % (fn, fn), '']
        self.emit(lines)

    # ---- formatting ----
    def spec(self, kind):
        r = self.r
        s = ''
        if self.p(0.3):
            s += r.choice(['', '*', '0', ' ', '#', '_']) + r.choice('<>^=')
        elif self.p(0.3):
            s += r.choice('<>^=')
        if kind != 's' and self.p(0.4):
            s += r.choice('+- ')
        if kind != 's' and self.p(0.2):
            s += '#'
        if self.p(0.2):
            s += '0'
        if self.p(0.6):
            s += str(r.choice([0, 1, 3, 8, 12, 20]))
        if kind != 's' and self.p(0.25):
            s += r.choice([',', '_'])
        if kind != 'i' and self.p(0.5) or self.p(0.05):
            s += '.' + str(r.choice([0, 1, 2, 3, 6, 10]))
        types = {'i': 'bcdoxXeEfFgG%', 'f': 'eEfFgG%', 's': 's'}[kind]
        if self.p(0.7):
            s += r.choice(types + ('' if kind == 'i' else 's' if kind == 'f' else 'd'))
        return s

    def sec_fmt(self):
        r = self.r
        fn = self.uid('fmt')
        lines = ['def %s():' % fn, '    out = []']
        for _ in range(r.randint(3, 8)):
            kind = r.choice('iifs')
            val = r.choice({'i': INTS, 'f': FLOATS, 's': STRS}[kind])
            y = r.random()
            if y < 0.5:
                e = 'format(%s, %r)' % (val, self.spec(kind))
            elif y < 0.75:
                flags = ''.join(r.sample('-+ #0', r.randint(0, 2)))
                width = r.choice(['', '5', '12', '*'])
                prec = r.choice(['', '.0', '.3', '.*'])
                conv = r.choice({'i': 'dioxXeEfgcr', 'f': 'eEfFgGr', 's': 'sr'}[kind])
                vals = ([str(r.choice([-3, 4, 10]))] if width == '*' else []) + \
                       ([str(r.choice([0, 2]))] if prec == '.*' else []) + [val]
                e = "'[%%%s%s%s%s]' %% (%s,)" % (flags, width, prec, conv, ', '.join(vals))
            else:
                conv = r.choice(['', '!r', '!s', '!a'])
                e = 'f"{%s%s%s:%s}"' % ('(%s)' % val, '=' if self.p(0.2) and not conv else '', conv,
                                        self.spec('s' if conv else kind).replace('{', ''))
            lines += ['    try:', '        out.append(%s)' % e, '    except Exception as e:',
                      '        out.append(type(e).__name__)']
        lines += ['    return out', 'show(%r, %s)' % (fn, fn), '']
        self.emit(lines)

    def program(self):
        secs = [self.sec_attrs, self.sec_subcls, self.sec_zip, self.sec_exc, self.sec_exc, self.sec_views,
                self.sec_fmt, self.sec_fmt]
        for _ in range(self.r.randint(3, 7)):
            self.r.choice(secs)()
        return '\n'.join(self.out) + '\n'


def main():
    return cpython_oracle.main(__doc__, lambda seed: G(seed).program(), range(0, 20), 'gen_lang6')


if __name__ == '__main__':
    sys.exit(main())
