/*
 * test_p4b.c - the .p4b loader rejects every malformed file with a message.
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

static const char program[] =
    "def f(a, b=2):\n"
    "    try:\n"
    "        return [a // b, 'x', 1.5, b'z', (1, 2)]\n"
    "    except ZeroDivisionError as e:\n"
    "        return str(e)\n"
    "print(f(1), f(1, 0), len('abc'))\n";

static uint8_t *image;
static size_t image_len;

static int setup(void **state)
{
    P4CompileError err;
    return p4_compile_to_p4b(program, strlen(program), "t.py", &image, &image_len, &err);
}

static int teardown(void **state)
{
    free(image);
    return 0;
}

static void fix_crc(uint8_t *d, size_t len)
{
    uint32_t crc = bc_crc32(d, len - 4);
    for (int i = 0; i < 4; i++)
        d[len - 4 + i] = (uint8_t)(crc >> (8 * i));
}

/* Loads data and expects a rejection containing `what`. */
static void expect_rejected(const uint8_t *data, size_t len, const char *what)
{
    P4bModule m;
    char err[256] = "";
    int rc = p4b_read(data, len, &m, err, sizeof err);
    if (rc == 0 || !strstr(err, what))
        print_error("expected a rejection mentioning '%s', got rc=%d '%s'\n", what, rc, err);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, what));
}

static void a_valid_image_loads_and_writes_back_identically(void **state)
{
    P4bModule m;
    char err[256];
    assert_int_equal(p4b_read(image, image_len, &m, err, sizeof err), 0);
    assert_int_equal(m.ncodes, 2);
    uint8_t *again;
    size_t len;
    assert_int_equal(p4b_write(&m, &again, &len), 0);
    assert_int_equal(len, image_len);
    assert_memory_equal(again, image, len);
    free(again);
    p4b_free(&m);
}

/* A format 1.4 file, written by the runtime before 1.5 gave code records a
 * qualified name, from:
 * class A:
 *     def m(self):
 *         def inner():
 *             return 7
 *         return inner
 * print(A().m()(), A.m.__name__)
 */
static const uint8_t image_1_4[] = {
    0x50, 0x34, 0x42, 0x43, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xde, 0x01, 0x00, 0x00,
    0x09, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x00, 0x00, 0x2f, 0x74, 0x6d, 0x70, 0x2f, 0x6f, 0x6c, 0x64,
    0x31, 0x34, 0x2e, 0x70, 0x79, 0x08, 0x00, 0x00, 0x00, 0x3c, 0x6d, 0x6f, 0x64, 0x75, 0x6c, 0x65,
    0x3e, 0x08, 0x00, 0x00, 0x00, 0x5f, 0x5f, 0x6d, 0x61, 0x69, 0x6e, 0x5f, 0x5f, 0x08, 0x00, 0x00,
    0x00, 0x5f, 0x5f, 0x6e, 0x61, 0x6d, 0x65, 0x5f, 0x5f, 0x01, 0x00, 0x00, 0x00, 0x41, 0x04, 0x00,
    0x00, 0x00, 0x73, 0x65, 0x6c, 0x66, 0x01, 0x00, 0x00, 0x00, 0x6d, 0x05, 0x00, 0x00, 0x00, 0x69,
    0x6e, 0x6e, 0x65, 0x72, 0x05, 0x00, 0x00, 0x00, 0x70, 0x72, 0x69, 0x6e, 0x74, 0x00, 0x00, 0x00,
    0x00, 0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00,
    0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x03, 0x00, 0x00, 0x00, 0x15, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x0b, 0x00, 0x00,
    0x00, 0x06, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00, 0x00, 0x39, 0x00, 0x00, 0x00, 0x06, 0x02, 0x00,
    0x00, 0x55, 0x00, 0x00, 0x00, 0x0b, 0x01, 0x00, 0x00, 0x0a, 0x02, 0x00, 0x00, 0x0a, 0x01, 0x00,
    0x00, 0x39, 0x00, 0x00, 0x00, 0x0d, 0x06, 0x00, 0x00, 0x3b, 0x00, 0x00, 0x00, 0x39, 0x00, 0x00,
    0x00, 0x0a, 0x01, 0x00, 0x00, 0x0c, 0x06, 0x00, 0x00, 0x0c, 0x03, 0x00, 0x00, 0x39, 0x02, 0x00,
    0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x03, 0x00, 0x00, 0x3e, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00,
    0x00, 0x05, 0x02, 0x00, 0x00, 0x00, 0x07, 0x01, 0x00, 0x00, 0x00, 0x05, 0x04, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x08, 0x0a, 0x04, 0x00, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x07,
    0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x3f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09,
    0x00, 0x00, 0x00, 0x56, 0x00, 0x00, 0x00, 0x06, 0x01, 0x00, 0x00, 0x3e, 0x00, 0x00, 0x00, 0x02,
    0x00, 0x00, 0x00, 0x07, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00,
    0x00, 0x00, 0x02, 0x04, 0x01, 0x06, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02,
    0x00, 0x01, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00,
    0x00, 0x06, 0x00, 0x00, 0x00, 0x3f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09, 0x01, 0x00,
    0x00, 0x08, 0x01, 0x00, 0x00, 0x3e, 0x00, 0x00, 0x00, 0x06, 0x01, 0x00, 0x00, 0x3e, 0x00, 0x00,
    0x00, 0x02, 0x00, 0x00, 0x00, 0x07, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04,
    0x00, 0x00, 0x00, 0x00, 0x02, 0x04, 0x04, 0x07, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x07, 0x07, 0x00, 0x00, 0x3e,
    0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x3e, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x85, 0x24, 0x7a, 0x06,
};

