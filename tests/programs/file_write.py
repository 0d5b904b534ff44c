# open() for writing, appending and updating, text and binary; os.remove.
import os

# a file name of our own: 'x' mode fails on a name another run holds
for n in range(1000):
    path = '/tmp/p4jit_file_write_%d.tmp' % n
    try:
        f = open(path, 'x')
        break
    except FileExistsError:
        pass
print(f.write('héllo\n'), f.write(''), f.closed)
f.writelines(['a\n', 'b\r\n', 'last'])
print(f.tell())
f.close()
print(f.closed)
f.close()  # twice is fine

with open(path) as f:
    print(repr(f.read()))
with open(path, 'rb') as f:
    print(f.read())
    print(f.seek(0), f.readline(), f.readline(3), f.readlines())

# append, text and binary
with open(path, 'a') as f:
    print(f.tell(), f.write('+more'))
with open(path, 'ab') as f:
    print(f.write(b'\x00\xff'), f.write(bytearray(b'ba')))
with open(path, 'rb') as f:
    data = f.read()
print(len(data), data[-10:])

# w truncates; w+ and r+ read back what was written
with open(path, 'w+b') as f:
    print(f.write(b'1234567890'), f.seek(0), f.read(4), f.tell())
    f.seek(2)
    f.write(b'ab')
    f.seek(0)
    print(f.read())
# (r+ is not written here: in the bare-metal firmware picolibc opens it as
# a+, so on p4sim its writes go to the end; docs/language.md)
with open(path, 'r+b') as f:
    print(f.read(3), f.seek(0, 2), f.tell())
with open(path, 'a+b') as f:
    f.write(b'!')
    f.flush()
    f.seek(0)
    print(f.read())
with open(path, 'w+') as f:
    f.write('line1\nline2\nµ3\n')
    f.seek(0)
    print(repr(f.readline()), repr(f.read(3)), repr(f.read()))
with open(path, 'r+') as f:
    print(f.readlines())

# print(..., file=f)
with open(path, 'w') as f:
    print('to', 'file', 42, sep='-', file=f)
    print(end='', file=f)
    print('second', file=f)
print(open(path).read().splitlines())

# errors
errors = []
for mode, op in [('r', lambda f: f.write('x')), ('rb', lambda f: f.write(b'x')),
                 ('ab', lambda f: f.read()), ('at', lambda f: f.read(1)), ('ab', lambda f: f.readline()),
                 ('w', lambda f: f.write(b'bytes')), ('wb', lambda f: f.write('str')),
                 ('a', lambda f: f.seek(1, 1))]:
    f = open(path, mode)
    try:
        op(f)
        errors.append('no error')
    except OSError:
        errors.append('OSError')
    except TypeError as e:
        errors.append('TypeError: %s' % e)
    f.close()
print(errors)
for mode in ['rw', 'wa', 'rr', 'bt', 'z', '', 'r++']:
    try:
        open(path, mode)
    except ValueError as e:
        print(repr(mode), 'ValueError', e)
f = open(path, 'w')
f.close()
for fn in [lambda: f.write('x'), lambda: f.read(), lambda: f.tell(), lambda: f.flush()]:
    try:
        fn()
    except ValueError as e:
        print('ValueError', e)
try:
    open(path, 'x')
except FileExistsError:
    print('FileExistsError')
os.remove(path)
for fn in [lambda: open(path), lambda: open(path, 'r+b'), lambda: os.remove(path)]:
    try:
        fn()
    except OSError as e:
        print(type(e).__name__)

# type() of files and of the standard streams: CPython's _io classes
import sys

with open(path, "wb") as f:
    f.write(b"x")
for mode in ("rb", "wb", "a", "w", "r+b"):
    with open(path, mode) as f:
        print(mode, type(f), type(f).__name__, isinstance(f, type(sys.stdout)))
print(type(sys.stdout), type(sys.stderr) is type(sys.stdout), type(sys.stdin).__name__)
os.remove(path)
