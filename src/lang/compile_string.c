/*
 * compile_string.c - string and bytes literals, implicit concatenation, and
 * f-strings, whose replacement fields are compiled from a nested token list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/compile_int.h"

/* An f-string's replacement field: compiles the expression text with a
 * nested token list. */
/* Index just past the string literal that starts at s[i] inside a field's
 * expression, so that its braces and colons are text (f"{'a { b'}"). */
static uint32_t skip_quoted(const char *s, uint32_t n, uint32_t i)
{
    char q = s[i];
    for (i++; i < n && s[i] != q; i++)
        ;
    return i < n ? i + 1 : n;
}

/* Length of the expression part of a replacement field (before !r or :spec). */
static uint32_t field_expr_len(const char *s, uint32_t n)
{
    uint32_t i = 0;
    int depth = 0;
    while (i < n && !(depth == 0 && (s[i] == '!' || s[i] == ':') && !(s[i] == '!' && i + 1 < n && s[i + 1] == '='))) {
        if (s[i] == '\'' || s[i] == '"') {
            i = skip_quoted(s, n, i);
            continue;
        }
        if (s[i] == '(' || s[i] == '[' || s[i] == '{')
            depth++;
        else if (s[i] == ')' || s[i] == ']' || s[i] == '}')
            depth--;
        i++;
    }
    return i;
}

/* Compiles the expression text s[0..n) of a replacement field with a nested
 * token list, restoring the outer one even when an error longjmps. */
static void field_expression(Compiler *c, const Token *t, const char *s, uint32_t n)
{
    /* CPython reads the field as if parenthesised: leading blanks are not
     * indentation (f"{ {1: 2}[1] }") */
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    TokenList sub;
    P4CompileError suberr;
    if (lex(s, n, &sub, &suberr) != 0) {
        lex_free(&sub);
        syntax_error(c, t, "f-string: %s", suberr.msg);
    }
    for (uint32_t k = 0; k < sub.n; k++) {
        sub.tok[k].line = t->line;
        sub.tok[k].col = t->col;
    }
    TokenList saved = c->toks;
    uint32_t savepos = c->pos;
    c->toks = sub;
    c->pos = 0;
    if (peek(c)->kind == TK_NEWLINE || peek(c)->kind == TK_EOF) {
        c->toks = saved;
        c->pos = savepos;
        lex_free(&sub);
        syntax_error(c, t, "f-string: empty expression not allowed");
    }
    jmp_buf outer;
    memcpy(outer, c->fail, sizeof outer);
    if (setjmp(c->fail)) {
        lex_free(&c->toks);
        c->toks = saved;
        memcpy(c->fail, outer, sizeof outer);
        longjmp(c->fail, 1);
    }
    testlist(c); /* f"{x, y}" is a tuple */
    bool ok = peek(c)->kind == TK_NEWLINE || peek(c)->kind == TK_EOF;
    lex_free(&c->toks);
    c->toks = saved;
    c->pos = savepos;
    memcpy(c->fail, outer, sizeof outer);
    if (!ok)
        syntax_error(c, t, "f-string: invalid expression");
}

/* f"{expr=}" (self-documenting): the length of the field's text that is
 * printed before the value, up to and including the '=' and the blanks
 * after it; 0 for an ordinary field. */
static uint32_t debug_text_len(const char *s, uint32_t n)
{
    uint32_t i = field_expr_len(s, n), last = i;
    while (last > 0 && (s[last - 1] == ' ' || s[last - 1] == '\t'))
        last--;
    return last >= 2 && s[last - 1] == '=' && !strchr("=!<>", s[last - 2]) ? i : 0;
}

static void fstring_text(Compiler *c, const Token *t, const char *s, uint32_t n, uint32_t *parts);

static void fstring_field(Compiler *c, const Token *t, const char *s, uint32_t n)
{
    uint32_t i = field_expr_len(s, n), debug = debug_text_len(s, n);
    if (debug) {
        uint32_t eq = debug;
        while (s[eq - 1] != '=')
            eq--;
        field_expression(c, t, s, eq - 1);
    } else {
        field_expression(c, t, s, i);
    }
    /* a self-documenting field shows the value's repr unless a conversion
     * or a format spec says otherwise */
    uint32_t conv = debug && (i >= n || s[i] != ':') ? 2 : 0;
    bool converted = false;
    if (i < n && s[i] == '!') {
        if (i + 1 >= n || (s[i + 1] != 'r' && s[i + 1] != 's' && s[i + 1] != 'a'))
            syntax_error(c, t, "f-string: invalid conversion character");
        conv = s[i + 1] == 'r' ? 2 : s[i + 1] == 'a' ? 4 : 3;
        converted = true;
        i += 2;
    }
    if (i < n && s[i] == ':') {
        if (converted) /* !r or !s first, then the spec formats the str */
            emit(c, OP_FORMAT_VALUE, conv);
        const char *spec = s + i + 1;
        uint32_t speclen = n - i - 1;
        if (memchr(spec, '{', speclen)) {
            /* a spec with fields, f"{x:{width}}", is itself an f-string */
            enter(c);
            uint32_t pieces = 0;
            fstring_text(c, t, spec, speclen, &pieces);
            if (pieces != 1)
                emit(c, OP_BUILD_STRING, pieces);
            leave(c);
        } else {
            emit_str(c, spec, speclen);
        }
        emit(c, OP_FORMAT_VALUE, 1);
        return;
    }
    emit(c, OP_FORMAT_VALUE, conv);
}

