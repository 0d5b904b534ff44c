# p4: deviation
if True:
        x = 1
	y = 2
