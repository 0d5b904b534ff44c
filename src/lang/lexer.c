/*
 * lexer.c - Python tokens, with INDENT/DEDENT from the indentation stack and
 * implicit line joining inside brackets.
 */
#include "lang/lexer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/unicode_ident.h"
#include "vm/unicode_data.h"

static const char *const keywords[KW__COUNT] = {
#define P4_KW_NAME(k) #k,
    P4_KEYWORDS(P4_KW_NAME)
#undef P4_KW_NAME
};

#define MAX_INDENT 100
#define MAX_NESTING 200

typedef struct Lexer {
    const char *src;
    size_t len, pos;
    int line;
    size_t line_start; /* offset of the current line's first character */
    TokenList *out;
    P4CompileError *err;
    int indents[MAX_INDENT + 1];
    int alt_indents[MAX_INDENT + 1]; /* the same widths with tabs counted as 1 */
    int nindent;
    int32_t brackets[MAX_NESTING]; /* token indices of open brackets */
    int nbrackets;
    bool failed;
} Lexer;

static int error_at(Lexer *lx, const char *kind, int line, int col, const char *fmt, ...)
{
    if (lx->failed)
        return -1;
    lx->failed = true;
    lx->err->kind = kind;
    lx->err->line = line;
    lx->err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lx->err->msg, sizeof lx->err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

static int col_of(const Lexer *lx, size_t pos) { return (int)(pos - lx->line_start) + 1; }

static Token *push(Lexer *lx, uint8_t kind, size_t start)
{
    TokenList *t = lx->out;
    if (t->n == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 256;
        Token *nt = realloc(t->tok, cap * sizeof(Token));
        if (!nt) {
            error_at(lx, "MemoryError", lx->line, 0, "out of memory");
            return NULL;
        }
        t->tok = nt;
        t->cap = cap;
    }
    Token *k = &t->tok[t->n++];
    memset(k, 0, sizeof *k);
    k->kind = kind;
    k->line = lx->line;
    k->col = col_of(lx, start);
    k->start = (uint32_t)start;
    k->match = -1;
    return k;
}

static bool is_ident_start(unsigned char c) { return c == '_' || (unsigned)((c | 32) - 'a') < 26u || c >= 0x80; }
static bool is_ident(unsigned char c) { return is_ident_start(c) || (unsigned)(c - '0') < 10u; }

/* ---- strings ------------------------------------------------------------------ */

typedef struct Buf {
    char *data;
    uint32_t len, cap;
} Buf;

static bool buf_add(Buf *b, const char *s, uint32_t n)
{
    if (b->len + n + 1 > b->cap) {
        uint32_t cap = b->cap ? b->cap : 32;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *nd = realloc(b->data, cap);
        if (!nd)
            return false;
        b->data = nd;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

static bool buf_utf8(Buf *b, uint32_t cp)
{
    char u[4];
    uint32_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xc0 | cp >> 6);
        u[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xe0 | cp >> 12);
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        u[0] = (char)(0xf0 | cp >> 18);
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    return buf_add(b, u, n);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 32) >= 'a' && (c | 32) <= 'f')
        return (c | 32) - 'a' + 10;
    return -1;
}

/* The code point of the (valid) UTF-8 character at s[p] and its length. */
static uint32_t utf8_at(const char *s, size_t len, size_t p, uint32_t *n)
{
    const unsigned char *u = (const unsigned char *)s + p;
    uint32_t k = u[0] < 0x80 ? 1 : u[0] < 0xe0 ? 2 : u[0] < 0xf0 ? 3 : 4;
    if (p + k > len)
        k = 1;
    *n = k;
    uint32_t cp = k == 1 ? u[0] : u[0] & (0x7fu >> k);
    for (uint32_t i = 1; i < k; i++)
        cp = cp << 6 | (u[i] & 0x3fu);
    return cp;
}

/* The identifier src[start..end) with non-ASCII characters: each must be
 * XID_Start (the first) or XID_Continue, as in CPython, and the name is
 * its NFKC form. NFKC of a single character comes from a table; where the
 * full algorithm would also reorder combining marks or compose a mark with
 * the character before, P4JIT refuses the name (docs/language.md). */