static void fstring(Compiler *c, const Token *t, uint32_t *parts) { fstring_text(c, t, t->text, t->text_len, parts); }

/* Pushes the pieces of f-string text s[0..n) (literals and formatted fields),
 * counting them in *parts. */
static void fstring_text(Compiler *c, const Token *t, const char *s, uint32_t n, uint32_t *parts)
{
    uint32_t lit = 0, i = 0;
    char *buf = temp_alloc(c, n + 1);
    uint32_t blen = 0;
    while (i < n) {
        if (s[i] == '{' && i + 1 < n && s[i + 1] == '{') {
            buf[blen++] = '{';
            i += 2;
        } else if (s[i] == '}' && i + 1 < n && s[i + 1] == '}') {
            buf[blen++] = '}';
            i += 2;
        } else if (s[i] == '{') {
            if (blen) {
                emit_str(c, buf, blen);
                (*parts)++;
                blen = 0;
            }
            uint32_t j = i + 1;
            int depth = 1, nest = 0; /* nest: brackets open in the expression */
            bool in_expr = true;    /* before the field's '!' or ':' */
            while (j < n && depth > 0) {
                if (in_expr && (s[j] == '\'' || s[j] == '"')) {
                    j = skip_quoted(s, n, j);
                    continue;
                }
                if (in_expr && (s[j] == '(' || s[j] == '['))
                    nest++;
                else if (in_expr && (s[j] == ')' || s[j] == ']'))
                    nest--;
                else if (in_expr && depth == 1 && nest <= 0 && (s[j] == ':' || (s[j] == '!' && !(j + 1 < n && s[j + 1] == '='))))
                    in_expr = false;
                if (s[j] == '{')
                    depth++;
                else if (s[j] == '}')
                    depth--;
                if (depth > 0)
                    j++;
            }
            if (j >= n)
                syntax_error(c, t, "f-string: expecting '}'");
            uint32_t debug = debug_text_len(s + i + 1, j - i - 1);
            if (debug) { /* the field's text joins the literal before it */
                memcpy(buf + blen, s + i + 1, debug);
                blen += debug;
                emit_str(c, buf, blen);
                (*parts)++;
                blen = 0;
            }
            fstring_field(c, t, s + i + 1, j - i - 1);
            (*parts)++;
            i = j + 1;
        } else if (s[i] == '}') {
            syntax_error(c, t, "f-string: single '}' is not allowed");
        } else {
            buf[blen++] = s[i++];
        }
    }
    (void)lit;
    if (blen) {
        emit_str(c, buf, blen);
        (*parts)++;
    }
    temp_free(c, buf);
}

/* Adjacent string literals concatenate; f-strings become BUILD_STRING. */
void string_atom(Compiler *c)
{
    Token *first = peek(c);
    bool bytes = first->flags & STR_BYTES, any_f = false;
    uint32_t end = c->pos;
    while (tok_at(c, end)->kind == TK_STRING) {
        Token *t = tok_at(c, end);
        if (((t->flags & STR_BYTES) != 0) != bytes)
            syntax_error(c, t, "cannot mix bytes and nonbytes literals");
        any_f |= (t->flags & STR_FSTRING) != 0;
        end++;
    }
    if (!any_f) {
        uint32_t total = 0;
        for (uint32_t i = c->pos; i < end; i++)
            total += tok_at(c, i)->text_len;
        char *buf = temp_alloc(c, total + 1);
        uint32_t at = 0;
        for (uint32_t i = c->pos; i < end; i++) {
            memcpy(buf + at, tok_at(c, i)->text, tok_at(c, i)->text_len);
            at += tok_at(c, i)->text_len;
        }
        uint32_t idx = intern(c, buf, total);
        temp_free(c, buf);
        emit_const(c, bytes ? K_BYTES : K_STR, idx);
        c->pos = end;
        return;
    }
    uint32_t parts = 0;
    for (uint32_t i = c->pos; i < end; i++) {
        Token *t = tok_at(c, i);
        if (t->flags & STR_FSTRING) {
            fstring(c, t, &parts);
        } else if (t->text_len) {
            emit_str(c, t->text, t->text_len);
            parts++;
        }
    }
    if (parts == 0)
        emit_str(c, "", 0);
    else if (parts > 1)
        emit(c, OP_BUILD_STRING, parts);
    c->pos = end; /* one part is already a str */
}
