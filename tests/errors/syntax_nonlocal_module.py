# p4: deviation
x = 1
nonlocal x
