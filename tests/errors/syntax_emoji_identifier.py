# p4: deviation
score = 0
score😀 = 1
