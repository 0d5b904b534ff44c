class Vec:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def norm1(v):
    match v:
        case Vec(x, y, z):
            return abs(x) + abs(y) + abs(z)
        case Vec(x, y):
            return abs(x) + abs(y)


print(norm1(Vec(3, -4)))
