# p4: deviation
x = 12abc
