# p4: deviation
return 5
