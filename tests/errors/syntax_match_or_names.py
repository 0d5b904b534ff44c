# p4: deviation (the caret and column of a syntax error)
def area(shape):
    match shape:
        case ("circle", r) | ("disc", radius):
            return 3 * r * r
    return 0
