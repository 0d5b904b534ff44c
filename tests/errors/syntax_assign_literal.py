# p4: deviation
x = 1
5 = x
