# p4: deviation
head = [1, 2]
both = [0, *head]
