/*
 * compile_match.c - the match statement (PEP 634, as CPython 3.11 runs it).
 *
 * The subject, and every part of it a pattern looks into (an item, a value
 * of a key, an attribute), is kept in a hidden local, so each test is "load,
 * check, POP_JUMP_IF_FALSE to the case's failure" with nothing left on the
 * stack: a failing pattern needs no clean-up, and OR alternatives simply
 * start over. The names a pattern captures go to hidden locals too and are
 * stored to the real names only once the whole pattern has matched (before
 * the guard), which is what CPython does: a case that fails binds nothing.
 *
 * Patterns are compiled while they are parsed, from the token array; the
 * compile-time errors are CPython's, at the pattern CPython's compiler was
 * looking at (Case.at).
 */
#include <stdio.h>
#include <stdlib.h>

#include "lang/compile_int.h"

typedef struct Bound {
    uint32_t name, slot;
} Bound;

/* One case's pattern while it is compiled. */
typedef struct Case {
    Bound *bound;      /* the names bound so far (by the alternative being compiled) */
    uint32_t nbound, capbound;
    Bound *slots;      /* each name's hidden local in this case: OR alternatives share them */
    uint32_t nslots, capslots;
    uint32_t fail;     /* chain of jumps taken when the pattern fails */
    const Token *at;   /* the pattern being compiled: where its errors point */
} Case;

/* The statement: its hidden locals, released at its end. */
typedef struct Match {
    uint32_t *hidden;
    uint32_t nhidden, caphidden;
} Match;

static void pattern(Compiler *c, Match *m, Case *cs, uint32_t subject, uint32_t end, bool irrefutable_ok);
static void open_pattern(Compiler *c, Match *m, Case *cs, uint32_t subject, uint32_t end, bool irrefutable_ok);

/* A growing array whose memory an error unwinding the compiler frees. */
static void *more(Compiler *c, void *arr, uint32_t n, uint32_t *cap, size_t size)
{
    if (n < *cap)
        return arr;
    uint32_t ncap = *cap ? *cap * 2 : 8;
    void *na = temp_alloc(c, (size_t)ncap * size);
    if (arr) {
        memcpy(na, arr, (size_t)n * size);
        temp_free(c, arr);
    }
    *cap = ncap;
    return na;
}

static uint32_t match_local(Compiler *c, Match *m)
{
    uint32_t slot = hidden_local(c, "m", HIDDEN_MATCH);
    m->hidden = more(c, m->hidden, m->nhidden, &m->caphidden, sizeof *m->hidden);
    m->hidden[m->nhidden++] = slot;
    return slot;
}

static void fail_unless(Compiler *c, Case *cs)
{
    cs->fail = chain_jump(c, OP_POP_JUMP_IF_FALSE, cs->fail);
}

static bool is_name(const Token *t, const char *s)
{
    return t->kind == TK_NAME && strcmp(t->text, s) == 0;
}

/* The value on the stack is captured by the name token t (a name bound
 * twice is reported at the pattern last compiled, as CPython does). */
static void bind(Compiler *c, Match *m, Case *cs, const Token *t)
{
    uint32_t name = intern(c, t->text, t->text_len);
    for (uint32_t i = 0; i < cs->nbound; i++)
        if (cs->bound[i].name == name)
            syntax_error(c, cs->at, "multiple assignments to name '%s' in pattern", t->text);
    uint32_t slot = NONE_PC;
    for (uint32_t i = 0; i < cs->nslots; i++)
        if (cs->slots[i].name == name)
            slot = cs->slots[i].slot;
    if (slot == NONE_PC) {
        slot = match_local(c, m);
        cs->slots = more(c, cs->slots, cs->nslots, &cs->capslots, sizeof *cs->slots);
        cs->slots[cs->nslots++] = (Bound){name, slot};
    }
    cs->bound = more(c, cs->bound, cs->nbound, &cs->capbound, sizeof *cs->bound);
    cs->bound[cs->nbound++] = (Bound){name, slot};
    emit(c, OP_STORE_FAST, slot);
}

/* The end of the item that starts at i: the next top-level ',' or end. */
static uint32_t item_end(Compiler *c, uint32_t i, uint32_t end)
{
    while (i < end && !is_op(tok_at(c, i), ","))
        i = skip_group(c, i);
    return i;
}

