#!/usr/bin/env python3
"""Print the innermost loop of a compiled function that holds an instruction.

    p4jit dis --jit [-X pie=rev3] prog.py | python3 scripts/inner_loop.py FUNC REGEX

FUNC names the function (`function FUNC:` in the listing); REGEX is matched
against each instruction's mnemonic and operands, and the first match picks
the loop: the hardware loop (esp.lp.setup/setupi) whose body holds it, else
the first backward branch or jump after it that goes back to or before it.
The loop is printed from its first instruction (the setup, for a hardware
loop) to its last. Exit status 1, with a message, when there is no such
function, instruction or loop: scripts/demo.sh shows this, and the test
tests/cli/inner_loop.py checks that the demo's kernels still have one.
"""
import re
import sys

# `    1c6:	00079563	bne	a5,zero,0x1d0`: address, word, mnemonic, operands
LINE = re.compile(r'^\s*([0-9a-f]+):\t[0-9a-f]+\t(\S+)(?:\t(.*))?$')
BRANCHES = {'beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu', 'jal', 'c.j', 'c.beqz', 'c.bnez'}


def function_lines(text, func):
    """The listing's machine-code lines of FUNC as (address, mnemonic, operands, line)."""
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith('function '):
            inside = line.startswith('function %s:' % func)
            continue
        m = LINE.match(line) if inside else None
        if m:
            out.append((int(m.group(1), 16), m.group(2), m.group(3) or '', line))
    return out


def branch_target(mnemonic, operands):
    """Where a branch or jump goes (None for anything else or a jump through a register)."""
    if mnemonic not in BRANCHES:
        return None
    if mnemonic == 'jal' and not operands.startswith('zero,'):
        return None  # a call
    last = operands.split(',')[-1]
    return int(last, 16) if last.startswith('0x') else None


def hardware_loop(code, at):
    """(first, last) indices of the esp.lp.setup loop whose body holds code[at], or None."""
    for i in range(at, -1, -1):
        addr, mnemonic, operands, _ = code[i]
        if mnemonic in ('esp.lp.setup', 'esp.lp.setupi'):
            end = addr + int(operands.split(',')[-1], 0)  # the offset of the body's last instruction
            if code[at][0] <= end:
                last = max(j for j in range(len(code)) if code[j][0] <= end)
                return i, last
    return None


def branch_loop(code, at):
    """(first, last) indices of the loop closed by the first backward branch after code[at]."""
    for j in range(at, len(code)):
        target = branch_target(code[j][1], code[j][2])
        if target is not None and target <= code[at][0]:
            first = next((i for i in range(len(code)) if code[i][0] == target), None)
            if first is not None:
                return first, j
    return None


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    func, pattern = argv[1], re.compile(argv[2])
    code = function_lines(sys.stdin.read(), func)
    if not code:
        print('inner_loop.py: no compiled function %s in the listing' % func, file=sys.stderr)
        return 1
    at = next((i for i, (_, mn, ops, _) in enumerate(code) if pattern.search(mn + '\t' + ops)), None)
    if at is None:
        print('inner_loop.py: no instruction of %s matches %s' % (func, argv[2]), file=sys.stderr)
        return 1
    loop = hardware_loop(code, at) or branch_loop(code, at)
    if loop is None:
        print('inner_loop.py: %s has no loop around %s' % (func, code[at][3].strip()), file=sys.stderr)
        return 1
    for i in range(loop[0], loop[1] + 1):
        print(code[i][3])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
