# p4: deviation
x = 3
match x:
    case 3:
        print("three")