static bool is_wildcard(Compiler *c, uint32_t start, uint32_t end)
{
    return end == start + 1 && is_name(tok_at(c, start), "_");
}

/* ---- literals and values --------------------------------------------------------- */

/* A number, -number, or real +/- imaginary: pushes its value. */
static void number_literal(Compiler *c)
{
    bool neg = at_op(c, "-");
    if (neg)
        next(c);
    Token *t = peek(c);
    if (t->kind != TK_INT && t->kind != TK_FLOAT)
        syntax_error(c, t, "invalid syntax");
    atom(c);
    if (neg)
        emit(c, OP_UNARY_NEG, 0);
    if (at_op(c, "+") || at_op(c, "-")) {
        bool plus = at_op(c, "+");
        next(c);
        Token *imag = peek(c);
        if (t->kind == TK_FLOAT && (t->flags & TOKF_IMAG))
            syntax_error(c, t, "real number required in complex literal");
        if (imag->kind != TK_FLOAT || !(imag->flags & TOKF_IMAG))
            syntax_error(c, imag, "imaginary number required in complex literal");
        atom(c);
        emit(c, plus ? OP_BINARY_ADD : OP_BINARY_SUB, 0);
    }
}

/* name.attr.attr...: pushes its value. */
static void dotted_name(Compiler *c)
{
    Token *t = next(c);
    load_name(c, intern(c, t->text, t->text_len), t);
    while (at_op(c, ".")) {
        next(c);
        Token *a = next(c);
        if (a->kind != TK_NAME)
            syntax_error(c, a, "invalid syntax");
        emit(c, OP_LOAD_ATTR, intern(c, a->text, a->text_len));
    }
}

static bool is_literal_start(const Token *t)
{
    return t->kind == TK_INT || t->kind == TK_FLOAT || t->kind == TK_STRING || is_op(t, "-") ||
           is_kw(t, KW_None) || is_kw(t, KW_True) || is_kw(t, KW_False);
}

/* A literal pattern's or a mapping key's value (pushed); false when the
 * tokens hold none. */
static bool literal_value(Compiler *c, Case *cs)
{
    Token *t = peek(c);
    if (t->kind == TK_STRING) {
        for (uint32_t i = c->pos; tok_at(c, i)->kind == TK_STRING; i++)
            if (tok_at(c, i)->flags & STR_FSTRING)
                syntax_error(c, cs->at, "patterns may only match literals and attribute lookups");
        string_atom(c);
        return true;
    }
    if (is_kw(t, KW_None) || is_kw(t, KW_True) || is_kw(t, KW_False)) {
        atom(c);
        return true;
    }
    if (is_literal_start(t)) {
        number_literal(c);
        return true;
    }
    return false;
}

/* ---- sequences -------------------------------------------------------------------- */

