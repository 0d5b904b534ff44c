# p4: deviation
print("\N{EURO SIGN}")
print("\N{NO SUCH CHARACTER}")
