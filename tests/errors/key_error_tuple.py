grid = {(0, 0): "origin"}
print(grid[(1, 2)])
