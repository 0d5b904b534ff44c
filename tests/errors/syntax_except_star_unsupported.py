# p4: deviation
try:
    pass
except* ValueError:
    pass
