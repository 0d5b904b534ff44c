# contextlib against CPython: contextmanager (normal exit, exceptions,
# suppression, errors), suppress, closing, nullcontext, ExitStack
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack

@contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)

with tag('a') as t:
    print('inside', t)

try:
    with tag('b'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))

with swallow():
    {}['missing']
print('after swallow')

try:
    with swallow():
        1 / 0
except ZeroDivisionError as e:
    print('passed through', e)

@contextmanager
def noyield():
    if False:
        yield

@contextmanager
def twice():
    yield 1
    yield 2

for cm in (noyield, twice):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print('RuntimeError', e)

@contextmanager
def translate():
    try:
        yield
    except IndexError:
        raise LookupError('translated')

try:
    with translate():
        [][1]
except LookupError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

@tag('deco')
def decorated(x):
    print('body', x)
    return x * 2
print(decorated(21))

with suppress(KeyError, IndexError):
    [][0]
print('suppressed')
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print('not suppressed')

class Res:
    def close(self):
        print('closed')
with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
with nullcontext() as v:
    print(v)

with ExitStack() as stack:
    for n in ('x', 'y'):
        print(stack.enter_context(tag(n)))
    stack.callback(print, 'callback', 1)
print('stack done')

def exit_cb(t, v, tb):
    print('exit_cb', t.__name__ if t else None)
    return True
with ExitStack() as stack:
    stack.push(exit_cb)
    raise KeyError('k')
print('suppressed by exit_cb')

try:
    with ExitStack() as stack:
        stack.callback(print, 'cleanup ran')
        raise ValueError('v')
except ValueError as e:
    print('ExitStack re-raised', e)

with ExitStack() as stack:
    stack.callback(print, 'moved')
    moved = stack.pop_all()
print('pop_all kept it')
moved.close()

try:
    with ExitStack() as stack:
        stack.enter_context(5)
except TypeError as e:
    print('TypeError', e)

