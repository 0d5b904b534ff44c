# Non-ASCII identifiers are NFKC-normalised as in CPython: fullwidth,
# mathematical, ligature, Roman numeral and other compatibility forms name
# the same variable as their plain spelling; scripts with combining vowel
# signs and viramas work as they are.
ｘ = 1
print(x, ｘ)
𝐲𝐳 = 2
print(yz)
ﬁle = "ligature"
print(file)
Ⅸ = 9
print(IX)
ǆ = 4
print(dž)
℘ = 3
print(℘)
café = 5
print(café)
कार्य = 6
print(कार्य)
কাজ = 7
print(কাজ)
Ωmega = 8
print(Ωmega)
def ｆｕｎｃ(ａ, ｂ＿２):
    return a + b_2
print(func(1, 2), ｆｕｎｃ(a=3, b_2=4))
try:
    print(ｕｎｄｅｆｉｎｅｄ)
except NameError as e:
    print(e)  # the message names the normalised identifier
