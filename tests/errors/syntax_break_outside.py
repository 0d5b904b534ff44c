# p4: deviation
def f():
    break
