# Returning from inside nested loops and try blocks.
def find_pair(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return (i, j)
    return None
print(find_pair([2, 7, 11, 15], 9), find_pair([1, 2, 3], 7), find_pair([3, 3], 6))
def first_negative(rows):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            try:
                if v < 0:
                    return r, c
            finally:
                pass
    return -1, -1
print(first_negative([[1, 2], [3, -4], [-5, 6]]), first_negative([[0]]))
def count_until(limit):
    n = 0
    while True:
        n += 1
        if n * n > limit:
            return n
print(count_until(50), count_until(0))
