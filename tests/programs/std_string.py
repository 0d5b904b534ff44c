# string against CPython: constants, capwords, Template and its errors
import string
from string import Template

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), repr(string.printable), len(string.printable))
print(string.capwords('hello   wide world'), string.capwords('a-b-c', '-'), repr(string.capwords('')))
t = Template('$who likes ${what}; $$ costs $amt$$')
print(t.substitute(who='tim', what='kung pao', amt=5))
print(t.substitute({'who': 'ann', 'what': 'tea', 'amt': 1}, amt=2))
print(t.safe_substitute(who='bob'))
print(t.get_identifiers(), t.is_valid(), t.template)
print(Template('${a}b $a_1 $1 $ end').safe_substitute(a='X', a_1='Y'))
print(Template('x$').safe_substitute(), Template('$x$y').substitute(x=1, y=[2]))
for tmpl, kw in [('$who is $missing', {'who': 1}), ('line\nbad $ here', {}), ('${oops', {}), ('$', {})]:
    try:
        print(Template(tmpl).substitute(**kw))
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(Template('ok ${x}').is_valid(), Template('bad ${').is_valid())
class Dollar(Template):
    delimiter = '#'
print(Dollar('#x and $x ##').substitute(x=3))
