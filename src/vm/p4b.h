/*
 * p4b.h - the .p4b container as plain C data (no VM objects).
 *
 * The compiler builds a P4bModule and serialises it with p4b_write(); the
 * loader parses and validates bytes with p4b_read() into the same structure,
 * from which the VM creates its heap objects, the disassembler prints and the
 * JIT reads. The byte layout is documented in docs/bytecode.md.
 */
#ifndef P4_P4B_H
#define P4_P4B_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "vm/bytecode.h"

typedef struct P4bString {
    uint32_t len;
    const uint8_t *bytes; /* not NUL-terminated in the file; the reader adds a NUL */
} P4bString;

typedef struct P4bConst {
    uint8_t kind; /* enum ConstKind */
    union {
        int32_t i;      /* K_INT */
        float f;        /* K_FLOAT */
        uint32_t index; /* K_STR, K_BYTES, K_LONG: string index; K_CODE: code index */
        struct {
            uint32_t count;
            uint32_t *items; /* indices of earlier constants */
        } tuple;
    } u;
} P4bConst;

typedef struct P4bCode {
    uint32_t name;      /* string index */
    uint32_t qualname;  /* string index (format 1.5; older files: name) */
    uint32_t doc;       /* docstring: string index + 1, 0 for none (format 1.8; older files: 0) */
    uint32_t firstline;
    uint16_t nparams, nlocals, maxstack, flags;
    uint32_t *localnames; /* nlocals string indices */
    uint32_t ninsns;
    uint32_t *insns;
    uint32_t nconsts;
    P4bConst *consts;
    uint32_t nexc;
    ExcEntry *exc;
    uint32_t linetab_len;
    uint8_t *linetab;
} P4bCode;

typedef struct P4bModule {
    uint32_t nstrings;
    P4bString *strings;
    uint32_t filename; /* string index */
    uint32_t nglobals;
    uint32_t *globals; /* string indices of global names; slot i is globals[i] */
    uint32_t ncodes;   /* code 0 is the module body */
    P4bCode *codes;
    void *owned;       /* memory owned by the module when made by p4b_read */
} P4bModule;

/*
 * Parses and fully validates a .p4b image. On success returns 0 and fills *m
 * (release with p4b_free; the input may be freed at once). On failure returns
 * -1, leaves *m empty, and writes a message such as
 * "offset 123: code 2: instruction 7: jump target 99 out of range (40 instructions)"
 * into err.
 */
int p4b_read(const uint8_t *data, size_t len, P4bModule *m, char *err, size_t errlen);
/* p4b_read without the validation, for the images frozen into the runtime:
 * the build validated them (cli/freeze_p4b.c), and it was a quarter of an
 * import's instructions (bench/RESULTS.md, stdlib2) */
int p4b_read_frozen(const uint8_t *data, size_t len, P4bModule *m, char *err, size_t errlen);
void p4b_free(P4bModule *m);

/* Serialises a module (including the trailing CRC) into a malloc'd buffer.
 * Returns 0, or -1 when out of memory. */
int p4b_write(const P4bModule *m, uint8_t **out, size_t *outlen);

/* Checks a module built in memory with the same rules as p4b_read (used by
 * the compiler's tests and by p4b_write's callers in debug builds). */
int p4b_validate(const P4bModule *m, char *err, size_t errlen);

/* Readable listing of every code object: line numbers, instructions with
 * their resolved arguments (constants, names, jump targets), exception tables. */
void p4b_dis(const P4bModule *m, FILE *out);

#endif
