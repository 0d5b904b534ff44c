class SensorError(ValueError):
    pass


def parse(text):
    return int(text)


def read(raw):
    try:
        return parse(raw)
    except ValueError:
        raise SensorError("bad reading " + repr(raw))


def close_all(items):
    try:
        read(items[0])
    finally:
        items[5]


print(read("12"))
close_all(["x1"])
