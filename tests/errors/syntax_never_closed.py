# p4: deviation
values = [1, 2,
          3
print(values)