/* [p, *rest, q] and (p, q) and p, q: the items in tokens [start, end). */
static void sequence_pattern(Compiler *c, Match *m, Case *cs, uint32_t subject, uint32_t start, uint32_t end)
{
    uint32_t n = 0, star = NONE_PC;
    bool only_wildcards = true, star_wildcard = false;
    for (uint32_t i = start; i < end;) {
        uint32_t e = item_end(c, i, end);
        if (e == i)
            syntax_error(c, tok_at(c, i), "invalid syntax");
        if (is_op(tok_at(c, i), "*")) {
            if (star != NONE_PC)
                syntax_error(c, cs->at, "multiple starred names in sequence pattern");
            if (e != i + 2 || tok_at(c, i + 1)->kind != TK_NAME)
                syntax_error(c, tok_at(c, i + 1), "invalid syntax");
            star = n;
            star_wildcard = is_name(tok_at(c, i + 1), "_");
            only_wildcards &= star_wildcard;
        } else {
            only_wildcards &= is_wildcard(c, i, e);
        }
        n++;
        i = e < end ? e + 1 : e;
    }
    if (n > P4B_MAX_TUPLE)
        syntax_error(c, cs->at, "too many sub-patterns in sequence pattern");
    emit(c, OP_LOAD_FAST, subject);
    emit(c, OP_MATCH_SEQUENCE, 0);
    fail_unless(c, cs);
    if (star == NONE_PC || n > 1) {
        emit(c, OP_LOAD_FAST, subject);
        emit(c, OP_GET_LEN, 0);
        emit_int(c, (int32_t)(star == NONE_PC ? n : n - 1));
        emit(c, star == NONE_PC ? OP_COMPARE_EQ : OP_COMPARE_GE, 0);
        fail_unless(c, cs);
    }
    if (only_wildcards) {
        c->pos = end;
        return;
    }
    /* the items' hidden locals: by index when the star is `*_` (nothing
     * copied), else unpacked at once */
    uint32_t slots[P4B_MAX_TUPLE];
    uint32_t k = 0;
    if (!star_wildcard) {
        emit(c, OP_LOAD_FAST, subject);
        if (star == NONE_PC)
            emit(c, OP_UNPACK_SEQUENCE, n);
        else
            emit(c, OP_UNPACK_EX, star | (n - 1 - star) << 8);
    }
    for (uint32_t i = start; i < end; k++) {
        uint32_t e = item_end(c, i, end);
        bool wild = is_wildcard(c, i, e) || (is_op(tok_at(c, i), "*") && is_name(tok_at(c, i + 1), "_"));
        slots[k] = NONE_PC;
        if (star_wildcard && !wild) {
            emit(c, OP_LOAD_FAST, subject);
            emit_int(c, k < star ? (int32_t)k : (int32_t)k - (int32_t)n);
            emit(c, OP_BINARY_SUBSCR, 0);
        }
        if (!wild) {
            slots[k] = match_local(c, m);
            emit(c, OP_STORE_FAST, slots[k]);
        } else if (!star_wildcard) {
            emit(c, OP_POP_TOP, 0);
        }
        i = e < end ? e + 1 : e;
    }
    k = 0;
    for (uint32_t i = start; i < end; k++) {
        uint32_t e = item_end(c, i, end);
        if (slots[k] != NONE_PC) {
            c->pos = i;
            if (is_op(tok_at(c, i), "*")) {
                cs->at = tok_at(c, i);
                emit(c, OP_LOAD_FAST, slots[k]);
                bind(c, m, cs, tok_at(c, i + 1));
            } else {
                pattern(c, m, cs, slots[k], e, true);
                if (c->pos != e)
                    syntax_error(c, peek(c), "invalid syntax");
            }
        }
        i = e < end ? e + 1 : e;
    }
    c->pos = end;
}

/* MATCH_KEYS's or MATCH_CLASS's result on the stack: None fails, else the n
 * items of the tuple (a mapping's values, a class's attributes) against the
 * sub-patterns in tokens [starts[k], ends[k]). */
static void match_parts(Compiler *c, Match *m, Case *cs, uint32_t n, const uint32_t *starts, const uint32_t *ends)
{
    uint32_t parts = match_local(c, m);
    emit(c, OP_STORE_FAST, parts);
    emit(c, OP_LOAD_FAST, parts);
    emit_none(c);
    emit(c, OP_IS_OP, 1);
    fail_unless(c, cs);
    bool all_wild = true;
    for (uint32_t k = 0; k < n; k++)
        all_wild &= is_wildcard(c, starts[k], ends[k]);
    if (all_wild)
        return;
    uint32_t slots[P4B_MAX_TUPLE];
    emit(c, OP_LOAD_FAST, parts);
    emit(c, OP_UNPACK_SEQUENCE, n);
    for (uint32_t k = 0; k < n; k++) {
        bool wild = is_wildcard(c, starts[k], ends[k]);
        slots[k] = wild ? NONE_PC : match_local(c, m);
        emit(c, wild ? OP_POP_TOP : OP_STORE_FAST, wild ? 0 : slots[k]);
    }
    for (uint32_t k = 0; k < n; k++) {
        if (slots[k] == NONE_PC)
            continue;
        c->pos = starts[k];
        pattern(c, m, cs, slots[k], ends[k], true);
        if (c->pos != ends[k])
            syntax_error(c, peek(c), "invalid syntax");
    }
}

/* ---- mappings --------------------------------------------------------------------- */

/* Two literal keys CPython's compiler sees as the same constant (the
 * common cases: the same int, string or singleton). */
