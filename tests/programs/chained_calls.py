# Method calls on call results, subscripts of calls, attribute chains.
text = "  Alpha, beta ,GAMMA  "
print(text.strip().lower().split(","))
print([w.strip().upper() for w in text.split(",")])
print(",".join(sorted(x.strip() for x in text.lower().split(","))))
print("a-b-c".split("-")[1].upper(), [1, 2, 3][::-1][0], {"k": [10, 20]}["k"][-1])
print(str(12345)[::-1].lstrip("5"), len(str(2 ** 20)), list(reversed(sorted("dcba")))[0])