static int ident_nfkc(Lexer *lx, size_t start, size_t end, Buf *out)
{
    uint32_t prev = 0, starter = 0, count = 0;
    for (size_t p = start; p < end;) {
        uint32_t n, cp = utf8_at(lx->src, end, p, &n);
        int cls = unicode_ident_class(cp);
        if (cls == 0 || (p == start && cls == 1)) {
            if (cp >= 0x80 && !unicode_printable(cp))
                return error_at(lx, "SyntaxError", lx->line, col_of(lx, p), "invalid non-printable character U+%04X",
                                (unsigned)cp);
            return error_at(lx, "SyntaxError", lx->line, col_of(lx, p), "invalid character '%.*s' (U+%04X)",
                            (int)n, lx->src + p, (unsigned)cp);
        }
        uint32_t m[UNICODE_NFKC_MAX];
        int k = unicode_nfkc_char(cp, m);
        for (int j = 0; j < k; j++) {
            bool reorders = unicode_nfkc_reorders(m[j]);
            if ((count > 0 && reorders && unicode_nfkc_reorders(prev)) ||
                (count > 0 && unicode_nfkc_composes(m[j]) && unicode_nfkc_composes_with(starter)))
                return error_at(lx, "SyntaxError", lx->line, col_of(lx, start),
                                "identifier '%.*s' needs Unicode composition or reordering (NFKC), which P4JIT "
                                "does not do; write its characters precomposed",
                                (int)(end - start), lx->src + start);
            if (!reorders)
                starter = m[j];
            prev = m[j];
            count++;
            if (!buf_utf8(out, m[j]))
                return error_at(lx, "MemoryError", lx->line, 0, "out of memory");
        }
        p += n;
    }
    return 0;
}

/* Reads a \N{name} escape at s[p] (just after the N) into b; returns the
 * index after the closing brace, or 0 after an error. */
static size_t named_escape(Lexer *lx, Buf *b, size_t p, size_t esc_start, size_t body_start, int line, int col)
{
    const char *s = lx->src;
    char quote = s[body_start - 1];
    size_t close = p + 1;
    while (close < lx->len && s[close] != '}' && s[close] != '\n' && s[close] != quote)
        close++;
    /* the positions CPython reports count the decoded literal's characters */
    unsigned long at = 0;
    for (size_t q = body_start; q < esc_start; q++)
        at += ((unsigned char)s[q] & 0xc0) != 0x80;
    if (p >= lx->len || s[p] != '{')
        close = p; /* CPython's range is then the \N alone */
    if (p >= lx->len || s[p] != '{' || close >= lx->len || s[close] != '}' || close == p + 1) {
        error_at(lx, "SyntaxError", line, col,
                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %lu-%lu: malformed \\N character escape",
                 at, at + (unsigned long)(close - esc_start) - (close < lx->len && s[close] == '}' && close > p + 1 ? 0 : 1));
        return 0;
    }
    uint32_t cp;
    if (!unicode_lookup_name(s + p + 1, (uint32_t)(close - p - 1), &cp)) {
        error_at(lx, "SyntaxError", line, col,
                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %lu-%lu: unknown Unicode character name",
                 at, at + (unsigned long)(close - esc_start));
        return 0;
    }
    if (!buf_utf8(b, cp)) {
        error_at(lx, "MemoryError", lx->line, 0, "out of memory");
        return 0;
    }
    return close + 1;
}

