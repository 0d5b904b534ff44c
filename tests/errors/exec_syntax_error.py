x = 1
exec("y = 2\nz = (y +\n   * 3)\n")
