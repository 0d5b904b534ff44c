# A file with CR-only line endings (old Mac style): a comment ends at the CR.x = 1  # oney = 2print(x + y)s = """a
bc"""print(repr(s), len(s))if x:    print("indented")