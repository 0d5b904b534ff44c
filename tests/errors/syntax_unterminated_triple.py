# p4: deviation
x = """never
closed
