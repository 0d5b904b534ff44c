# p4: deviation
if True:
print("x")
