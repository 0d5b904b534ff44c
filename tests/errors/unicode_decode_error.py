# b'\xff'.decode() raises UnicodeDecodeError (a ValueError) with CPython's message.
data = b"caf\xc3\xa9 \xff"
print(data[:5].decode())
print(data.decode())
