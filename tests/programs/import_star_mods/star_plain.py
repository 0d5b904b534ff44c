# a module without __all__: every name without a leading underscore
import math
from star_all import *

public_value = 41
_private_value = 'private'


def public_func(v):
    return public_value + v


def _private_func():
    return 0


exec('made_by_exec = 7')