/* Reads a string literal starting at its prefix; pos is at the prefix. */
static int lex_string(Lexer *lx, size_t prefix_start, size_t quote_pos, bool raw, bool bytes, bool fstr)
{
    const char *s = lx->src;
    char q = s[quote_pos];
    bool triple = quote_pos + 2 < lx->len && s[quote_pos + 1] == q && s[quote_pos + 2] == q;
    size_t p = quote_pos + (triple ? 3 : 1);
    int start_line = lx->line, start_col = col_of(lx, prefix_start);
    size_t start_line_start = lx->line_start;
    Buf b = {0};
    for (;;) {
        if (p >= lx->len || (!triple && (s[p] == '\n' || s[p] == '\r'))) {
            free(b.data);
            /* the line of the last character read, not the one after a final newline */
            int detected = lx->line - (p >= lx->len && p > 0 && s[p - 1] == '\n');
            if (triple)
                return error_at(lx, "SyntaxError", start_line, start_col,
                                "unterminated triple-quoted string literal (detected at line %d)", detected);
            return error_at(lx, "SyntaxError", start_line, start_col,
                            "unterminated string literal (detected at line %d)", lx->line);
        }
        char c = s[p];
        if (c == q && (!triple || (p + 2 < lx->len && s[p + 1] == q && s[p + 2] == q))) {
            p += triple ? 3 : 1;
            break;
        }
        if (c == '\n') {
            lx->line++;
            lx->line_start = p + 1;
        }
        if (c != '\\' || raw) {
            if (c == '\\' && raw && p + 1 < lx->len) { /* raw: the backslash stays, the next char too */
                if (!buf_add(&b, s + p, 2))
                    goto oom;
                if (s[p + 1] == '\n') {
                    lx->line++;
                    lx->line_start = p + 2;
                }
                p += 2;
                continue;
            }
            if (bytes && (unsigned char)c >= 0x80) {
                free(b.data);
                return error_at(lx, "SyntaxError", lx->line, col_of(lx, p),
                                "bytes can only contain ASCII literal characters");
            }
            if (!buf_add(&b, &c, 1))
                goto oom;
            p++;
            continue;
        }
        /* escape sequence */
        if (p + 1 >= lx->len) {
            p++;
            continue;
        }
        char e = s[p + 1];
        p += 2;
        char out;
        switch (e) {
        case '\n':
            lx->line++;
            lx->line_start = p;
            continue; /* line continuation inside the literal */
        case 'n': out = '\n'; break;
        case 't': out = '\t'; break;
        case 'r': out = '\r'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(e - '0');
            for (int k = 0; k < 2 && p < lx->len && s[p] >= '0' && s[p] <= '7'; k++)
                v = v * 8 + (uint32_t)(s[p++] - '0');
            if (bytes || v < 0x80) {
                char ch = (char)v;
                if (!buf_add(&b, &ch, 1))
                    goto oom;
            } else if (!buf_utf8(&b, v)) {
                goto oom;
            }
            continue;
        }
        case 'a': out = '\a'; break;
        case 'b': out = '\b'; break;
        case 'f': out = '\f'; break;
        case 'v': out = '\v'; break;
        case '\\': out = '\\'; break;
        case '\'': out = '\''; break;
        case '"': out = '"'; break;
        case 'N':
            if (bytes) { /* not an escape in bytes */
                if (!buf_add(&b, s + p - 2, 2))
                    goto oom;
                continue;
            }
            p = named_escape(lx, &b, p, p - 2, quote_pos + (triple ? 3 : 1), start_line, start_col);
            if (p == 0) {
                free(b.data);
                return -1;
            }
            continue;
        case 'x': case 'u': case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (bytes && e != 'x') {
                if (!buf_add(&b, s + p - 2, 2))
                    goto oom;
                continue;
            }
            uint32_t v = 0;
            for (int k = 0; k < digits; k++) {
                int h = p < lx->len ? hexval(s[p]) : -1;
                if (h < 0) {
                    free(b.data);
                    return error_at(lx, "SyntaxError", start_line, start_col,
                                    "(unicode error) truncated \\%c escape", e);
                }
                v = v * 16 + (uint32_t)h;
                p++;
            }
            if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff && !bytes)) {
                free(b.data);
                return error_at(lx, "SyntaxError", start_line, start_col, "(unicode error) illegal Unicode character");
            }
            if (bytes) {
                char ch = (char)v;
                if (!buf_add(&b, &ch, 1))
                    goto oom;
            } else if (!buf_utf8(&b, v)) {
                goto oom;
            }
            continue;
        }
        default:
            /* unknown escapes keep their backslash, as in Python */
            if (!buf_add(&b, s + p - 2, 2))
                goto oom;
            continue;
        }
        if (!buf_add(&b, &out, 1))
            goto oom;
    }
    (void)start_line_start;
    {
        int cur_line = lx->line;
        size_t cur_ls = lx->line_start;
        lx->line = start_line;
        lx->line_start = start_line_start;
        Token *t = push(lx, TK_STRING, prefix_start);
        lx->line = cur_line;
        lx->line_start = cur_ls;
        if (!t) {
            free(b.data);
            return -1;
        }
        if (!b.data && !buf_add(&b, "", 0))
            goto oom;
        t->text = b.data;
        t->text_len = b.len;
        t->flags = (bytes ? STR_BYTES : 0) | (fstr ? STR_FSTRING : 0);
        t->len = (uint32_t)(p - prefix_start);
    }
    lx->pos = p;
    return 0;
