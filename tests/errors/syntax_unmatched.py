# p4: deviation
print(1, 2))
