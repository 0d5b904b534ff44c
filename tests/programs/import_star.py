# from module import *: __all__, the underscore rule, built-in modules.
# p4: args -X path=import_star_mods
import sys
sys.path.insert(0, 'import_star_mods')

from math import *
print(sqrt(16.0), floor(2.5), pi > 3, gcd(12, 18))
from struct import *
print(calcsize('<hh'), unpack('<h', pack('<h', -2)))
from collections import *
print(deque([1, 2]).pop(), OrderedDict(a=1)['a'])

from star_plain import *
print(public_value, public_func(1), shown, Helper().twice(4), made_by_exec, math.floor(3.5))
for name in ['_private_value', '_private_func', 'hidden', '_private_but_listed']:
    try:
        eval(name)
        print(name, 'bound')
    except NameError:
        print(name, 'not bound')

from star_all import *
print(_private_but_listed, sorted(k for k in globals() if k in ('shown', 'Helper', 'hidden')))

import star_plain
print(star_plain.made_by_exec, star_plain.shown)

# in exec'd code the names go to its namespace
ns = {}
exec('from star_all import *\nfrom math import *\nr = sqrt(4.0)', ns)
print(sorted(k for k in ns if not k.startswith('__') and k in ('shown', 'Helper', 'r', 'sqrt', 'hidden')))
loc = {}
exec('from star_all import *', {}, loc)
print(sorted(loc))

# only at module level
for src in ['def f():\n    from math import *\n', 'class C:\n    from math import *\n']:
    try:
        exec(src)
    except SyntaxError as e:
        print('SyntaxError', e.msg)
