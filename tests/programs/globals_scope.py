# Local and global scoping, the global statement.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump()
bump()
print(counter)
x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)
def reads():
    return x + "!"
print(reads())
def uses_builtin(seq):
    return len(seq) + max(seq)
print(uses_builtin([1, 5, 2]))
total = 0
for i in range(5):
    total += i
print(total, i)
def set_many():
    global a1, a2
    a1 = 1
    a2 = 2
set_many()
print(a1 + a2)
len_backup = len
def len(x):
    return 42
print(len([1]))
del_me = [1]
print(len_backup([1, 2]))
