# A small ledger: dicts of lists, validation with exceptions.
accounts = {}
def open_account(name, deposit):
    if name in accounts:
        raise ValueError("duplicate account " + name)
    accounts[name] = {"balance": deposit, "history": [("open", deposit)]}
def transfer(src, dst, amount):
    if amount <= 0:
        raise ValueError("amount must be positive")
    if accounts[src]["balance"] < amount:
        raise ValueError("insufficient funds in " + src)
    accounts[src]["balance"] -= amount
    accounts[dst]["balance"] += amount
    accounts[src]["history"].append(("out", amount))
    accounts[dst]["history"].append(("in", amount))
open_account("alice", 100)
open_account("bob", 50)
ops = [("alice", "bob", 30), ("bob", "alice", 100), ("bob", "carol", 5), ("alice", "bob", -1), ("bob", "alice", 80)]
for src, dst, amt in ops:
    try:
        transfer(src, dst, amt)
        print("ok", src, dst, amt)
    except ValueError as e:
        print("refused:", e)
    except KeyError as e:
        print("no such account:", e)
try:
    open_account("bob", 1)
except ValueError as e:
    print(e)
for name in sorted(accounts):
    a = accounts[name]
    print("{:<6} {:>5} {}".format(name, a["balance"], a["history"]))
print(sum(a["balance"] for a in accounts.values()))
