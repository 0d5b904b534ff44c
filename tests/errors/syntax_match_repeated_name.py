# p4: deviation (the caret and column of a syntax error)
match (1, 2):
    case {"x": x, "y": [_, x]}:
        pass
