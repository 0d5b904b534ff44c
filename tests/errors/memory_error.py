# p4: deviation
# p4: args -m 64K
# The heap is fixed (64 KiB here): filling it raises MemoryError.
chunks = []
while True:
    chunks.append([0] * 1000)
