# p4: deviation
class Point:
    pass
