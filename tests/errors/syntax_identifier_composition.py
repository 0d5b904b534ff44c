# p4: deviation
# NFKC would compose e + COMBINING ACUTE ACCENT into U+00E9: refused
café = 1