oom:
    free(b.data);
    return error_at(lx, "MemoryError", lx->line, 0, "out of memory");
}

/* ---- numbers ----------------------------------------------------------------------- */

/* The decimal digits of an int literal of any length in base 2, 8, 10 or 16
 * (src[from..to), underscores skipped), NUL-terminated and malloc'd; NULL when
 * out of memory. Repeated multiply-add on base-10**4 chunks: O(n**2). */
static char *literal_to_decimal(const char *src, size_t from, size_t to, int base, uint32_t *len)
{
    size_t cap = (to - from) + 2, n = 0; /* chunks: 10**4 > 16 per source digit */
    uint32_t *ch = calloc(cap, sizeof *ch);
    char *out = malloc(4 * cap + 2);
    if (!ch || !out) {
        free(ch);
        free(out);
        return NULL;
    }
    for (size_t i = from; i < to; i++) {
        if (src[i] == '_')
            continue;
        uint32_t carry = (uint32_t)hexval(src[i]);
        for (size_t k = 0; k < n; k++) {
            uint32_t t = ch[k] * (uint32_t)base + carry;
            ch[k] = t % 10000;
            carry = t / 10000;
        }
        while (carry) {
            ch[n++] = carry % 10000;
            carry /= 10000;
        }
    }
    size_t o = 0;
    if (n == 0)
        out[o++] = '0';
    for (size_t k = n; k-- > 0;)
        o += (size_t)sprintf(out + o, k == n - 1 ? "%u" : "%04u", (unsigned)ch[k]);
    free(ch);
    *len = (uint32_t)o;
    return out;
}

