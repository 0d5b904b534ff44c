#!/usr/bin/env python3
"""Random programs of nested functions for the scope rules: closures three
deep, `nonlocal` rebinding from inner functions, lambdas (with defaults, in
comprehensions, late-bound), *args, keyword-only parameters and calls with
*/** arguments. p4jit must print exactly what CPython prints.

  gen_closures.py gen SEED                 print one program
  gen_closures.py run P4JIT [--seeds A:B] [--jobs N] [-- RUN-OPTIONS]
        each seed's program under CPython and p4jit (programs CPython
        rejects, e.g. a nonlocal whose binding never comes, are skipped);
        a mismatch is written to gen_closures_SEED.py and fails the run

Before merging (seeds 0:800, 181 of them with -X jit=eager) no mismatch.
"""
import random
import sys

import cpython_oracle   # the runner shared with gen_lang.py

class G:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.n = 0
        self.lines = []

    def name(self, p):
        self.n += 1
        return '%s%d' % (p, self.n)

    def expr(self, vars, depth=0):
        r = self.r
        if not vars or depth > 2 or r.random() < 0.3:
            return str(r.randint(-5, 9))
        k = r.random()
        v = r.choice(vars)
        if k < 0.4:
            return v
        if k < 0.7:
            return '(%s %s %s)' % (self.expr(vars, depth + 1), r.choice('+-*'), self.expr(vars, depth + 1))
        if k < 0.85:
            return '(lambda %s=%s: %s)()' % ('q', self.expr(vars, depth + 1), self.expr(vars + ['q'], depth + 1))
        return '(%s if %s > 0 else %s)' % (self.expr(vars, depth + 1), v, self.expr(vars, depth + 1))

    def func(self, ind, outer_vars, depth):
        r = self.r
        fname = self.name('f')
        params = [self.name('p') for _ in range(r.randint(0, 2))]
        star = r.random() < 0.3
        kwonly = self.name('k') if r.random() < 0.3 else None
        sig = list(params)
        if star:
            sig.append('*rest')
        elif kwonly:
            sig.append('*')
        if kwonly:
            sig.append('%s=%d' % (kwonly, r.randint(0, 5)))
        out = ['%sdef %s(%s):' % (ind, fname, ', '.join(sig))]
        ind2 = ind + '    '
        mine = list(params) + ([kwonly] if kwonly else [])
        if star:
            out.append('%s%s = len(rest)' % (ind2, 'nrest'))
            mine.append('nrest')
        nonlocals = [v for v in outer_vars if r.random() < 0.3]
        if nonlocals and depth > 0:
            out.append('%snonlocal %s' % (ind2, ', '.join(nonlocals)))
        else:
            nonlocals = []
        visible = outer_vars + mine
        for _ in range(r.randint(1, 4)):
            k = r.random()
            if k < 0.35:
                v = r.choice(nonlocals) if nonlocals and r.random() < 0.5 else self.name('v')
                out.append('%s%s = %s' % (ind2, v, self.expr(visible)))
                if v not in visible:
                    visible.append(v)
                    mine.append(v)
            elif k < 0.55 and depth < 3:
                sub, subname, subsig = self.func(ind2, [v for v in visible if v not in params or True], depth + 1)
                out += sub
                args = self.args(subsig, visible)
                res = self.name('v')
                out.append('%s%s = %s(%s)' % (ind2, res, subname, args))
                visible.append(res)
                mine.append(res)
            elif k < 0.7:
                res = self.name('v')
                out.append('%s%s = [(lambda: %s)() for %s in range(%d)]' % (ind2, res, self.expr(visible + ['i']), 'i', r.randint(0, 3)))
                out.append('%s%s = len(%s) + sum(%s)' % (ind2, res, res, res))
                visible.append(res)
                mine.append(res)
            elif k < 0.85 and visible:
                v = r.choice(visible)
                out.append('%sfor j in range(%d):' % (ind2, r.randint(1, 3)))
                if v in mine or v in nonlocals:
                    out.append('%s    %s = %s + j' % (ind2, v, v))
                else:
                    out.append('%s    pass' % ind2)
            else:
                res = self.name('v')
                out.append('%s%s = [(lambda: j)() for j in range(3)] + [g() for g in [lambda j=j: j * 2 for j in range(2)]]' % (ind2, res))
                out.append('%s%s = sum(%s)' % (ind2, res, res))
                visible.append(res)
                mine.append(res)
        out.append('%sreturn %s' % (ind2, self.expr(visible)))
        return out, fname, (params, star, kwonly)

    def args(self, sig, vars):
        params, star, kwonly = sig
        r = self.r
        a = [self.expr(vars) for _ in params]
        if star and r.random() < 0.5:
            a.append('*[%s]' % ', '.join(self.expr(vars) for _ in range(r.randint(0, 2))))
        if kwonly and r.random() < 0.5:
            if r.random() < 0.5:
                a.append('%s=%s' % (kwonly, self.expr(vars)))
            else:
                a.append('**{%r: %s}' % (kwonly, self.expr(vars)))
        if params and r.random() < 0.3 and not star:
            return '*[%s]' % ', '.join(a[:len(params)]) + ''.join(', ' + x for x in a[len(params):])
        return ', '.join(a)

    def program(self):
        out = []
        for _ in range(3):
            sub, name, sig = self.func('', [], 0)
            out += sub
            out.append('try:')
            out.append('    print(%r, %s(%s))' % (name, name, self.args(sig, [])))
            out.append('except (NameError, OverflowError) as e:')
            out.append('    print(%r, type(e).__name__)' % name)
        return '\n'.join(out) + '\n'

def main():
    return cpython_oracle.main(__doc__, lambda seed: G(seed).program(), range(0, 40), 'gen_closures')


if __name__ == '__main__':
    sys.exit(main())
