# exec, eval, compile, globals and locals: namespaces, modes, errors.

def keys(d):
    return sorted(k for k in d if k != '__builtins__')

# eval of expressions, with and without namespaces
x = 4
print(eval('1 + 2'), eval(' x * 10'), eval('x\n\n'), eval(b'6 * 7'), eval(bytearray(b'[x] * 3')))
print(eval('a + b', {'a': 1, 'b': 2}), eval('a + b', {'a': 1}, {'b': 20}), eval('len(s)', {'s': 'abc'}))
print(eval('[i * i for i in range(n)]', {'n': 5}), eval('{k: v for k, v in zip("ab", (1, 2))}'))
print(eval('lambda q: q + x')(1), eval('(lambda: y * 2)', {'y': 21})())
print(eval('__name__'), eval('__name__', {}), eval('__name__', {'__name__': 'mine'}))
print(eval('__debug__'), type(__debug__), eval('abs(-3) + max(1, 2)', {}))

# exec at module level changes the module's live globals
exec('x = x + 1\ndef made(): return x * 100')
print(x, made())
x = 7
print(made())  # the function reads the module's x


def read_x():
    return x


exec('x = 99\nprint("inside", read_x())')  # module code sees exec's store at once
exec('y_new = 5')
print(eval('y_new + 1'))
exec('del y_new')
try:
    eval('y_new')
except NameError as e:
    print('NameError', e)

# exec into a dict: functions keep that namespace
d = {'base': 10}
exec('def add(v): return base + v\nresult = add(5)', d)
print(keys(d), d['result'], d['add'](1))
d['base'] = 1000
print(d['add'](1))  # live: the dict is its globals
exec('counter = 0\ndef bump():\n    global counter\n    counter += 1\n    return counter', d)
d['bump']()
d['bump']()
print(d['counter'])

# separate globals and locals
g, l = {'gv': 1}, {'lv': 2}
exec('s = gv + lv\ndef f(): return gv\nt = f()', g, l)
print(keys(g), keys(l), l['s'], l['t'])
exec('print(foo)', None, {'foo': 3})
foo = 11
exec('print(foo)', {'foo': 3}, None)
exec('print(foo)', None, {'bar': 3})
exec('print(foo)', {'bar': 3}, locals())
try:
    exec('print(foo)', {'bar': 3}, None)
except NameError as e:
    print('NameError:', e)

# inside a function: eval sees the locals (and cells), exec's stores stay local to exec
def func(a, b=2):
    c = a * b

    def inner():
        return c

    print(eval('a + b + c'), eval('inner()'), keys(locals()))
    exec('a = 1000\nz = a + 1')
    print(a)
    ns = {}
    exec('w = a', {'a': a}, ns)
    return ns


print(func(3))

# classes, generators, comprehensions and try inside exec
src = '''
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return 'Point(%d, %d)' % (self.x, self.y)

def gen(n):
    for i in range(n):
        yield Point(i, i * i)

pts = list(gen(4))
try:
    1 / 0
except ZeroDivisionError as e:
    err = str(e)
'''
ns = {}
exec(src, ns)
print(ns['pts'], ns['err'], ns['Point'].__name__, type(ns['pts'][0]).__name__)

# compile(): modes, reuse with other namespaces
c = compile('print(v)', 'file', 'exec')
exec(c, {'v': 'first'})
exec(c, {}, {'v': 'second'})
v = 'module'
exec(c)
e = compile('v * 2', '<expr>', 'eval')
print(eval(e), eval(e, {'v': 21}), exec(compile('pass', 'f', 'exec')))
exec(compile('if 1: 10 + 1\n', 'file', 'single'))
exec(compile('None', 'file', 'single'))
exec(compile('"str"\n', 'file', 'single'))
exec(compile("def func2(): pass\nprint('x', func2.__globals__['x'])", 'file', 'exec'))
print(type(hash(c)))
for bad in [('1', 'file', ''), ('1', 'file', 'run')]:
    try:
        compile(*bad)
    except ValueError as e:
        print('ValueError', e)

# exceptions raised by exec'd code reach the caller
try:
    exec('def boom():\n    raise KeyError("k")\nboom()', {})
except KeyError as e:
    print('KeyError', e)
try:
    exec(compile('noexist', 'file', 'exec'))
except NameError as e:
    print('NameError', e)

# syntax errors: class, message, position, text
for s in ['[1,,]', 'x = = 1', '1 +', 'if 1:\npass', '  x', 'x := 1', 'a\n b',
          'for x in y:\n\tpass\n        pass', 'f(**a, *b)', 'del f()', '1 = x']:
    for fn in (exec, eval):
        if s.startswith('for') and fn is eval:
            continue
        try:
            fn(s)
        except SyntaxError as e:
            print(fn.__name__, repr(s), type(e).__name__, e.msg, e.lineno, e.filename, repr(e.text))
for s in ['return 5', 'yield 1', 'break', 'nonlocal q']:
    try:
        exec(s)
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno)
err = None
try:
    compile('a = 1\nb = (2 +\n', 'prog.py', 'exec')
except SyntaxError as e:
    err = e
print(type(err).__name__, err.lineno, err.filename)

# bad arguments
for args in [(1,), ('x', 'notadict'), ('x', None, 123), ('x', [])]:
    try:
        exec(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    eval('1', 5)
except TypeError as e:
    print('TypeError', e)

# nested exec uses the namespace of the code running it
outer = {}
exec('exec("inner = 1")\nboth = inner + 1', outer)
print(keys(outer), outer['both'])
exec('exec("q = 5")', {}, outer)
print(outer['q'])

# globals()
gd = globals()
print(gd is globals(), gd['x'], '__name__' in gd, 'func' in gd, globals()['foo'])
exec('late = 123', globals())
print(late)
print(__import__('math').sqrt(16.0), __import__('sys').platform in ('linux', 'esp32p4'))
try:
    __import__('no_such_module_here')
except ImportError as e:
    print('ImportError', e)
