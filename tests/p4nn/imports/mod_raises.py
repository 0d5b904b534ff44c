# a module whose body raises: the import fails and the next one runs it again
tries = 0


def fail():
    return {}["missing"]


print("mod_raises runs")
fail()
