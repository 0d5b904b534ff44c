/*
 * compile.h - Python source to bytecode.
 */
#ifndef P4_COMPILE_H
#define P4_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "vm/p4b.h"

typedef struct P4CompileError {
    const char *kind; /* "SyntaxError", "IndentationError" or "MemoryError" */
    char msg[200];
    int line, col;    /* 1-based; col 0 when unknown */
} P4CompileError;

/* What the source is, as compile()'s mode argument says: a file or exec()'s
 * statements, eval()'s one expression (the module body returns its value),
 * or an interactive statement (expression statements outside functions
 * show their value, through the hidden built-in `$display`). Outside
 * P4_MODE_FILE the body does not set __name__ (the namespace has it). */
enum P4CompileMode { P4_MODE_FILE, P4_MODE_EXEC, P4_MODE_EVAL, P4_MODE_SINGLE };

/* Whether code objects keep their docstrings (__doc__; on by default).
 * Each costs its text in the .p4b and a str on the heap once loaded: `p4jit
 * compile --no-docstrings` drops them, as CPython's -OO does (__doc__ None). */
extern bool p4_compile_docstrings;

/* Compiles source to a module; returns 0, or -1 with err filled. The module
 * is released with p4_compiled_free. */
int p4_compile_module(const char *src, size_t len, const char *filename, P4bModule *out,
                      P4CompileError *err);
int p4_compile_module_mode(const char *src, size_t len, const char *filename, int mode, P4bModule *out,
                           P4CompileError *err);
void p4_compiled_free(P4bModule *m);

/* Compiles straight to .p4b bytes (malloc'd). */
int p4_compile_to_p4b(const char *src, size_t len, const char *filename, uint8_t **p4b,
                      size_t *p4b_len, P4CompileError *err);
int p4_compile_to_p4b_mode(const char *src, size_t len, const char *filename, int mode, uint8_t **p4b,
                           size_t *p4b_len, P4CompileError *err);

/* Prints the error like:
 *   File "x.py", line 3, column 5
 *     x = = 1
 *         ^
 * SyntaxError: invalid syntax
 */
void p4_print_compile_error(FILE *out, const char *filename, const char *src, size_t len,
                            const P4CompileError *err);

/* p4_compile_to_p4b, and on an error p4_print_compile_error to stderr,
 * naming the file shown (the code objects take filename: import's
 * "<frozen NAME>" for a frozen module). Returns 0, or -1 once printed: the
 * one compile-and-report of `p4jit run`, `p4jit compile` and freeze_p4b. */
int p4_compile_reporting(const char *src, size_t len, const char *filename, const char *shown, uint8_t **p4b,
                         size_t *p4b_len);

#endif
