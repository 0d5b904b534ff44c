# p4: deviation
total = 1
