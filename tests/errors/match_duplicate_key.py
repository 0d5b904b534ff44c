class Keys:
    A = "k"
    B = "k"


match {"k": 1, "j": 2}:
    case {Keys.A: 1, Keys.B: 2}:
        print("matched")
