/*
 * test_front_end.c - the front end against CPython 3.11's behaviour: more
 * error messages and locations, lexer details, scoping and code shapes the
 * VM relies on, limits, and regressions found by probing and fuzzing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lang/compile.h"
#include "lang/lexer.h"
#include "vm/bytecode.h"
#include "vm/p4b.h"

static int compile(const char *src, P4bModule *m, P4CompileError *err)
{
    return p4_compile_module(src, strlen(src), "t.py", m, err);
}

/* ---- lexer ---------------------------------------------------------------------- */

static void numbers_in_every_base(void **state)
{
    (void)state;
    const char *src = "0x7fff_ffff 0o17 0b101 1_000 0 2147483648 1.5 .5 1e3 2.5e-1 1_0.0_1\n";
    TokenList t;
    P4CompileError err;
    assert_int_equal(lex(src, strlen(src), &t, &err), 0);
    assert_int_equal(t.tok[0].kind, TK_INT);
    assert_int_equal(t.tok[0].ival, 0x7fffffff);
    assert_int_equal(t.tok[1].ival, 15);
    assert_int_equal(t.tok[2].ival, 5);
    assert_int_equal(t.tok[3].ival, 1000);
    assert_int_equal(t.tok[4].ival, 0);
    /* the lexer keeps it exact; range checking is the compiler's (for -2**31) */
    assert_int_equal(t.tok[5].ival, 2147483648LL);
    const float floats[] = {1.5f, 0.5f, 1000.0f, 0.25f, 10.01f};
    for (int i = 0; i < 5; i++) {
        assert_int_equal(t.tok[6 + i].kind, TK_FLOAT);
        assert_true(t.tok[6 + i].fval == floats[i]);
    }
    lex_free(&t);
}

static void strings_escapes_raw_and_concatenation(void **state)
{
    (void)state;
    const char *src = "'a\\n\\t\\r\\\\\\'\\\"\\0\\x41\\u00e9' r'\\n' \"\"\"x\ny\"\"\" b'\\xff'\n";
    TokenList t;
    P4CompileError err;
    assert_int_equal(lex(src, strlen(src), &t, &err), 0);
    assert_int_equal(t.tok[0].kind, TK_STRING);
    assert_int_equal(t.tok[0].text_len, 11); /* é is two UTF-8 bytes */
    assert_memory_equal(t.tok[0].text, "a\n\t\r\\'\"\0A\xc3\xa9", 11);
    assert_string_equal(t.tok[1].text, "\\n");
    assert_string_equal(t.tok[2].text, "x\ny");
    assert_int_equal(t.tok[3].flags & STR_BYTES, STR_BYTES);
    assert_int_equal((uint8_t)t.tok[3].text[0], 0xff);
    assert_int_equal(t.tok[4].kind, TK_NEWLINE);
    assert_int_equal(t.tok[4].line, 2); /* the triple-quoted string spans two lines */
    lex_free(&t);
}

static void indentation_with_tabs_and_multiple_dedents(void **state)
{
    (void)state;
    /* a tab counts to the next multiple of 8: "\t    c" is deeper than "\tif b" */
    const char *src = "if a:\n\tif b:\n\t    c\n\td\ne\n";
    TokenList t;
    P4CompileError err;
    assert_int_equal(lex(src, strlen(src), &t, &err), 0);
    int indents = 0, dedents = 0;
    for (uint32_t i = 0; i < t.n; i++) {
        indents += t.tok[i].kind == TK_INDENT;
        dedents += t.tok[i].kind == TK_DEDENT;
    }
    assert_int_equal(indents, 2);
    assert_int_equal(dedents, 2);
    lex_free(&t);
    /* but "\t" and 8 spaces are not the same level when a tab counts as 1
     * column: CPython's TabError, as for any order that depends on tab size */
    const char *mixed = "if a:\n\tif b:\n\t    c\n        d\ne\n";
    assert_int_equal(lex(mixed, strlen(mixed), &t, &err), -1);
    assert_string_equal(err.kind, "TabError");
    assert_int_equal(err.line, 4);
    lex_free(&t);
    /* comments and blank lines do not indent */
    const char *src2 = "x = 1\n    # comment\n\n   \ny = 2\n";
    assert_int_equal(lex(src2, strlen(src2), &t, &err), 0);
    for (uint32_t i = 0; i < t.n; i++)
        assert_int_not_equal(t.tok[i].kind, TK_INDENT);
    lex_free(&t);
}

