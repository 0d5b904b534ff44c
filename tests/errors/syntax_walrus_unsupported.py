# p4: deviation
if (n := 5) > 3:
    print(n)
