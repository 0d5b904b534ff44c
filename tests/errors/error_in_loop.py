def process(rows):
    total = 0
    for row in rows:
        total += row[0] // row[1]
    return total
print(process([(4, 2), (9, 3)]))
print(process([(4, 2), (1, 0)]))