/* ---- errors: kind, CPython 3.11 wording, line and column -------------------------- */

typedef struct ErrorCase {
    const char *src, *kind, *msg;
    int line, col;
} ErrorCase;

static const ErrorCase error_cases[] = {
    {"x = (\n", "SyntaxError", "'(' was never closed", 1, 5},
    {"foo(\n", "SyntaxError", "'(' was never closed", 1, 4},
    {"x = [1, 2\n", "SyntaxError", "'[' was never closed", 1, 5},
    {"x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8},
    {"x = $\n", "SyntaxError", "invalid syntax", 1, 5},
    {"x = 1 2\n", "SyntaxError", "invalid syntax", 1, 7},
    {"x = not\n", "SyntaxError", "invalid syntax", 1, 8},
    {"x = a.1\n", "SyntaxError", "invalid syntax", 1, 6},
    {"x = 1 if else 2\n", "SyntaxError", "invalid syntax", 1, 10},
    {"x = 1; ; y\n", "SyntaxError", "invalid syntax", 1, 8},
    {"import\n", "SyntaxError", "invalid syntax", 1, 7},
    {"from x import\n", "SyntaxError", "invalid syntax", 1, 14},
    {"(a, b) = \n", "SyntaxError", "invalid syntax", 1, 10},
    {"else:\n    pass\n", "SyntaxError", "invalid syntax", 1, 1},
    {"except: pass\n", "SyntaxError", "invalid syntax", 1, 1},
    {"x = '''abc\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 5},
    {"x = 1\ns = \"abc\n", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5},
    {"1 += 1\n", "SyntaxError", "'literal' is an illegal expression for augmented assignment", 1, 1},
    {"f() += 1\n", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1},
    {"a, b += 1\n", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1},
    {"for 1 in x: pass\n", "SyntaxError", "cannot assign to literal", 1, 5},
    {"x + 1 = 2\n", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"-x = 1\n", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
    {"True = 1\n", "SyntaxError", "cannot assign to True", 1, 1},
    {"x = 1e\n", "SyntaxError", "invalid decimal literal", 1, 5},
    {"def f(x=1, y): pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12},
    {"f(x=1, x=2)\n", "SyntaxError", "keyword argument repeated: x", 1, 8},
    {"def f():\n    print(x)\n    global x\n", "SyntaxError", "name 'x' is used prior to global declaration", 3, 12},
    {"x = 3 if 2\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 11},
    {"x = f'{}'\n", "SyntaxError", "f-string: empty expression not allowed", 1, 5},
    {"x = f'}'\n", "SyntaxError", "f-string: single '}' is not allowed", 1, 5},
    {"def f():\n    return\n  x = 1\n", "IndentationError", "unindent does not match any outer indentation level", 3, 3},
    {"if x:\n    pass\n        y\n", "IndentationError", "unexpected indent", 3, 9},
    {"def f():\n    def g():\n        nonlocal y\n", "SyntaxError", "no binding for nonlocal 'y' found", 3, 9},
    {"f = lambda x=1, y: x\n", "SyntaxError", "non-default argument follows default argument", 1, 17},
    {"f = lambda *: 1\n", "SyntaxError", "named arguments must follow bare *", 1, 13},
    /* constructs outside the subset name themselves at their location */
    {"class A(*b): pass\n", "SyntaxError", "star arguments in a class's bases are not supported by P4JIT", 1, 9},
    {"async def f():\n    yield 1\n", "SyntaxError", "asynchronous generators are not supported by P4JIT", 1, 1},
    {"def f():\n    await x\n", "SyntaxError", "'await' outside async function", 2, 5},
    {"await x\n", "SyntaxError", "'await' outside function", 1, 1},
    {"def f():\n    async with x: pass\n", "SyntaxError", "'async with' outside async function", 2, 5},
    {"def f():\n    async for x in y: pass\n", "SyntaxError", "'async for' outside async function", 2, 5},
    {"async def f():\n    return [await x for x in y]\n", "SyntaxError",
     "'await' inside list comprehension is not supported by P4JIT", 2, 13},
    {"def f(a, /, b): pass\n", "SyntaxError", "'/' parameters are not supported by P4JIT", 1, 10},
    {"@dec\nx = 1\n", "SyntaxError", "invalid syntax", 2, 1},
    {"x = yield 1\n", "SyntaxError", "'yield' outside function", 1, 5},
    /* regression: an early closing bracket was called unmatched although it matches */
    {"x = [i for i in]\n", "SyntaxError", "invalid syntax", 1, 16},
    {"x = (1 + )\n", "SyntaxError", "invalid syntax", 1, 10},
    /* regression: a display with more items than stack slots was an internal error */
    {NULL, "SyntaxError", "expression too complex (needs more than 1024 stack slots)", 1, 0},
};

static void errors_match_cpython(void **state)
{
    (void)state;
    char big[8192];
    strcpy(big, "x = [");
    for (int i = 0; i < 2000; i++)
        strcat(big, "1,");
    strcat(big, "]\n");
    for (size_t i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
        const ErrorCase *e = &error_cases[i];
        const char *src = e->src ? e->src : big;
        P4bModule m;
        P4CompileError err;
        int rc = compile(src, &m, &err);
        if (rc == 0) {
            p4_compiled_free(&m);
            print_error("case %zu compiled: %s\n", i, src);
            fail();
        }
        if (strcmp(err.msg, e->msg) != 0 || strcmp(err.kind, e->kind) != 0 || err.line != e->line ||
            err.col != e->col)
            print_error("case %zu %.60s: got %s '%s' at %d:%d\n", i, src, err.kind, err.msg, err.line, err.col);
        assert_string_equal(err.kind, e->kind);
        assert_string_equal(err.msg, e->msg);
        assert_int_equal(err.line, e->line);
        assert_int_equal(err.col, e->col);
    }
}

static void error_printout_format(void **state)
{
    (void)state;
    const char *src = "if x:\n        y = = 1\n";
    P4bModule m;
    P4CompileError err;
    assert_int_equal(compile(src, &m, &err), -1);
    char buf[512] = {0};
    FILE *f = fmemopen(buf, sizeof buf - 1, "w");
    assert_non_null(f);
    p4_print_compile_error(f, "x.py", src, strlen(src), &err);
    fclose(f);
    assert_string_equal(buf, "  File \"x.py\", line 2, column 13\n"
                             "    y = = 1\n"
                             "        ^\n"
                             "SyntaxError: invalid syntax\n");
}

/* ---- code shapes the VM and the JIT rely on --------------------------------------- */

static bool verifies(const P4bCode *code)
{
    uint32_t *scratch = malloc(2 * (size_t)(code->ninsns + 1) * sizeof(uint32_t));
    const char *why;
    uint32_t pc;
    long max = bc_verify_stack(code->insns, code->ninsns, code->exc, code->nexc, scratch, &why, &pc);
    free(scratch);
    return max >= 0 && max == code->maxstack;
}

static bool has_op(const P4bCode *code, unsigned op)
{
    for (uint32_t i = 0; i < code->ninsns; i++)
        if (BC_OP(code->insns[i]) == op)
            return true;
    return false;
}

static void min_int_literal_folds(void **state)
{
    (void)state;
    P4bModule m;
    P4CompileError err;
    assert_int_equal(compile("x = -2147483648\n", &m, &err), 0);
    const P4bCode *mod = &m.codes[0];
    assert_false(has_op(mod, OP_UNARY_NEG));
    assert_true(verifies(mod));
    p4_compiled_free(&m);
}

/* Int literals outside int32 become K_LONG constants holding their decimal
 * text (any base, any length, folded sign); inside, they stay K_INT. */
static void long_literals_are_decimal_constants(void **state)
{
    (void)state;
    static const struct {
        const char *src, *text;
    } cases[] = {
        {"x = 2147483648\n", "2147483648"},
        {"x = -2147483649\n", "-2147483649"},
        {"x = 0xFFFF_FFFF\n", "4294967295"},
        {"x = 0b1" "0000000000000000000000000000000000000000000000000000000000000000\n", "18446744073709551616"},
        {"x = 0o7777777777777777777777\n", "73786976294838206463"},
        {"x = -123_456_789_012_345_678_901_234_567_890\n", "-123456789012345678901234567890"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        P4bModule m;
        P4CompileError err;
        assert_int_equal(compile(cases[i].src, &m, &err), 0);
        const P4bCode *mod = &m.codes[0];
        const P4bConst *k = NULL;
        for (uint32_t j = 0; j < mod->nconsts; j++)
            if (mod->consts[j].kind == K_LONG)
                k = &mod->consts[j];
        assert_non_null(k);
        const P4bString *s = &m.strings[k->u.index];
        assert_int_equal(s->len, strlen(cases[i].text));
        assert_memory_equal(s->bytes, cases[i].text, s->len);
        assert_false(has_op(mod, OP_UNARY_NEG));
        assert_true(verifies(mod));
        char why[160];
        assert_int_equal(p4b_validate(&m, why, sizeof why), 0);
        /* the verifier rejects a K_LONG whose text is not a decimal outside int32 */
        uint32_t saved = k->u.index;
        for (uint32_t j = 0; j < m.nstrings; j++)
            if (m.strings[j].len == 1 && m.strings[j].bytes[0] == 'x')
                ((P4bConst *)k)->u.index = j;
        assert_int_not_equal(k->u.index, saved);
        assert_int_not_equal(p4b_validate(&m, why, sizeof why), 0);
        ((P4bConst *)k)->u.index = saved;
        p4_compiled_free(&m);
    }
    /* the edges of int32 stay small */
    P4bModule m;
    P4CompileError err;
    /* CPython's 4300-digit limit on decimal literals; 65536 bits for other bases */
    static char src[20000];
    strcpy(src, "x = ");
    memset(src + 4, '7', 4300);
    strcpy(src + 4304, "\n");
    assert_int_equal(compile(src, &m, &err), 0);
    p4_compiled_free(&m);
    strcpy(src + 4304, "7\n");
    assert_int_not_equal(compile(src, &m, &err), 0);
    assert_string_equal(err.kind, "SyntaxError");
    assert_non_null(strstr(err.msg, "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits"));
    strcpy(src, "x = 0x");
    memset(src + 6, 'f', 16385);
    strcpy(src + 6 + 16385, "\n");
    assert_int_not_equal(compile(src, &m, &err), 0);
    assert_non_null(strstr(err.msg, "more than 65536 bits"));
    src[6 + 16384] = '\n';
    src[6 + 16385] = 0;
    assert_int_equal(compile(src, &m, &err), 0);
    p4_compiled_free(&m);
    assert_int_equal(compile("x = 2147483647\ny = -2147483648\n", &m, &err), 0);
    for (uint32_t j = 0; j < m.codes[0].nconsts; j++)
        assert_int_not_equal(m.codes[0].consts[j].kind, K_LONG);
    p4_compiled_free(&m);
}

static void name_main_is_stored_first(void **state)
{
    (void)state;
    P4bModule m;
    P4CompileError err;
    assert_int_equal(compile("if __name__ == '__main__':\n    pass\n", &m, &err), 0);
    const P4bCode *mod = &m.codes[0];
    assert_int_equal(BC_OP(mod->insns[1]), OP_STORE_GLOBAL);
    assert_string_equal((const char *)m.strings[m.globals[BC_ARG(mod->insns[1])]].bytes, "__name__");
    p4_compiled_free(&m);
}

static void comprehension_variable_does_not_leak(void **state)
{
    (void)state;
    P4bModule m;
    P4CompileError err;
    assert_int_equal(compile("y = [i * i for i in range(3) if i]\n", &m, &err), 0);
    /* only y is a global: i lives in a hidden local of the module body */
    for (uint32_t g = 0; g < m.nglobals; g++)
        assert_string_not_equal((const char *)m.strings[m.globals[g]].bytes, "i");
    assert_true(m.codes[0].nlocals >= 1);
    assert_true(verifies(&m.codes[0]));
    p4_compiled_free(&m);
}

static void finally_runs_on_every_exit(void **state)
{
    (void)state;
    const char *src = "def f(xs):\n"
                      "    for x in xs:\n"
                      "        try:\n"
                      "            if x == 1:\n"
                      "                continue\n"
                      "            if x == 2:\n"
                      "                break\n"
                      "            if x == 3:\n"
                      "                return x\n"
                      "        finally:\n"
                      "            marker(x)\n"
                      "    return 0\n";
    P4bModule m;
    P4CompileError err;
    assert_int_equal(compile(src, &m, &err), 0);
    const P4bCode *f = &m.codes[1];
    int calls = 0;
    for (uint32_t i = 0; i < f->ninsns; i++)
        calls += BC_OP(f->insns[i]) == OP_CALL;
    /* continue, break, return, falling off the end and the exception path */
    assert_int_equal(calls, 5);
    assert_true(has_op(f, OP_RERAISE));
    assert_true(f->nexc >= 1);
    assert_true(verifies(f));
    char msg[256];
    assert_int_equal(p4b_validate(&m, msg, sizeof msg), 0);
    p4_compiled_free(&m);
}

static void keyword_calls_and_methods(void **state)
{
    (void)state;
    P4bModule m;
    P4CompileError err;
    assert_int_equal(compile("print(1, end='')\nx = [].pop(0)\ny = d.get(k, default=0)\n", &m, &err), 0);
    const P4bCode *mod = &m.codes[0];
    assert_true(has_op(mod, OP_CALL_KW));
    assert_true(has_op(mod, OP_LOAD_METHOD));
    assert_true(has_op(mod, OP_CALL_METHOD));
    assert_true(verifies(mod));
    p4_compiled_free(&m);
}

static void fstring_specs_with_fields(void **state)
{
    (void)state;
    P4bModule m;
    P4CompileError err;
    /* regression: the spec was a literal '{w}'; a leading blank in a field
     * was an unexpected indent */
    assert_int_equal(compile("s = f'{x:{w}.{p}f}{ {1: 2}[1] }{x == 1}{x != 2}'\n", &m, &err), 0);
    const P4bCode *mod = &m.codes[0];
    int formats = 0;
    for (uint32_t i = 0; i < mod->ninsns; i++)
        formats += BC_OP(mod->insns[i]) == OP_FORMAT_VALUE;
    assert_int_equal(formats, 6); /* x, w, p, the dict item, the two comparisons */
    assert_true(verifies(mod));
    p4_compiled_free(&m);
}

static void limits_are_errors(void **state)
{
    (void)state;
    size_t cap = 300 * 16 + 32;
    char *src = malloc(cap);
    strcpy(src, "def f():\n");
    for (int i = 0; i < 300; i++)
        sprintf(src + strlen(src), "    v%d = %d\n", i, i);
    P4bModule m;
    P4CompileError err;
    assert_int_equal(compile(src, &m, &err), -1);
    assert_string_equal(err.msg, "too many local variables (at most 255)");
    free(src);
    /* 5000 unary minus signs */
    src = malloc(5100);
    strcpy(src, "x = ");
    memset(src + 4, '-', 5000);
    strcpy(src + 5004, "1\n");
    assert_int_equal(compile(src, &m, &err), -1);
    assert_string_equal(err.msg, "expression too deeply nested");
    free(src);
}

static void hostile_bytes_never_crash(void **state)
{
    (void)state;
    static const char *inputs[] = {
        "", "\n", "\\", "\\\n", "x = \\", "'", "\"\"\"", "f'{", "f'{x!'", "f'{x:{y}}'", "\xff\xfe",
        "x = '\xc3'\n", "\t\t\n  \n", "if 1:\n\tpass\n        pass\n", "try:\n  pass\nfinally:\n  break\n",
        "for x in y:\n  try:\n    pass\n  finally:\n    continue\n", "def f(a=[1], b={}): return a\n",
        "x = [[[[[[[[[[]]]]]]]]]]\n", "a = b = c = d = e = 1\n", "del a[1:2], b[::], c[x]\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        P4bModule m;
        P4CompileError err;
        if (compile(inputs[i], &m, &err) == 0) {
            char msg[256];
            assert_int_equal(p4b_validate(&m, msg, sizeof msg), 0);
            for (uint32_t c = 0; c < m.ncodes; c++)
                assert_true(verifies(&m.codes[c]));
            p4_compiled_free(&m);
        } else {
            assert_non_null(err.kind);
            assert_true(err.line >= 1);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_in_every_base),
        cmocka_unit_test(strings_escapes_raw_and_concatenation),
        cmocka_unit_test(indentation_with_tabs_and_multiple_dedents),
        cmocka_unit_test(errors_match_cpython),
        cmocka_unit_test(error_printout_format),
        cmocka_unit_test(min_int_literal_folds),
        cmocka_unit_test(long_literals_are_decimal_constants),
        cmocka_unit_test(name_main_is_stored_first),
        cmocka_unit_test(comprehension_variable_does_not_leak),
        cmocka_unit_test(finally_runs_on_every_exit),
        cmocka_unit_test(keyword_calls_and_methods),
        cmocka_unit_test(fstring_specs_with_fields),
        cmocka_unit_test(limits_are_errors),
        cmocka_unit_test(hostile_bytes_never_crash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
