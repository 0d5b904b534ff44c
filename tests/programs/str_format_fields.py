# str.format with keyword fields, attribute and index accessors.

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


p = Point(3, 4)
data = {"name": "ada", "langs": ["en", "fr"], 7: "seven"}
print("{name} is {age}".format(name="Ada", age=36))
print("{0} {name} {1}".format("a", "b", name="n"))
print("{} {} {who}".format(1, 2, who="me"))
print("{p.x},{p.y} {0.x}".format(p, p=p))
print("{d[name]} speaks {d[langs][1]} {d[7]}".format(d=data))
print("{0[0]} {0[1]:>4} {1[2]}".format([10, 20], "xyz"))
print("{text:{align}{width}}|".format(text="foo", align="^", width=9))
print("{v!r:>8} {v!s}".format(v="q"))
print("{x:.2f} {x:e} {n:,}".format(x=3.25, n=1234567))
print("{a}{b}{a}".format(a="-", b="+"), "{{{k}}}".format(k=1))
for fmt, args, kw in (("{missing}", (), {"other": 1}), ("{0} {x}", (), {"x": 1}), ("{p.z}", (), {"p": p}),
                      ("{d[nokey]}", (), {"d": data}), ("{0[5]}", ([1],), {}), ("{x.}", (), {"x": 1})):
    try:
        print(fmt.format(*args, **kw))
    except (KeyError, IndexError, AttributeError, ValueError) as e:
        print(type(e).__name__, e)
