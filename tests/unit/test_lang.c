/*
 * test_lang.c - lexer, compiler errors and code generation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lang/compile.h"
#include "lang/lexer.h"
#include "vm/p4b.h"

/* ---- lexer ---------------------------------------------------------------------- */

static void lexes_every_token_kind(void **state)
{
    const char *src = "def f(x):\n    return x ** 2 // 3 # comment\n\ny = f(0x1F) + 1.5e3 + b'\\x00' + 'a\\tb'\n";
    TokenList t;
    P4CompileError err;
    assert_int_equal(lex(src, strlen(src), &t, &err), 0);
    const uint8_t kinds[] = {TK_KEYWORD, TK_NAME, TK_OP, TK_NAME, TK_OP, TK_OP, TK_NEWLINE, TK_INDENT,
                             TK_KEYWORD, TK_NAME, TK_OP, TK_INT, TK_OP, TK_INT, TK_NEWLINE, TK_DEDENT,
                             TK_NAME, TK_OP, TK_NAME, TK_OP, TK_INT, TK_OP, TK_OP, TK_FLOAT, TK_OP,
                             TK_STRING, TK_OP, TK_STRING, TK_NEWLINE, TK_EOF};
    assert_int_equal(t.n, sizeof kinds);
    for (uint32_t i = 0; i < t.n; i++)
        assert_int_equal(t.tok[i].kind, kinds[i]);
    assert_int_equal(t.tok[20].ival, 31);
    assert_true(t.tok[23].fval == 1500.0f);
    assert_int_equal(t.tok[25].flags & STR_BYTES, STR_BYTES);
    assert_int_equal(t.tok[25].text_len, 1);
    assert_string_equal(t.tok[27].text, "a\tb");
    assert_int_equal(t.tok[9].line, 2);
    assert_int_equal(t.tok[9].col, 12);
    /* brackets know their partners */
    assert_int_equal(t.tok[2].match, 4);
    assert_int_equal(t.tok[4].match, 2);
    lex_free(&t);
}

static void joins_lines_inside_brackets(void **state)
{
    const char *src = "x = [1,\n     2,\n  3]\ny = 2\n";
    TokenList t;
    P4CompileError err;
    assert_int_equal(lex(src, strlen(src), &t, &err), 0);
    int newlines = 0, indents = 0;
    for (uint32_t i = 0; i < t.n; i++) {
        newlines += t.tok[i].kind == TK_NEWLINE;
        indents += t.tok[i].kind == TK_INDENT;
    }
    assert_int_equal(newlines, 2);
    assert_int_equal(indents, 0);
    lex_free(&t);
}

/* ---- compile errors: message, kind, line and column -------------------------------- */

typedef struct ErrorCase {
    const char *src;
    const char *kind;
    const char *msg;
    int line, col;
} ErrorCase;

