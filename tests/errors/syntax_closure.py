# p4: deviation
def outer():
    n = 1
    def inner():
        return n
    return inner
