/*
 * lexer.h - source text to a token array.
 *
 * The whole file is tokenised before compiling: the compiler is a single
 * pass over the token array, and random access lets it compile parts out of
 * order (an assignment's value before its targets, a comprehension's loop
 * before its element, a finally body once per exit).
 */
#ifndef P4_LEXER_H
#define P4_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lang/compile.h"

enum TokenKind {
    TK_EOF,
    TK_NEWLINE,
    TK_INDENT,
    TK_DEDENT,
    TK_NAME,
    TK_INT,
    TK_FLOAT,
    TK_STRING,  /* str, bytes (flag) or f-string (flag) */
    TK_OP,      /* operator or delimiter: op holds its text */
    TK_KEYWORD, /* kw holds which */
};

#define P4_KEYWORDS(X)                                                                   \
    X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await) X(break) X(class) \
    X(continue) X(def) X(del) X(elif) X(else) X(except) X(finally) X(for) X(from)       \
    X(global) X(if) X(import) X(in) X(is) X(lambda) X(nonlocal) X(not) X(or) X(pass)     \
    X(raise) X(return) X(try) X(while) X(with) X(yield)

enum Keyword {
#define P4_KW_ENUM(k) KW_##k,
    P4_KEYWORDS(P4_KW_ENUM)
#undef P4_KW_ENUM
    KW__COUNT
};

#define STR_BYTES 1
#define STR_FSTRING 2
#define TOKF_IMAG 1 /* TK_FLOAT: an imaginary literal (2j) */

typedef struct Token {
    uint8_t kind;
    uint8_t kw;        /* TK_KEYWORD */
    uint8_t flags;     /* TK_STRING: STR_BYTES, STR_FSTRING; TK_INT: 1 if beyond 2**32 */
    char op[4];        /* TK_OP, NUL-terminated */
    int line, col;     /* 1-based position of the first character */
    uint32_t start, len; /* span in the source */
    int64_t ival;      /* TK_INT (exact up to 2**32; beyond, text has it in decimal) */
    float fval;        /* TK_FLOAT */
    char *text;        /* TK_NAME (NUL-terminated), TK_STRING (decoded; may hold NULs),
                          TK_INT beyond 2**32 (its decimal digits, NUL-terminated) */
    uint32_t text_len;
    int32_t match;     /* for ( [ { ) ] }: index of the matching bracket token */
} Token;

typedef struct TokenList {
    Token *tok;
    uint32_t n, cap;
} TokenList;

/* Tokenises src. Returns 0, or -1 with err filled (SyntaxError, IndentationError
 * or MemoryError). The token list is freed with lex_free in both cases. */
int lex(const char *src, size_t len, TokenList *out, P4CompileError *err);
void lex_free(TokenList *t);

#endif
