# p4: deviation (the caret and column of a syntax error)
command = "go"
match command.split():
    case [verb]:
        print(verb)
    case other:
        print("anything", other)
    case ["quit"]:
        print("never reached")
