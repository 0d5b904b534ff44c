# p4: deviation (the caret and column of a syntax error)
point, size: int = 1, 2
