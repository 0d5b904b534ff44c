# sys.implementation prints as CPython's SimpleNamespace does: namespace(name=..., version=...).
import sys

text = str(sys.implementation)
print(text.startswith("namespace(name='"), text.find("version=") > 0, text == repr(sys.implementation))
print(isinstance(sys.implementation.name, str), text.endswith(")"))
