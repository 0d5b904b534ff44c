def make():
    def read():
        return magnitude * 2
    first = read
    magnitude = 21
    print(first())
    del magnitude
    return read
reader = make()
print(reader())