static bool same_literal(Compiler *c, uint32_t a, uint32_t ae, uint32_t b, uint32_t be)
{
    if (ae - a != be - b)
        return false;
    for (uint32_t i = 0; i < ae - a; i++) {
        Token *x = tok_at(c, a + i), *y = tok_at(c, b + i);
        if (x->kind != y->kind || x->kind == TK_FLOAT)
            return false;
        if (x->kind == TK_INT && (x->flags || y->flags || x->ival != y->ival))
            return false;
        if (x->kind == TK_STRING && (x->flags != y->flags || x->text_len != y->text_len ||
                                     memcmp(x->text, y->text, x->text_len) != 0))
            return false;
        if ((x->kind == TK_OP && strcmp(x->op, y->op) != 0) || (x->kind == TK_KEYWORD && x->kw != y->kw) ||
            x->kind == TK_NAME)
            return false;
    }
    return true;
}

static void duplicate_key(Compiler *c, Case *cs, uint32_t a, uint32_t ae)
{
    char text[64];
    Token *t = tok_at(c, a);
    if (t->kind == TK_STRING)
        snprintf(text, sizeof text, "%s'%.*s'", t->flags & STR_BYTES ? "b" : "", (int)t->text_len, t->text);
    else
        snprintf(text, sizeof text, "%.*s", (int)(tok_at(c, ae - 1)->start + tok_at(c, ae - 1)->len - t->start),
                 c->src + t->start);
    syntax_error(c, cs->at, "mapping pattern checks duplicate key (%s)", text);
}

static void mapping_pattern(Compiler *c, Match *m, Case *cs, uint32_t subject, uint32_t start, uint32_t end)
{
    uint32_t keys[P4B_MAX_TUPLE], colons[P4B_MAX_TUPLE], values_at[P4B_MAX_TUPLE], ends[P4B_MAX_TUPLE];
    uint32_t n = 0, rest = NONE_PC;
    for (uint32_t i = start; i < end;) {
        uint32_t e = item_end(c, i, end);
        Token *t = tok_at(c, i);
        if (e == i || rest != NONE_PC)
            syntax_error(c, t, "invalid syntax");
        if (is_op(t, "**")) {
            if (e != i + 2 || tok_at(c, i + 1)->kind != TK_NAME || is_name(tok_at(c, i + 1), "_"))
                syntax_error(c, tok_at(c, i + 1), "invalid syntax");
            rest = i + 1;
        } else {
            uint32_t colon = i;
            while (colon < e && !is_op(tok_at(c, colon), ":"))
                colon = skip_group(c, colon);
            if (colon >= e || colon == i || n == P4B_MAX_TUPLE)
                syntax_error(c, tok_at(c, colon < e ? colon : i), "invalid syntax");
            bool literal = is_literal_start(t);
            if (!literal && (t->kind != TK_NAME || colon < i + 3 || !is_op(tok_at(c, i + 1), ".")))
                syntax_error(c, t->kind == TK_NAME ? tok_at(c, i + 1) : t, "invalid syntax"); /* f(): at '(' */
            for (uint32_t k = 0; literal && k < n; k++)
                if (same_literal(c, keys[k], colons[k], i, colon))
                    duplicate_key(c, cs, i, colon);
            keys[n] = i, colons[n] = colon, values_at[n] = colon + 1, ends[n] = e;
            n++;
        }
        i = e < end ? e + 1 : e;
    }
    emit(c, OP_LOAD_FAST, subject);
    emit(c, OP_MATCH_MAPPING, 0);
    fail_unless(c, cs);
    if (n) {
        emit(c, OP_LOAD_FAST, subject);
        emit(c, OP_GET_LEN, 0);
        emit_int(c, (int32_t)n);
        emit(c, OP_COMPARE_GE, 0);
        fail_unless(c, cs);
    }
    uint32_t key_tuple = NONE_PC;
    if (n) { /* the keys' values, or None: MATCH_KEYS */
        for (uint32_t k = 0; k < n; k++) {
            c->pos = keys[k];
            if (!literal_value(c, cs))
                dotted_name(c);
            if (c->pos != colons[k])
                syntax_error(c, peek(c), "invalid syntax");
        }
        emit(c, OP_BUILD_TUPLE, n);
        key_tuple = match_local(c, m);
        emit(c, OP_STORE_FAST, key_tuple);
        emit(c, OP_LOAD_FAST, subject);
        emit(c, OP_LOAD_FAST, key_tuple);
        emit(c, OP_MATCH_KEYS, 0);
        match_parts(c, m, cs, n, values_at, ends);
    }
    if (rest != NONE_PC) { /* rest = dict(subject) without the keys */
        emit(c, OP_BUILD_MAP, 0);
        emit(c, OP_LOAD_FAST, subject);
        emit(c, OP_DICT_UPDATE, 1);
        for (uint32_t k = 0; k < n; k++) {
            emit(c, OP_DUP_TOP, 0);
            emit(c, OP_LOAD_FAST, key_tuple);
            emit_int(c, (int32_t)k);
            emit(c, OP_BINARY_SUBSCR, 0);
            emit(c, OP_DELETE_SUBSCR, 0);
        }
        bind(c, m, cs, tok_at(c, rest));
    }
    c->pos = end;
}