static const char *string_at(const P4bModule *m, uint32_t i) { return (const char *)m->strings[i].bytes; }

static void an_older_minor_version_still_loads(void **state)
{
    P4bModule m;
    char err[256] = "";
    assert_int_equal(p4b_read(image_1_4, sizeof image_1_4, &m, err, sizeof err), 0);
    assert_int_equal(m.ncodes, 4);
    for (uint32_t i = 0; i < m.ncodes; i++) /* no qualified names in 1.4: the plain name stands in */
        assert_int_equal(m.codes[i].qualname, m.codes[i].name);
    for (uint32_t i = 0; i < m.ncodes; i++) /* nor docstrings before 1.8 */
        assert_int_equal(m.codes[i].doc, 0);
    uint8_t *again; /* written back in this version: a qualname and a docstring word more per code */
    size_t len;
    assert_int_equal(p4b_write(&m, &again, &len), 0);
    assert_int_equal(len, sizeof image_1_4 + 8 * m.ncodes);
    assert_int_equal(again[6], P4B_VERSION_MINOR);
    P4bModule m2;
    assert_int_equal(p4b_read(again, len, &m2, err, sizeof err), 0);
    assert_string_equal(string_at(&m2, m2.codes[3].qualname), "inner");
    free(again);
    p4b_free(&m2);
    p4b_free(&m);
}

/* src compiled and read back into *m; the image, to be freed after m. */
static uint8_t *compile_and_read(const char *src, P4bModule *m)
{
    uint8_t *img;
    size_t len;
    P4CompileError cerr;
    assert_int_equal(p4_compile_to_p4b(src, strlen(src), "t.py", &img, &len, &cerr), 0);
    char err[256] = "";
    assert_int_equal(p4b_read(img, len, m, err, sizeof err), 0);
    return img;
}

static void code_records_carry_qualified_names(void **state)
{
    static const char src[] = "class A:\n    def m(self):\n        def inner():\n            return lambda: 0\n"
                              "        return inner\n";
    P4bModule m;
    uint8_t *img = compile_and_read(src, &m);
    static const char *const want[][2] = {{"<module>", "<module>"}, {"A", "A"}, {"m", "A.m"},
                                          {"inner", "A.m.<locals>.inner"},
                                          {"<lambda>", "A.m.<locals>.inner.<locals>.<lambda>"}};
    assert_int_equal(m.ncodes, 5);
    for (uint32_t i = 0; i < m.ncodes; i++) {
        assert_string_equal(string_at(&m, m.codes[i].name), want[i][0]);
        assert_string_equal(string_at(&m, m.codes[i].qualname), want[i][1]);
    }
    p4b_free(&m);
    free(img);
}

/* A docstring is its code's (format 1.8): the first statement of a module,
 * class or def that is a string literal alone; --no-docstrings drops them. */
