# p4: deviation
print("hello)
