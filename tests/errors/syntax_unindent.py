# p4: deviation
if True:
        a = 1
    b = 2
