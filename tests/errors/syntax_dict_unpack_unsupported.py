# p4: deviation
base = {"a": 1}
more = {**base, "b": 2}