static void code_records_carry_docstrings(void **state)
{
    static const char src[] = "'mod'\nclass A:\n    'cls'\n    def m(self):\n        x = 1\n        'no'\n"
                              "def f(): 'one' 'line'; return 1\ndef g():\n    f'{1}'\n";
    static const char *const want[] = {"mod", "cls", NULL, "oneline", NULL};
    for (int keep = 1; keep >= 0; keep--) {
        p4_compile_docstrings = keep;
        P4bModule m;
        uint8_t *img = compile_and_read(src, &m);
        assert_int_equal(m.ncodes, 5);
        for (uint32_t i = 0; i < m.ncodes; i++) {
            if (keep && want[i])
                assert_string_equal(string_at(&m, m.codes[i].doc - 1), want[i]);
            else
                assert_int_equal(m.codes[i].doc, 0);
        }
        if (keep) { /* a docstring index past the strings is rejected */
            m.codes[1].doc = m.nstrings + 1;
            uint8_t *bad;
            size_t badlen;
            assert_int_equal(p4b_write(&m, &bad, &badlen), 0);
            expect_rejected(bad, badlen, "docstring: string index");
            free(bad);
        }
        p4b_free(&m);
        free(img);
    }
    p4_compile_docstrings = true;
}

static void every_truncation_is_rejected(void **state)
{
    for (size_t len = 0; len < image_len; len++) {
        P4bModule m;
        char err[256] = "";
        assert_int_equal(p4b_read(image, len, &m, err, sizeof err), -1);
        assert_true(err[0] != '\0');
    }
}

static void every_byte_corruption_is_rejected_or_valid(void **state)
{
    /* With the checksum repaired, each changed byte must either be caught by
     * a structural check or give a module that still validates. */
    uint8_t *copy = malloc(image_len);
    int rejected = 0;
    for (size_t i = 0; i < image_len - 4; i++) {
        for (int bit = 0; bit < 8; bit += 3) {
            memcpy(copy, image, image_len);
            copy[i] ^= (uint8_t)(1u << bit);
            fix_crc(copy, image_len);
            P4bModule m;
            char err[256];
            if (p4b_read(copy, image_len, &m, err, sizeof err) == 0) {
                assert_int_equal(p4b_validate(&m, err, sizeof err), 0);
                p4b_free(&m);
            } else {
                rejected++;
            }
        }
    }
    assert_true(rejected > 0);
    free(copy);
}

static void header_problems_have_clear_messages(void **state)
{
    uint8_t *c = malloc(image_len);
    memcpy(c, image, image_len);
    c[0] = 'X';
    expect_rejected(c, image_len, "bad magic");

    memcpy(c, image, image_len);
    c[4] = 2;
    c[6] = 0;
    expect_rejected(c, image_len, "unsupported version 2.0");

    memcpy(c, image, image_len); /* a newer minor version than this reader's */
    c[6] = P4B_VERSION_MINOR + 1;
    char newer[32];
    snprintf(newer, sizeof newer, "unsupported version %d.%d", P4B_VERSION_MAJOR, P4B_VERSION_MINOR + 1);
    expect_rejected(c, image_len, newer);

    memcpy(c, image, image_len);
    c[image_len - 1] ^= 0xff;
    expect_rejected(c, image_len, "checksum mismatch");

    expect_rejected(image, image_len - 1, "truncated file");

    memcpy(c, image, image_len);
    c[8] = 1; /* flags */
    fix_crc(c, image_len);
    expect_rejected(c, image_len, "unknown flags");
    free(c);
}

/* Rewrites one instruction of code 1 and re-serialises. */
static void expect_code_rejected(uint32_t insn_index, uint32_t insn, const char *what)
{
    P4bModule m;
    char err[256];
    assert_int_equal(p4b_read(image, image_len, &m, err, sizeof err), 0);
    m.codes[1].insns[insn_index] = insn;
    uint8_t *bad;
    size_t len;
    assert_int_equal(p4b_write(&m, &bad, &len), 0);
    p4b_free(&m);
    expect_rejected(bad, len, what);
    free(bad);
}

