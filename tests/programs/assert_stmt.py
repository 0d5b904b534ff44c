# assert with and without messages.
assert True
assert 1 + 1 == 2, "never shown"
for v in [0, "", [], None]:
    try:
        assert v, "falsy: " + repr(v)
    except AssertionError as e:
        print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("no message:", repr(e), e.args)
def check_positive(x):
    assert x > 0, x
    return x
print(check_positive(5))
try:
    check_positive(-3)
except AssertionError as e:
    print("args:", e.args)