static int lex_number(Lexer *lx)
{
    const char *s = lx->src;
    size_t start = lx->pos, p = start;
    bool is_float = false;
    int base = 10;
    if (s[p] == '0' && p + 1 < lx->len && strchr("xXoObB", s[p + 1])) {
        base = (s[p + 1] | 32) == 'x' ? 16 : (s[p + 1] | 32) == 'o' ? 8 : 2;
        p += 2;
    }
    char digits[512];
    size_t nd = 0;
    bool last_underscore = false, any = false;
    for (; p < lx->len; p++) {
        char c = s[p];
        if (c == '_') {
            if (last_underscore || (!any && base == 10))
                break;
            last_underscore = true;
            continue;
        }
        int v = hexval(c);
        bool ok = base == 16 ? v >= 0 : (c >= '0' && c <= '9' && c - '0' < base);
        if (base == 10 && (c == '.' || (c | 32) == 'e')) {
            if (c == '.' && is_float)
                break;
            if ((c | 32) == 'e') {
                size_t q = p + 1;
                if (q < lx->len && (s[q] == '+' || s[q] == '-'))
                    q++;
                if (q >= lx->len || s[q] < '0' || s[q] > '9')
                    break;
                if (nd + 2 < sizeof digits) {
                    digits[nd++] = 'e';
                    if (s[p + 1] == '+' || s[p + 1] == '-')
                        digits[nd++] = s[p + 1];
                }
                p = q - 1;
                is_float = true;
                /* only digits may follow */
                for (p = q; p < lx->len && ((s[p] >= '0' && s[p] <= '9') || s[p] == '_'); p++)
                    if (s[p] != '_' && nd + 1 < sizeof digits)
                        digits[nd++] = s[p];
                break;
            }
            is_float = true;
            if (nd + 1 < sizeof digits)
                digits[nd++] = '.';
            last_underscore = false;
            continue;
        }
        if (!ok)
            break;
        if (nd + 1 < sizeof digits)
            digits[nd++] = c;
        any = true;
        last_underscore = false;
    }
    digits[nd] = '\0';
    bool imaginary = base == 10 && !last_underscore && p < lx->len && (s[p] | 32) == 'j' &&
                     (p + 1 >= lx->len || !is_ident(s[p + 1]));
    if (imaginary) { /* 2j, 1.5j, 1e3j: a float token flagged TOKF_IMAG */
        Token *t = push(lx, TK_FLOAT, start);
        if (!t)
            return -1;
        t->len = (uint32_t)(p + 1 - start);
        t->fval = strtof(digits, NULL);
        t->flags = TOKF_IMAG;
        lx->pos = p + 1;
        return 0;
    }
    if (p < lx->len && (is_ident(s[p]) || last_underscore)) {
        const char *what = base == 16 ? "hexadecimal" : base == 8 ? "octal" : base == 2 ? "binary"
                           : (s[p] | 32) == 'j' && !last_underscore ? "imaginary" : "decimal";
        return error_at(lx, "SyntaxError", lx->line, col_of(lx, start), "invalid %s literal", what);
    }
    if (base != 10 && !any)
        return error_at(lx, "SyntaxError", lx->line, col_of(lx, start), "invalid %s literal",
                        base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary");
    Token *t = push(lx, is_float ? TK_FLOAT : TK_INT, start);
    if (!t)
        return -1;
    t->len = (uint32_t)(p - start);
    if (is_float) {
        t->fval = strtof(digits, NULL);
    } else {
        uint64_t v = 0;
        bool big = false;
        if (base == 10 && nd > 1 && digits[0] == '0') {
            for (size_t i = 0; i < nd; i++)
                if (digits[i] != '0')
                    return error_at(lx, "SyntaxError", lx->line, col_of(lx, start),
                                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        }
        for (size_t i = 0; i < nd; i++) {
            v = v * (uint64_t)base + (uint64_t)hexval(digits[i]);
            if (v > 0xffffffffull) {
                big = true;
                v = 0xffffffffull + 1;
            }
        }
        t->ival = (int64_t)v;
        t->flags = big;
        if (big) {
            size_t ndigits = 0;
            for (size_t i = start + (base == 10 ? 0 : 2); i < p; i++)
                ndigits += s[i] != '_';
            /* CPython 3.11's limit on decimal literals (its int string
             * conversion limit); other bases: a bound of P4JIT's (the decimal
             * text stored in the .p4b costs quadratic time to make) */
            if (base == 10 && ndigits > 4300)
                return error_at(lx, "SyntaxError", lx->line, col_of(lx, start),
                                "Exceeds the limit (4300 digits) for integer string conversion: value has %lu digits; "
                                "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge "
                                "integer literals to avoid decimal conversion limits.", (unsigned long)ndigits);
            if (base != 10 && ndigits * (base == 16 ? 4 : base == 8 ? 3 : 1) > 65536)
                return error_at(lx, "SyntaxError", lx->line, col_of(lx, start),
                                "integer literal too large for P4JIT (more than 65536 bits)");
            t->text = literal_to_decimal(s, start + (base == 10 ? 0 : 2), p, base, &t->text_len);
            if (!t->text)
                return error_at(lx, "MemoryError", lx->line, col_of(lx, start), "out of memory");
        }
    }
    lx->pos = p;
    return 0;
}

/* ---- operators -------------------------------------------------------------------- */

static const char *const operators[] = {
    /* longest first */
    "**=", "//=", ">>=", "<<=", "...", "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=",
    "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=",
    "%", "&", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">", "@", "[", "]", "^", "{",
    "|", "}", "~",
};

static int lex_operator(Lexer *lx)
{
    const char *s = lx->src + lx->pos;
    size_t left = lx->len - lx->pos;
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        size_t n = strlen(operators[i]);
        if (n <= left && memcmp(s, operators[i], n) == 0) {
            Token *t = push(lx, TK_OP, lx->pos);
            if (!t)
                return -1;
            memcpy(t->op, operators[i], n);
            t->len = (uint32_t)n;
            char c = s[0];
            if (n == 1 && (c == '(' || c == '[' || c == '{')) {
                if (lx->nbrackets >= MAX_NESTING)
                    return error_at(lx, "SyntaxError", lx->line, col_of(lx, lx->pos), "too many nested parentheses");
                lx->brackets[lx->nbrackets++] = (int32_t)(lx->out->n - 1);
            } else if (n == 1 && (c == ')' || c == ']' || c == '}')) {
                if (lx->nbrackets == 0)
                    return error_at(lx, "SyntaxError", lx->line, col_of(lx, lx->pos), "unmatched '%c'", c);
                int32_t open = lx->brackets[--lx->nbrackets];
                char oc = lx->out->tok[open].op[0];
                if ((oc == '(' && c != ')') || (oc == '[' && c != ']') || (oc == '{' && c != '}')) {
                    Token *o = &lx->out->tok[open];
                    if (o->line != lx->line)
                        return error_at(lx, "SyntaxError", lx->line, col_of(lx, lx->pos),
                                        "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                                        c, oc, o->line);
                    return error_at(lx, "SyntaxError", lx->line, col_of(lx, lx->pos),
                                    "closing parenthesis '%c' does not match opening parenthesis '%c'", c, oc);
                }
                lx->out->tok[open].match = (int32_t)(lx->out->n - 1);
                lx->out->tok[lx->out->n - 1].match = open;
            }
            lx->pos += n;
            return 0;
        }
    }
    if (s[0] == '!')
        return error_at(lx, "SyntaxError", lx->line, col_of(lx, lx->pos), "invalid syntax");
    if (s[0] == '$' || s[0] == '?' || s[0] == '`')
        return error_at(lx, "SyntaxError", lx->line, col_of(lx, lx->pos), "invalid syntax");
    return error_at(lx, "SyntaxError", lx->line, col_of(lx, lx->pos), "invalid character '%c' (U+%04X)",
                    s[0], (unsigned char)s[0]);
}

/* ---- lines and indentation -------------------------------------------------------- */

static int tab_error(Lexer *lx, size_t p)
{
    return error_at(lx, "TabError", lx->line, col_of(lx, p), "inconsistent use of tabs and spaces in indentation");
}

/* At the start of a logical line: measures indentation and emits INDENT or
 * DEDENTs. Blank and comment-only lines are skipped. Returns 1 at EOF. */
static int line_start(Lexer *lx)
{
    const char *s = lx->src;
    for (;;) {
        /* width: tabs to multiples of 8; alt: tabs as one column. CPython
         * rejects indentation whose order differs between the two. */
        int width = 0, alt = 0;
        size_t p = lx->pos;
        for (; p < lx->len; p++) {
            if (s[p] == ' ') {
                width++;
                alt++;
            } else if (s[p] == '\t') {
                width = (width / 8 + 1) * 8;
                alt++;
            } else if (s[p] == '\f') {
                width = alt = 0;
            } else {
                break;
            }
        }
        if (p >= lx->len) {
            lx->pos = p;
            return 1;
        }
        if (s[p] == '#' || s[p] == '\n' || s[p] == '\r' || (s[p] == '\\' && p + 1 < lx->len && s[p + 1] == '\n')) {
            while (p < lx->len && s[p] != '\n')
                p++;
            if (p < lx->len)
                p++;
            lx->pos = p;
            lx->line++;
            lx->line_start = p;
            continue;
        }
        lx->pos = p;
        int cur = lx->indents[lx->nindent];
        if (width == cur && alt != lx->alt_indents[lx->nindent])
            return tab_error(lx, p);
        if (width > cur) {
            if (alt <= lx->alt_indents[lx->nindent])
                return tab_error(lx, p);
            if (lx->nindent >= MAX_INDENT)
                return error_at(lx, "IndentationError", lx->line, col_of(lx, p), "too many levels of indentation");
            lx->nindent++;
            lx->indents[lx->nindent] = width;
            lx->alt_indents[lx->nindent] = alt;
            Token *t = push(lx, TK_INDENT, p);
            return t ? 0 : -1;
        }
        while (width < lx->indents[lx->nindent]) {
            lx->nindent--;
            if (!push(lx, TK_DEDENT, p))
                return -1;
        }
        if (width != lx->indents[lx->nindent])
            return error_at(lx, "IndentationError", lx->line, col_of(lx, p),
                            "unindent does not match any outer indentation level");
        if (alt != lx->alt_indents[lx->nindent])
            return tab_error(lx, p);
        return 0;
    }
}

/* Offset of the first byte that is not part of valid UTF-8, or len. */
static size_t utf8_error(const char *src, size_t len)
{
    const unsigned char *s = (const unsigned char *)src;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        size_t k;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            k = 1, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            k = 2, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            k = 3, cp = c & 0x07;
        } else {
            return i;
        }
        if (len - i <= k)
            return i;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80)
                return i;
            cp = cp << 6 | (s[i + j] & 0x3f);
        }
        static const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
        if (cp < min[k] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += k + 1;
    }
    return len;
}