static const ErrorCase error_cases[] = {
    {"x = = 1\n", "SyntaxError", "invalid syntax", 1, 5},
    {"if x\n    pass\n", "SyntaxError", "expected ':'", 1, 5},
    {"x = 1\n  y = 2\n", "IndentationError", "unexpected indent", 2, 3},
    {"if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1},
    {"while x:\nx\n", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1},
    {"for i in x:\nx\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1},
    {"def f():\nreturn\n", "IndentationError", "expected an indented block after function definition on line 1", 2, 1},
    {"try:\nx\n", "IndentationError", "expected an indented block after 'try' statement on line 1", 2, 1},
    {"if x:\n        a\n    b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 5},
    {"s = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5},
    {"s = '''abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5},
    {"return 1\n", "SyntaxError", "'return' outside function", 1, 1},
    {"break\n", "SyntaxError", "'break' outside loop", 1, 1},
    {"continue\n", "SyntaxError", "'continue' not properly in loop", 1, 1},
    {"1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
    {"f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
    {"None = 1\n", "SyntaxError", "cannot assign to None", 1, 1},
    {"x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5},
    {"x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 5},
    {"x = (1, 2))\n", "SyntaxError", "unmatched ')'", 1, 11},
    {"x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5},
    {"x = [1, 2)\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 10},
    {"f = lambda x, x: x\n", "SyntaxError", "duplicate argument 'x' in function definition", 1, 15},
    {"class A(x=1, x=2):\n    pass\n", "SyntaxError", "keyword argument repeated: x", 1, 14},
    {"class A(x=1, B):\n    pass\n", "SyntaxError", "positional argument follows keyword argument", 1, 14},
    {"def f(a, a):\n    pass\n", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10},
    {"def f(a=1, b):\n    pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12},
    {"f(a=1, 2)\n", "SyntaxError", "positional argument follows keyword argument", 1, 8},
    {"def f():\n    x = 1\n    global x\n", "SyntaxError", "name 'x' is assigned to before global declaration", 3, 12},
    {"nonlocal x\n", "SyntaxError", "nonlocal declaration not allowed at module level", 1, 1},
    {"def f():\n    nonlocal x\n", "SyntaxError", "no binding for nonlocal 'x' found", 2, 5},
    {"def f(x):\n    nonlocal x\n", "SyntaxError", "name 'x' is parameter and nonlocal", 2, 5},
    {"def g():\n    x = 1\n    def f():\n        x = 2\n        nonlocal x\n", "SyntaxError",
     "name 'x' is assigned to before nonlocal declaration", 5, 9},
    {"def f(*, a=1, *b): pass\n", "SyntaxError", "* argument may appear only once", 1, 15},
    {"def f(*): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 7},
    {"def f(**k, a): pass\n", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12},
    {"def f(*a=1): pass\n", "SyntaxError", "var-positional argument cannot have default value", 1, 9},
    {"f(**a, *b)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8},
    {"x = *a\n", "SyntaxError", "can't use starred expression here", 1, 5},
    {"print((*a))\n", "SyntaxError", "cannot use starred expression here", 1, 8},
    {"[y := 1 for y in r]\n", "SyntaxError",
     "assignment expression cannot rebind comprehension iteration variable 'y'", 1, 2},
    {"x := 1\n", "SyntaxError", "invalid syntax", 1, 3},
    {"del f()\n", "SyntaxError", "cannot delete function call", 1, 5},
    {"x = 5jk\n", "SyntaxError", "invalid imaginary literal", 1, 5},
    {"a, *b, *c = x\n", "SyntaxError", "multiple starred expressions in assignment", 1, 1},
    {"*a = x\n", "SyntaxError", "starred assignment target must be in a list or tuple", 1, 1},
    {"x = yield 1\n", "SyntaxError", "'yield' outside function", 1, 5},
    {"def f():\n    print(yield 1)\n", "SyntaxError", "invalid syntax", 2, 11},
    {"def f():\n    x = 1 + yield 2\n", "SyntaxError", "invalid syntax", 2, 13},
    {"x = [(yield) for i in y]\n", "SyntaxError", "'yield' inside list comprehension", 1, 7},
    {"def f():\n    return {i: (yield) for i in y}\n", "SyntaxError", "'yield' inside dict comprehension", 2, 17},
    {"def f():\n    return list((yield i) for i in y)\n", "SyntaxError", "'yield' inside generator expression", 2, 18},
    {"def f():\n    return [x for x in [(yield) for q in z]]\n", "SyntaxError", "'yield' inside list comprehension", 2, 26},
    {"x = 01\n", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5},
    {"x += 1, = 2\n", "SyntaxError", "invalid syntax", 1, 9},
    {"print('a' b'c')\n", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 11},
    /* found by fuzz_lang: an error inside a finally body compiled for a
     * break leaked the hidden blocks */
    {"for i in x:\n    try:\n        break\n    finally:\n        y = = 1\n", "SyntaxError", "invalid syntax", 5, 13},
    /* found by fuzz_lang: an error in an f-string field leaked its buffer */
    {"x = f\"ab{1 +}\"\n", "SyntaxError", "invalid syntax", 1, 5},
    /* found by fuzz_lang: an invalid UTF-8 byte in a name */
    {"x = 1\nprint(_\xdfname)\n", "SyntaxError",
     "(unicode error) 'utf-8' codec can't decode byte 0xdf in position 13", 2, 8},
};

static void compile_errors_have_cpython_wording_and_location(void **state)
{
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        const ErrorCase *e = &error_cases[i];
        P4bModule m;
        P4CompileError err;
        int rc = p4_compile_module(e->src, strlen(e->src), "t.py", &m, &err);
        if (rc == 0 || strcmp(err.msg, e->msg) != 0 || strcmp(err.kind, e->kind) != 0 || err.line != e->line ||
            err.col != e->col)
            print_error("case %zu %s: got rc=%d %s '%s' at %d:%d\n", i, e->src, rc, err.kind, err.msg, err.line, err.col);
        assert_int_equal(rc, -1);
        assert_string_equal(err.kind, e->kind);
        assert_string_equal(err.msg, e->msg);
        assert_int_equal(err.line, e->line);
        assert_int_equal(err.col, e->col);
    }
}

/* ---- code generation ------------------------------------------------------------------ */

/* A program that needs every instruction. */
static const char every_opcode[] =
    "import math\n"
    "from array import array\n"
    "g = 0\n"
    "def f(a, b=2):\n"
    "    global g\n"
    "    g = a\n"
    "    x = [a, b]\n"
    "    x[0] = -a + (+b) + (~a) - a * b / 2 // 1 % 3 ** 2\n"
    "    x[1] += a << 1 >> 1 & 7 | 8 ^ 9\n"
    "    x *= 1\n"
    "    del x[0]\n"
    "    d = {'k': (1, 2), 'j': x[0:1], 's': x[::2]}\n"
    "    c, e = d['k']\n"
    "    if a < b <= c == e != 0 > -1 >= -2 and not a is None or a is not b:\n"
    "        pass\n"
    "    if a in x or a not in x:\n"
    "        pass\n"
    "    for i in range(3):\n"
    "        continue\n"
    "    y = [i for i in x if i]\n"
    "    try:\n"
    "        raise ValueError('v')\n"
    "    except ValueError as err:\n"
    "        pass\n"
    "    finally:\n"
    "        g += 1\n"
    "    try:\n"
    "        pass\n"
    "    except KeyError:\n"
    "        raise\n"
    "    assert a, 'msg'\n"
    "    print(f'{a}{b!r}{c:>3}', sep='')\n"
    "    s = 'x'.upper()\n"
    "    t = math.pi\n"
    "    z = a if b else c\n"
    "    z = a @ b\n"
    "    z @= a\n"
    "    return x\n"
    "f(1)\n"
    "class C(object):\n"
    "    def m(self):\n"
    "        self.v = 1\n"
    "        self.v += 1\n"
    "        del self.v\n"
    "        with open('x') as fh:\n"
    "            raise ValueError('v') from None\n"
    "def closure(p, *rest, k=1, **kw):\n"
    "    cell = p\n"
    "    def inner():\n"
    "        nonlocal cell\n"
    "        cell = cell + 1\n"
    "        del cell\n"
    "        return lambda: cell\n"
    "    first, *mid, last = [*rest, *rest]\n"
    "    d = {**kw, 'x': 1}\n"
    "    t = (*rest,)\n"
    "    del first\n"
    "    gone = 1\n"
    "    later = lambda: gone\n"
    "    del gone\n"
    "    return inner, cell, closure(*t, **d)\n"
    "g2 = 1\n"
    "del g2\n"
    "def gen(a):\n"
    "    yield a\n"
    "    r = yield from gen(a)\n"
    "    s = {a, 1}\n"
    "    t = {i for i in s}\n"
    "    u = {i: i for i in s}\n"
    "    s -= t\n"
    "    s &= t\n"
    "    s |= t\n"
    "    s ^= t\n"
    "    return r\n"
    "async def co(m, it):\n"
    "    async with m as v:\n"
    "        await v\n"
    "    async for x in it:\n"
    "        pass\n"
    "    return 1j\n"
    "def pm(s):\n"
    "    match s:\n"
    "        case [1, *r]: pass\n"
    "        case {'k': v, **rest}: pass\n"
    "        case C(v=1): pass\n"
    "from math import *\n";

static void every_opcode_is_generated_and_verifies(void **state)
{
    P4bModule m;
    P4CompileError err;
    assert_int_equal(p4_compile_module(every_opcode, strlen(every_opcode), "t.py", &m, &err), 0);
    bool seen[OP__COUNT] = {false};
    for (uint32_t c = 0; c < m.ncodes; c++)
        for (uint32_t i = 0; i < m.codes[c].ninsns; i++)
            seen[BC_OP(m.codes[c].insns[i])] = true;
    /* the shuffles the compiler only uses in special patterns; the NAME
     * instructions exist only in code exec() loads (vm/eval.c rewrites
     * the GLOBAL ones) */
    const unsigned not_required[] = {OP_NOP, OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
    for (unsigned op = 0; op < OP__COUNT; op++) {
        bool optional = false;
        for (size_t k = 0; k < sizeof not_required / sizeof not_required[0]; k++)
            optional |= not_required[k] == op;
        if (!seen[op] && !optional)
            print_error("opcode %s never generated\n", bc_opinfo[op].name);
        assert_true(seen[op] || optional);
    }
    char msg[256];
    assert_int_equal(p4b_validate(&m, msg, sizeof msg), 0);
    p4_compiled_free(&m);
}

static void compiled_modules_round_trip_through_p4b(void **state)
{
    uint8_t *image;
    size_t len;
    P4CompileError err;
    assert_int_equal(p4_compile_to_p4b(every_opcode, strlen(every_opcode), "t.py", &image, &len, &err), 0);
    P4bModule m;
    char msg[256];
    assert_int_equal(p4b_read(image, len, &m, msg, sizeof msg), 0);
    uint8_t *again;
    size_t len2;
    assert_int_equal(p4b_write(&m, &again, &len2), 0);
    assert_int_equal(len, len2);
    assert_memory_equal(image, again, len);
    free(again);
    p4b_free(&m);
    free(image);
}

static void names_resolve_to_locals_and_globals(void **state)
{
    const char *src = "x = 1\ndef f(a):\n    b = a + x\n    return b\n";
    P4bModule m;
    P4CompileError err;
    assert_int_equal(p4_compile_module(src, strlen(src), "t.py", &m, &err), 0);
    assert_int_equal(m.ncodes, 2);
    const P4bCode *f = &m.codes[1];
    assert_int_equal(f->nparams, 1);
    assert_int_equal(f->nlocals, 2);
    /* LOAD_FAST a, LOAD_GLOBAL x, BINARY_ADD, STORE_FAST b, ... */
    assert_int_equal(BC_OP(f->insns[0]), OP_LOAD_FAST);
    assert_int_equal(BC_OP(f->insns[1]), OP_LOAD_GLOBAL);
    assert_int_equal(BC_OP(f->insns[2]), OP_BINARY_ADD);
    assert_int_equal(BC_OP(f->insns[3]), OP_STORE_FAST);
    /* the line table maps the body to lines 3 and 4 */
    assert_int_equal(bc_line_for_pc(f->linetab, f->linetab_len, (int32_t)f->firstline, 0), 3);
    assert_int_equal(bc_line_for_pc(f->linetab, f->linetab_len, (int32_t)f->firstline, f->ninsns - 3), 4);
    p4_compiled_free(&m);
}

static void deep_nesting_is_an_error_not_a_crash(void **state)
{
    size_t n = 100000;
    char *src = malloc(2 * n + 8);
    memcpy(src, "x = ", 4);
    memset(src + 4, '(', n);
    memset(src + 4 + n, ')', n);
    src[4 + 2 * n] = '\n';
    P4bModule m;
    P4CompileError err;
    assert_int_equal(p4_compile_module(src, 4 + 2 * n + 1, "t.py", &m, &err), -1);
    assert_string_equal(err.msg, "too many nested parentheses");
    free(src);
    const char nul[] = "x = 1\0\n";
    assert_int_equal(p4_compile_module(nul, sizeof nul - 1, "t.py", &m, &err), -1);
    assert_string_equal(err.msg, "source code cannot contain null bytes");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lexes_every_token_kind),
        cmocka_unit_test(joins_lines_inside_brackets),
        cmocka_unit_test(compile_errors_have_cpython_wording_and_location),
        cmocka_unit_test(every_opcode_is_generated_and_verifies),
        cmocka_unit_test(compiled_modules_round_trip_through_p4b),
        cmocka_unit_test(names_resolve_to_locals_and_globals),
        cmocka_unit_test(deep_nesting_is_an_error_not_a_crash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
