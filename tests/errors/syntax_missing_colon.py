# p4: deviation
if True
    pass