/* ---- classes ---------------------------------------------------------------------- */

/* Cls(p, q, name=r): the class is on the stack above the subject; the
 * arguments are in tokens (open, close). */
static void class_pattern(Compiler *c, Match *m, Case *cs, uint32_t open, uint32_t close)
{
    uint32_t starts[P4B_MAX_TUPLE], ends[P4B_MAX_TUPLE], names[P4B_MAX_TUPLE] = {0};
    uint32_t n = 0, nkw = 0;
    for (uint32_t i = open + 1; i < close;) {
        uint32_t e = item_end(c, i, close);
        Token *t = tok_at(c, i);
        if (e == i || n == P4B_MAX_TUPLE)
            syntax_error(c, t, "invalid syntax");
        bool kw = t->kind == TK_NAME && is_op(tok_at(c, i + 1), "=");
        if (kw) {
            uint32_t name = intern(c, t->text, t->text_len);
            cs->at = tok_at(c, i + 2);
            for (uint32_t k = 0; k < nkw; k++)
                if (names[k] == name)
                    syntax_error(c, cs->at, "attribute name repeated in class pattern: %s", t->text);
            names[nkw++] = name;
            i += 2;
        } else if (nkw) {
            syntax_error(c, t, "positional patterns follow keyword patterns");
        }
        starts[n] = i, ends[n] = e;
        n++;
        i = e < close ? e + 1 : e;
    }
    emit_name_tuple(c, names, nkw);
    emit(c, OP_MATCH_CLASS, n - nkw);
    match_parts(c, m, cs, n, starts, ends);
    c->pos = close + 1;
}

/* ---- patterns --------------------------------------------------------------------- */

/* A pattern without '|' or 'as' at its top level, ending at end. */
static void closed_pattern(Compiler *c, Match *m, Case *cs, uint32_t subject, uint32_t end, bool irrefutable_ok)
{
    Token *t = peek(c);
    cs->at = t;
    c->line = t->line;
    if (c->pos >= end)
        syntax_error(c, t, "invalid syntax");
    if (t->kind == TK_NAME) {
        Token *after = tok_at(c, c->pos + 1);
        if (is_op(after, ".") || is_op(after, "(")) {
            emit(c, OP_LOAD_FAST, subject);
            dotted_name(c);
            if (at_op(c, "(")) {
                class_pattern(c, m, cs, c->pos, (uint32_t)peek(c)->match);
                return;
            }
            emit(c, OP_COMPARE_EQ, 0); /* a value pattern */
            fail_unless(c, cs);
            return;
        }
        if (!irrefutable_ok) {
            if (is_name(t, "_"))
                syntax_error(c, t, "wildcard makes remaining patterns unreachable");
            syntax_error(c, t, "name capture '%s' makes remaining patterns unreachable", t->text);
        }
        next(c);
        if (!is_name(t, "_")) {
            emit(c, OP_LOAD_FAST, subject);
            bind(c, m, cs, t);
        }
        return;
    }
    if (is_op(t, "(") || is_op(t, "[")) {
        uint32_t close = (uint32_t)t->match, first = c->pos + 1;
        bool group = is_op(t, "(") && close > first && !is_op(tok_at(c, first), "*") &&
                     !has_top_level_comma(c, first, close);
        next(c);
        if (group)
            pattern(c, m, cs, subject, close, irrefutable_ok);
        else
            sequence_pattern(c, m, cs, subject, first, close);
        if (c->pos != close)
            syntax_error(c, peek(c), "invalid syntax");
        next(c);
        return;
    }
    if (is_op(t, "{")) {
        uint32_t close = (uint32_t)t->match;
        next(c);
        mapping_pattern(c, m, cs, subject, c->pos, close);
        next(c);
        return;
    }
    emit(c, OP_LOAD_FAST, subject);
    bool singleton = is_kw(t, KW_None) || is_kw(t, KW_True) || is_kw(t, KW_False);
    if (!literal_value(c, cs))
        syntax_error(c, t, "invalid syntax");
    if (singleton)
        emit(c, OP_IS_OP, 0);
    else
        emit(c, OP_COMPARE_EQ, 0);
    fail_unless(c, cs);
}

