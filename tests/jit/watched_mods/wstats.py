count = 0


def tick():
    global count
    count += 1