static int lex_text(const char *src, size_t len, TokenList *out, P4CompileError *err);

/* Python reads source with universal newlines: \r\n and a lone \r end a
 * line like \n, also inside triple-quoted strings. */
int lex(const char *src, size_t len, TokenList *out, P4CompileError *err)
{
    if (!memchr(src, '\r', len))
        return lex_text(src, len, out, err);
    char *text = malloc(len + 1);
    if (!text) {
        memset(out, 0, sizeof *out);
        err->kind = "MemoryError";
        err->line = err->col = 0;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\r') {
            text[n++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        } else {
            text[n++] = src[i];
        }
    }
    text[n] = '\0';
    int r = lex_text(text, n, out, err);
    free(text); /* tokens keep copies of their text */
    return r;
}

static int lex_text(const char *src, size_t len, TokenList *out, P4CompileError *err)
{
    Lexer lx;
    memset(&lx, 0, sizeof lx);
    memset(out, 0, sizeof *out);
    lx.src = src;
    lx.len = len;
    lx.line = 1;
    lx.out = out;
    lx.err = err;
    if (memchr(src, '\0', len)) {
        const char *z = memchr(src, '\0', len);
        int line = 1;
        for (const char *q = src; q < z; q++)
            line += *q == '\n';
        return error_at(&lx, "SyntaxError", line, 0, "source code cannot contain null bytes");
    }
    size_t bad = utf8_error(src, len);
    if (bad < len) {
        int line = 1;
        size_t line_start = 0;
        for (size_t q = 0; q < bad; q++)
            if (src[q] == '\n') {
                line++;
                line_start = q + 1;
            }
        return error_at(&lx, "SyntaxError", line, (int)(bad - line_start) + 1,
                        "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %lu",
                        (unsigned char)src[bad], (unsigned long)bad);
    }
    if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0) /* UTF-8 byte order mark */
        lx.pos = 3;
    bool at_line_start = true;
    while (!lx.failed) {
        if (at_line_start && lx.nbrackets == 0) {
            int r = line_start(&lx);
            if (r < 0)
                break;
            if (r == 1)
                break; /* EOF */
            at_line_start = false;
        }
        if (lx.pos >= len)
            break;
        char c = src[lx.pos];
        if (c == ' ' || c == '\t' || c == '\f') {
            lx.pos++;
        } else if (c == '#') {
            while (lx.pos < len && src[lx.pos] != '\n')
                lx.pos++;
        } else if (c == '\\') {
            size_t q = lx.pos + 1;
            if (q < len && src[q] == '\r')
                q++;
            if (q < len && src[q] == '\n') {
                lx.pos = q + 1;
                lx.line++;
                lx.line_start = lx.pos;
            } else {
                error_at(&lx, "SyntaxError", lx.line, col_of(&lx, lx.pos), "unexpected character after line continuation character");
            }
        } else if (c == '\n' || c == '\r') {
            if (lx.nbrackets == 0 && out->n > 0 && out->tok[out->n - 1].kind != TK_NEWLINE) {
                Token *t = push(&lx, TK_NEWLINE, lx.pos);
                if (!t)
                    break;
            }
            if (c == '\r' && lx.pos + 1 < len && src[lx.pos + 1] == '\n')
                lx.pos++;
            lx.pos++;
            lx.line++;
            lx.line_start = lx.pos;
            at_line_start = lx.nbrackets == 0; /* inside brackets lines join */
        } else if (c >= '0' && c <= '9') {
            lex_number(&lx);
        } else if (c == '.' && lx.pos + 1 < len && src[lx.pos + 1] >= '0' && src[lx.pos + 1] <= '9') {
            lex_number(&lx);
        } else if (is_ident_start((unsigned char)c)) {
            size_t start = lx.pos, p = lx.pos;
            while (p < len && is_ident((unsigned char)src[p]))
                p++;
            /* string prefixes: r b f u and their combinations */
            size_t n = p - start;
            if (p < len && (src[p] == '\'' || src[p] == '"') && n <= 2) {
                bool raw = false, bytes = false, fstr = false, ok = true;
                for (size_t i = start; i < p; i++) {
                    char pc = (char)(src[i] | 32);
                    if (pc == 'r' && !raw) raw = true;
                    else if (pc == 'b' && !bytes && !fstr) bytes = true;
                    else if (pc == 'f' && !fstr && !bytes) fstr = true;
                    else if (pc == 'u' && n == 1) ;
                    else ok = false;
                }
                if (ok) {
                    lex_string(&lx, start, p, raw, bytes, fstr);
                    continue;
                }
            }
            bool ascii = true;
            for (size_t i = start; i < p && ascii; i++)
                ascii = (unsigned char)src[i] < 0x80;
            Buf name = {0};
            if (!ascii && ident_nfkc(&lx, start, p, &name) != 0) {
                free(name.data);
                break;
            }
            Token *t = push(&lx, TK_NAME, start);
            if (!t) {
                free(name.data);
                break;
            }
            t->len = (uint32_t)n;
            for (int k = 0; k < KW__COUNT && ascii; k++) {
                if (strlen(keywords[k]) == n && memcmp(keywords[k], src + start, n) == 0) {
                    t->kind = TK_KEYWORD;
                    t->kw = (uint8_t)k;
                    break;
                }
            }
            if (!ascii) { /* the NFKC form: ｘ and x are one name */
                t->text = name.data;
                t->text_len = name.len;
                lx.pos = p;
                continue;
            }
            t->text = malloc(n + 1);
            if (!t->text) {
                error_at(&lx, "MemoryError", lx.line, 0, "out of memory");
                break;
            }
            memcpy(t->text, src + start, n);
            t->text[n] = '\0';
            t->text_len = (uint32_t)n;
            lx.pos = p;
        } else if (c == '\'' || c == '"') {
            lex_string(&lx, lx.pos, lx.pos, false, false, false);
        } else {
            lex_operator(&lx);
        }
    }
    if (lx.failed)
        return -1;
    if (lx.nbrackets > 0) {
        Token *o = &out->tok[lx.brackets[lx.nbrackets - 1]];
        return error_at(&lx, "SyntaxError", o->line, o->col, "'%c' was never closed", o->op[0]);
    }
    if (out->n > 0 && out->tok[out->n - 1].kind != TK_NEWLINE && out->tok[out->n - 1].kind != TK_DEDENT)
        if (!push(&lx, TK_NEWLINE, lx.pos))
            return -1;
    while (lx.nindent > 0) {
        lx.nindent--;
        if (!push(&lx, TK_DEDENT, lx.pos))
            return -1;
    }
    return push(&lx, TK_EOF, lx.pos) ? 0 : -1;
}

void lex_free(TokenList *t)
{
    for (uint32_t i = 0; i < t->n; i++)
        free(t->tok[i].text);
    free(t->tok);
    memset(t, 0, sizeof *t);
}
