# layers_vec15: matmul shapes not tuned for by vec15 (the packed panel on
# by default, bench/RESULTS.md vec15), beside bench/layers_vec14.py's.
# Each runs twice; the second call is measured (layers_vec4.measure). Run
#   p4jit run --on p4sim [-X panel=off] bench/layers_vec15.py
from layers_vec14 import mm

for shape in ((72, 48, 56), (30, 100, 50), (40, 24, 33)):
    mm(*shape)
