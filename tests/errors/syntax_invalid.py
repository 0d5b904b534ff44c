# p4: deviation
x = 1
y = = 2