static void bad_instructions_are_rejected(void **state)
{
    expect_code_rejected(0, BC_MAKE(OP__COUNT, 0), "unknown opcode");
    expect_code_rejected(0, BC_MAKE(OP_LOAD_FAST, 200), "local 200 out of range");
    expect_code_rejected(0, BC_MAKE(OP_LOAD_CONST, 999), "constant 999 out of range");
    expect_code_rejected(0, BC_MAKE(OP_LOAD_GLOBAL, 999), "global 999 out of range");
    expect_code_rejected(0, BC_MAKE(OP_JUMP, 100000), "jump target 100000 out of range");
    expect_code_rejected(0, BC_MAKE(OP_POP_TOP, 0), "stack underflow");
    expect_code_rejected(0, BC_MAKE(OP_NOP, 5), "nonzero argument");
}

static void structural_problems_are_rejected(void **state)
{
    P4bModule m;
    char err[256];
    uint8_t *bad;
    size_t len;

    assert_int_equal(p4b_read(image, image_len, &m, err, sizeof err), 0);
    m.codes[1].maxstack = 0;
    assert_int_equal(p4b_write(&m, &bad, &len), 0);
    p4b_free(&m);
    expect_rejected(bad, len, "declared stack size 0 is below");
    free(bad);

    assert_int_equal(p4b_read(image, image_len, &m, err, sizeof err), 0);
    m.codes[0].consts[0].kind = K_CODE;
    m.codes[0].consts[0].u.index = 0; /* a code object containing itself */
    assert_int_equal(p4b_write(&m, &bad, &len), 0);
    p4b_free(&m);
    expect_rejected(bad, len, "code index 0 must be after 0");
    free(bad);

    assert_int_equal(p4b_read(image, image_len, &m, err, sizeof err), 0);
    m.codes[1].nparams = 5;
    assert_int_equal(p4b_write(&m, &bad, &len), 0);
    p4b_free(&m);
    expect_rejected(bad, len, "params and");
    free(bad);

    assert_int_equal(p4b_read(image, image_len, &m, err, sizeof err), 0);
    m.codes[1].exc[0].handler = 9999;
    assert_int_equal(p4b_write(&m, &bad, &len), 0);
    p4b_free(&m);
    expect_rejected(bad, len, "exception table entry out of range");
    free(bad);

    assert_int_equal(p4b_read(image, image_len, &m, err, sizeof err), 0);
    ((uint8_t *)m.strings[m.codes[1].name].bytes)[0] = 0xff;
    assert_int_equal(p4b_write(&m, &bad, &len), 0);
    p4b_free(&m);
    expect_rejected(bad, len, "not valid UTF-8");
    free(bad);
}

static void huge_counts_fail_before_allocating(void **state)
{
    uint8_t *c = malloc(image_len);
    memcpy(c, image, image_len);
    /* the string count right after the 16-byte header */
    c[16] = c[17] = c[18] = 0xff;
    c[19] = 0x0f;
    fix_crc(c, image_len);
    expect_rejected(c, image_len, "exceeds the limit");
    free(c);
}

/* The file's checksum is the CRC-32 of zlib and Ethernet: the standard check
 * value, and one byte of every value (each entry of the lookup table). */
static void crc32_is_the_ieee_one(void **state)
{
    assert_int_equal(bc_crc32((const uint8_t *)"123456789", 9), 0xcbf43926u);
    assert_int_equal(bc_crc32(NULL, 0), 0);
    uint8_t all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (uint8_t)i;
    assert_int_equal(bc_crc32(all, sizeof all), 0x29058c73u); /* python3: zlib.crc32(bytes(range(256))) */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_valid_image_loads_and_writes_back_identically),
        cmocka_unit_test(an_older_minor_version_still_loads),
        cmocka_unit_test(code_records_carry_qualified_names),
        cmocka_unit_test(code_records_carry_docstrings),
        cmocka_unit_test(every_truncation_is_rejected),
        cmocka_unit_test(every_byte_corruption_is_rejected_or_valid),
        cmocka_unit_test(header_problems_have_clear_messages),
        cmocka_unit_test(bad_instructions_are_rejected),
        cmocka_unit_test(structural_problems_are_rejected),
        cmocka_unit_test(huge_counts_fail_before_allocating),
        cmocka_unit_test(crc32_is_the_ieee_one),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
