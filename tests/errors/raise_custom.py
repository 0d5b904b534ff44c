def validate(x):
    if x > 10:
        raise ValueError("value " + str(x) + " is too large")
validate(5)
validate(50)
