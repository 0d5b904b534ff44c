/*
 * test_p4b_stack.c - bytecode whose stack depths are consistent but whose
 * values are not what an instruction trusts: the loader rejects it, or the
 * interpreter runs it correctly. Each case is a crash the .p4b mutation sweep
 * (fuzz/p4b_sweep.c) or the adversarial review of issue 17 found.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lang/compile.h"
#include "vm/p4b.h"
#include "vm/vm.h"

static P4bModule compiled(const char *src)
{
    P4bModule m;
    P4CompileError err;
    int rc = p4_compile_module(src, strlen(src), "t.py", &m, &err);
    if (rc != 0)
        print_error("compile error: %s\n", err.msg);
    assert_int_equal(rc, 0);
    return m;
}

/* The pc of the n-th (0-based) instruction with opcode op in code ci. */
static uint32_t find(const P4bModule *m, uint32_t ci, unsigned op, int n)
{
    const P4bCode *c = &m->codes[ci];
    for (uint32_t pc = 0; pc < c->ninsns; pc++)
        if (BC_OP(c->insns[pc]) == op && n-- == 0)
            return pc;
    fail_msg("opcode %u not found", op);
    return 0;
}

static void expect_rejected(const P4bModule *m, const char *what)
{
    char err[256] = "";
    int rc = p4b_validate(m, err, sizeof err);
    if (rc == 0 || !strstr(err, what))
        print_error("expected a rejection mentioning '%s', got rc=%d '%s'\n", what, rc, err);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, what));
}

static char output[4096];
static size_t output_len;

static void capture(void *ctx, int fd, const char *data, size_t len)
{
    (void)ctx;
    if (fd == 1 && output_len + len < sizeof output) {
        memcpy(output + output_len, data, len);
        output_len += len;
    }
}

/* Writes, reads back and runs m; returns whether the program ended well. */
static bool run_image(const P4bModule *m)
{
    uint8_t *image;
    size_t len;
    assert_int_equal(p4b_write(m, &image, &len), 0);
    P4bModule *loaded = calloc(1, sizeof *loaded);
    char err[256];
    assert_int_equal(p4b_read(image, len, loaded, err, sizeof err), 0);
    free(image);
    VMConfig cfg;
    vm_config_default(&cfg);
    VM *vm = vm_new(&cfg);
    assert_non_null(vm);
    vm->write = capture;
    output_len = 0;
    bool ok = vm_load_program(vm, loaded, NULL, 0) && vm_run_program(vm);
    vm_flush(vm);
    output[output_len] = '\0';
    vm_free(vm);
    return ok;
}

/* UNPACK_SEQUENCE 0 of an empty list takes the general path (an empty
 * list has no item array), where sp += arg - 1 added 2^32 - 1 slots. */
static void unpack_sequence_0_of_empty_sequences_runs(void **state)
{
    (void)state;
    P4bModule m = compiled("[] = []\n() = ()\n[] = ''\n() = range(0)\nprint('ok', len([]))\n");
    assert_int_equal(BC_ARG(m.codes[0].insns[find(&m, 0, OP_UNPACK_SEQUENCE, 0) ]), 0);
    assert_true(run_image(&m));
    assert_string_equal(output, "ok 0\n");
    p4_compiled_free(&m);
}

/* The interpreter passes CALL_KW's names to the callee as strings. */
static void call_kw_names_must_be_str_constants(void **state)
{
    (void)state;
    P4bModule m = compiled("a = [3, 1, 2]\na.sort(reverse=True)\nprint(a)\n");
    assert_true(run_image(&m));
    assert_string_equal(output, "[3, 2, 1]\n");
    P4bCode *c = &m.codes[0];
    uint32_t call = find(&m, 0, OP_CALL_KW, 0);
    uint32_t names = BC_ARG(c->insns[call - 1]);
    /* a name that is True, not 'reverse' (found by the sweep: a segfault in list.sort) */
    uint32_t item = c->consts[names].u.tuple.items[0];
    uint8_t kind = c->consts[item].kind;
    c->consts[item].kind = K_TRUE;
    expect_rejected(&m, "keyword names must be str constants");
    c->consts[item].kind = kind;
    /* the names not right before the call */
    uint32_t load = c->insns[call - 1];
    c->insns[call - 1] = BC_MAKE(OP_NOP, 0);
    expect_rejected(&m, "must follow a LOAD_CONST");
    c->insns[call - 1] = load;
    p4_compiled_free(&m);
}

static void call_kw_must_not_be_a_jump_target(void **state)
{
    (void)state;
    P4bModule m = compiled("l = [2, 1]\nl.sort(reverse=True)\nprint(l)\n");
    char err[256];
    assert_int_equal(p4b_validate(&m, err, sizeof err), 0);
    P4bCode *c = &m.codes[0];
    uint32_t call = find(&m, 0, OP_CALL_KW, 0);
    /* a handler at the CALL_KW, at the depth that fits (l.sort True | exc):
     * the exception would stand where the names belong */
    ExcEntry *x = malloc(sizeof *x);
    assert_non_null(x);
    *x = (ExcEntry){call - 1, call, call, 2};
    free(c->exc);
    c->exc = x;
    c->nexc = 1;
    expect_rejected(&m, "is a jump target");
    p4_compiled_free(&m);
}

/* LOAD_METHOD pushes a method that trusts its self: str.split called by a
 * plain CALL with a list for self segfaulted (found by the sweep). */
static void load_method_results_only_feed_call_method(void **state)
{
    (void)state;
    P4bModule m = compiled("s = 'a b'\nprint(s.split(' '), ','.join([str(i) for i in range(3)]), "
                           "s.replace('a', s.upper()).split())\n");
    char err[256];
    assert_int_equal(p4b_validate(&m, err, sizeof err), 0); /* nested pairs, a comprehension inside */
    assert_true(run_image(&m));
    assert_string_equal(output, "['a', 'b'] 0,1,2 ['A', 'B', 'b']\n");
    P4bCode *c = &m.codes[0];
    c->maxstack = 64; /* so that only the method check can object */
    uint32_t call = find(&m, 0, OP_CALL_METHOD, 0);
    uint32_t saved = c->insns[call];
    c->insns[call] = BC_MAKE(OP_CALL, BC_ARG(saved)); /* the same depth: calls the self slot's value */
    expect_rejected(&m, "LOAD_METHOD result is used by an instruction other than CALL_METHOD");
    c->insns[call] = saved;
    /* the self copied instead of the argument pushed (the same depth) */
    uint32_t lm = find(&m, 0, OP_LOAD_METHOD, 0);
    assert_int_equal(lm + 2, call);
    uint32_t arg = c->insns[lm + 1];
    c->insns[lm + 1] = BC_MAKE(OP_DUP_TOP, 0);
    expect_rejected(&m, "LOAD_METHOD result is used");
    c->insns[lm + 1] = arg;
    /* a CALL_METHOD with no LOAD_METHOD below: a plain attribute, and one
     * argument fewer, keep the depths */
    c->insns[lm] = BC_MAKE(OP_LOAD_ATTR, BC_ARG(c->insns[lm]));
    c->insns[call] = BC_MAKE(OP_CALL_METHOD, 0);
    expect_rejected(&m, "CALL_METHOD without a LOAD_METHOD result below its arguments");
    p4_compiled_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unpack_sequence_0_of_empty_sequences_runs),
        cmocka_unit_test(call_kw_names_must_be_str_constants),
        cmocka_unit_test(call_kw_must_not_be_a_jump_target),
        cmocka_unit_test(load_method_results_only_feed_call_method),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