static bool same_names(const Bound *a, const Bound *b, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        bool found = false;
        for (uint32_t j = 0; j < n && !found; j++)
            found = a[i].name == b[j].name;
        if (!found)
            return false;
    }
    return true;
}

/* p | q | r, ending at end: each alternative that fails goes on to the
 * next; all must bind the same names. */
static void or_pattern(Compiler *c, Match *m, Case *cs, uint32_t subject, uint32_t end, bool irrefutable_ok)
{
    uint32_t bar = c->pos;
    while (bar < end && !is_op(tok_at(c, bar), "|"))
        bar = skip_group(c, bar);
    if (bar >= end) {
        closed_pattern(c, m, cs, subject, end, irrefutable_ok);
        return;
    }
    uint32_t n0 = cs->nbound, nfirst = 0, outer_fail = cs->fail, matched = 0;
    Bound *first = NULL;
    for (bool last = false; !last;) {
        uint32_t alt_end = c->pos;
        while (alt_end < end && !is_op(tok_at(c, alt_end), "|"))
            alt_end = skip_group(c, alt_end);
        last = alt_end >= end;
        cs->nbound = n0;
        cs->fail = last ? outer_fail : 0;
        closed_pattern(c, m, cs, subject, alt_end, irrefutable_ok && last);
        if (c->pos != alt_end)
            syntax_error(c, peek(c), "invalid syntax");
        uint32_t nb = cs->nbound - n0;
        const Bound *got = nb ? cs->bound + n0 : NULL; /* (bound is NULL until a name is) */
        if (!first) {
            first = temp_alloc(c, (nb ? nb : 1) * sizeof *first);
            if (nb)
                memcpy(first, got, nb * sizeof *first);
            nfirst = nb;
        } else if (nb != nfirst || !same_names(first, got, nb)) {
            syntax_error(c, cs->at, "alternative patterns bind different names");
        }
        if (!last) {
            matched = chain_jump(c, OP_JUMP, matched);
            patch_chain(c, cs->fail, here(c));
            next(c); /* the '|' */
        }
    }
    temp_free(c, first);
    patch_chain(c, matched, here(c));
}

/* An or-pattern, perhaps `as name`, ending at end or a top-level ','. */
static void pattern(Compiler *c, Match *m, Case *cs, uint32_t subject, uint32_t end, bool irrefutable_ok)
{
    uint32_t stop = c->pos;
    while (stop < end && !is_op(tok_at(c, stop), ",") && !is_kw(tok_at(c, stop), KW_as))
        stop = skip_group(c, stop);
    or_pattern(c, m, cs, subject, stop, irrefutable_ok);
    if (c->pos < end && at_kw(c, KW_as)) {
        next(c);
        Token *t = peek(c);
        if (is_name(t, "_"))
            syntax_error(c, t, "cannot use '_' as a target");
        if (t->kind != TK_NAME)
            syntax_error(c, t, "invalid pattern target");
        next(c);
        emit(c, OP_LOAD_FAST, subject);
        bind(c, m, cs, t);
    }
}

/* A case's patterns: `p, q` and `*p, q` are a sequence pattern. */
static void open_pattern(Compiler *c, Match *m, Case *cs, uint32_t subject, uint32_t end, bool irrefutable_ok)
{
    if (is_op(peek(c), "*") && !has_top_level_comma(c, c->pos, end)) /* `case *x:` needs a ',' */
        syntax_error(c, tok_at(c, item_end(c, c->pos, end)), "invalid syntax");
    if (has_top_level_comma(c, c->pos, end)) {
        cs->at = peek(c);
        sequence_pattern(c, m, cs, subject, c->pos, end);
        return;
    }
    pattern(c, m, cs, subject, end, irrefutable_ok);
}

