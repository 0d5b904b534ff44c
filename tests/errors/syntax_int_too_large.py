# p4: deviation
x = 3000000000
