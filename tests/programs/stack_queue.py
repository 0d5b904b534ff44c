# Stacks and queues on lists; balanced brackets; RPN calculator.
def balanced(s):
    stack = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack
print([balanced(s) for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "}"]])
def rpn(expr):
    st = []
    for tok in expr.split():
        if tok in ("+", "-", "*", "//"):
            b, a = st.pop(), st.pop()
            st.append(a + b if tok == "+" else a - b if tok == "-" else a * b if tok == "*" else a // b)
        else:
            st.append(int(tok))
    return st[0]
print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("7 2 //"))
queue = []
for i in range(5):
    queue.append(i)
out = []
while queue:
    out.append(queue.pop(0))
    if len(out) == 2:
        queue.append(99)
print(out)