/* ---- the statement ---------------------------------------------------------------- */

/* The ':' that ends the header starting at i (on its line), or 0. */
static uint32_t header_colon(Compiler *c, uint32_t i)
{
    for (;;) {
        Token *t = tok_at(c, i);
        if (t->kind == TK_NEWLINE || t->kind == TK_EOF || t->kind == TK_INDENT || t->kind == TK_DEDENT)
            return 0;
        if (is_op(t, ":"))
            return i;
        if (is_kw(t, KW_lambda))
            i = lambda_end(c, i);
        else
            i = skip_group(c, i);
    }
}

/* `match` (a soft keyword) starts a match statement when its line ends in
 * ':' and an indented block that starts with `case`. */
bool is_match_statement(Compiler *c)
{
    if (!is_name(peek(c), "match"))
        return false;
    uint32_t colon = header_colon(c, c->pos + 1);
    return colon > c->pos + 1 && tok_at(c, colon + 1)->kind == TK_NEWLINE &&
           tok_at(c, colon + 2)->kind == TK_INDENT && is_name(tok_at(c, colon + 3), "case");
}

/* One case; a matched case's body ends with a jump to the statement's end,
 * added to the chain ends (returned). */
static uint32_t case_block(Compiler *c, Match *m, uint32_t subject, bool last, uint32_t ends)
{
    Token *kw = next(c); /* case */
    uint32_t colon = header_colon(c, c->pos), guard = 0;
    if (!colon)
        syntax_error(c, tok_at(c, c->pos), "expected ':'");
    for (uint32_t i = c->pos; i < colon; i = skip_group(c, i))
        if (is_kw(tok_at(c, i), KW_if)) {
            guard = i;
            break;
        }
    uint32_t pend = guard ? guard : colon;
    if (pend == c->pos)
        syntax_error(c, tok_at(c, pend), "invalid syntax");
    Case cs;
    memset(&cs, 0, sizeof cs);
    open_pattern(c, m, &cs, subject, pend, last || guard); /* irrefutable: guarded, or last */
    if (c->pos != pend)
        syntax_error(c, peek(c), "invalid syntax");
    c->line = kw->line;
    for (uint32_t i = 0; i < cs.nbound; i++) { /* matched: the names are bound before the guard runs */
        emit(c, OP_LOAD_FAST, cs.bound[i].slot);
        store_name(c, cs.bound[i].name);
    }
    if (cs.bound)
        temp_free(c, cs.bound);
    if (cs.slots)
        temp_free(c, cs.slots);
    if (guard) {
        c->pos = guard + 1;
        test(c);
        if (c->pos != colon)
            syntax_error(c, peek(c), "invalid syntax");
        fail_unless(c, &cs);
    }
    c->pos = colon;
    block(c, "'case' statement", kw->line);
    if (!last)
        ends = chain_jump(c, OP_JUMP, ends);
    patch_chain(c, cs.fail, here(c));
    return ends;
}

void match_stmt(Compiler *c)
{
    next(c); /* match */
    uint32_t colon = header_colon(c, c->pos);
    if (at_op(c, "*") || has_top_level_comma(c, c->pos, colon)) {
        testlist(c);
    } else {
        test(c);
    }
    if (c->pos != colon)
        syntax_error(c, peek(c), "invalid syntax");
    Match m;
    memset(&m, 0, sizeof m);
    uint32_t subject = match_local(c, &m);
    emit(c, OP_STORE_FAST, subject);
    next(c); /* ':' */
    next(c); /* NEWLINE */
    next(c); /* INDENT */
    uint32_t ends = 0;
    while (peek(c)->kind != TK_DEDENT && peek(c)->kind != TK_EOF) {
        Token *t = peek(c);
        if (!is_name(t, "case"))
            syntax_error(c, t, "invalid syntax");
        c->line = t->line;
        uint32_t hcolon = header_colon(c, c->pos + 1);
        bool last = hcolon && !is_name(tok_at(c, skip_block(c, hcolon)), "case");
        ends = case_block(c, &m, subject, last, ends);
    }
    patch_chain(c, ends, here(c));
    next(c);
    for (uint32_t i = 0; i < m.nhidden; i++)
        release_hidden(c, HIDDEN_MATCH, m.hidden[i]);
    if (m.hidden)
        temp_free(c, m.hidden);
}
