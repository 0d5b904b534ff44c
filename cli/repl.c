/*
 * repl.c - the interactive prompt (p4jit_repl_main, repl.h).
 *
 * Like CPython's interactive mode: ">>> " for a new input, "... " for the
 * lines of a block (ended by an empty line) or of open brackets; an input
 * that is one expression has its value's repr printed (unless None) and
 * kept in `_`; an error is printed and the session goes on.
 *
 * Each input is compiled as a module of its own. Globals persist because
 * every program of the session numbers them alike: an input's source starts
 * with one line naming the session's globals in slot order (make_source),
 * which the compiler (slots in order of first use) turns into the same
 * slots, and all programs share one array of global slots
 * (switch_program), so functions defined earlier see later assignments. Tracebacks count that line: an input's
 * first line is line 2 (CPython says line 1).
 *
 * Every input's module stays allocated until the session ends: functions,
 * and tracebacks kept in exceptions, refer to their code.
 */
#include "repl.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit.h"
#include "vm/obj.h"
#include "vm/p4b.h"
#include "vm/vm.h"
#if P4_HAVE_COMPILER
#include "lang/compile.h"
#endif

#define REPL_FILE "<stdin>"

#if P4_HAVE_COMPILER

typedef struct Text {
    char *s;
    size_t len, cap;
} Text;

static bool text_add(Text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = (t->len + n + 1) * 2;
        char *p = realloc(t->s, cap);
        if (!p)
            return false;
        t->s = p, t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
    return true;
}

static bool text_str(Text *t, const char *s) { return text_add(t, s, strlen(s)); }

static bool echo; /* --echo: the console does not echo what is typed (a UART) */

/* Reads one line (without its end) into *line; false at end of input.
 * Besides EOF, end of input is Ctrl-D (0x04) at the start of a line, for
 * consoles that pass it through (a UART under ESP-IDF, a raw terminal), and
 * a 0xFF byte, which UTF-8 text never has: picolibc's semihosting console
 * reads with SYS_READC, which has no end of file and gives EOF as 0xFF. A
 * line ends at \n, \r or \r\n. */
static bool read_line(Text *line)
{
    static bool after_cr;
    line->len = 0;
    if (!text_add(line, "", 0))
        return false;
    for (;;) {
        int c = fgetc(stdin);
        if (c == '\n' && after_cr) { /* the \n of \r\n */
            after_cr = false;
            continue;
        }
        after_cr = c == '\r';
        if (c == EOF || c == 0xff || (c == 0x04 && line->len == 0))
            return line->len > 0; /* a last line without its end counts */
        if (c == '\n' || c == '\r') {
            if (echo)
                fputc('\n', stdout);
            return true;
        }
        if (echo && (c == 0x7f || c == '\b')) { /* a raw console's backspace */
            if (line->len > 0) {
                line->s[--line->len] = '\0';
                fputs("\b \b", stdout);
                fflush(stdout);
            }
            continue;
        }
        char ch = (char)c;
        if (!text_add(line, &ch, 1))
            return false;
        if (echo) {
            fputc(c, stdout);
            fflush(stdout);
        }
    }
}

/* What a line leaves open, carried across the lines of one input. */
typedef struct Scan {
    int depth;     /* open brackets */
    char quote;    /* inside a triple-quoted string: its quote character */
    bool backslash; /* the line ended with a continuation backslash */
    bool colon;    /* the line's last token is ':' (a block follows) */
} Scan;

static void scan_line(Scan *sc, const char *s)
{
    sc->backslash = sc->colon = false;
    char last = 0;
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        if (sc->quote) { /* the rest of a triple-quoted string */
            if (c == '\\' && s[i + 1])
                i++;
            else if (c == sc->quote && s[i + 1] == c && s[i + 2] == c)
                sc->quote = 0, i += 2;
            continue;
        }
        if (c == '#')
            break;
        if (c == '\'' || c == '"') {
            if (s[i + 1] == c && s[i + 2] == c) {
                sc->quote = c, i += 2;
                continue;
            }
            for (i++; s[i] && s[i] != c; i++) /* a one-line string */
                if (s[i] == '\\' && s[i + 1])
                    i++;
            if (!s[i])
                break;
            last = c;
            continue;
        }
        if (c == '(' || c == '[' || c == '{')
            sc->depth++;
        else if ((c == ')' || c == ']' || c == '}') && sc->depth > 0)
            sc->depth--;
        if (c != ' ' && c != '\t')
            last = c;
        if (c == '\\' && s[i + 1] == '\0')
            sc->backslash = true;
    }
    sc->colon = last == ':' && sc->depth == 0 && !sc->quote;
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

/* Reads one input: a line, or the lines of a block or of open brackets.
 * Returns false at end of input before anything was typed. */
static bool read_input(Text *input, Text *line)
{
    input->len = 0;
    Scan sc = {0, 0, false, false};
    bool block = false;
    for (bool first = true;; first = false) {
        fputs(first ? ">>> " : "... ", stdout);
        fflush(stdout);
        if (!read_line(line)) {
            if (first)
                return false;
            break; /* end of input ends the block too */
        }
        if (first && blank(line->s) && !sc.depth)
            return text_add(input, "", 0); /* an empty input: a new prompt */
        if (block && blank(line->s) && !sc.depth && !sc.quote && !sc.backslash)
            break;
        if (!text_add(input, line->s, line->len) || !text_add(input, "\n", 1))
            return false;
        scan_line(&sc, line->s);
        if (sc.colon)
            block = true;
        if (!block && !sc.depth && !sc.quote && !sc.backslash)
            break;
    }
    return true;
}

/* The source of an input. Its first line names the session's globals in
 * slot order without evaluating them (`if False: a, b` before statements,
 * `_ = (a, b) if False else (` before an expression, whose value is then
 * printed); the input follows from line 2 on. */
static bool make_source(Text *src, const P4bModule *prev, const char *input, bool as_expr)
{
    src->len = 0;
    uint32_t n = prev ? prev->nglobals : 0;
    bool ok = text_add(src, "", 0) && text_str(src, as_expr ? "_ = " : n ? "if False: " : "pass");
    if (ok && as_expr && n)
        ok = text_str(src, "(");
    for (uint32_t i = 0; ok && i < n; i++) {
        const P4bString *name = &prev->strings[prev->globals[i]];
        ok = (i == 0 || text_str(src, ", ")) && text_add(src, (const char *)name->bytes, name->len);
    }
    if (ok && as_expr)
        ok = text_str(src, n ? ") if False else (" : "(");
    ok = ok && text_str(src, "\n") && text_str(src, input);
    if (ok && as_expr)
        ok = text_str(src, ")\nif _ is not None:\n    print(repr(_))\n");
    return ok;
}

/* Compiles source into a validated module (malloc'd); prints a compile
 * error when `report`. */
static P4bModule *compile_input(const char *src, size_t len, bool report)
{
    uint8_t *image;
    size_t image_len;
    P4CompileError cerr;
    if (p4_compile_to_p4b(src, len, REPL_FILE, &image, &image_len, &cerr) != 0) {
        if (report)
            p4_print_compile_error(stderr, REPL_FILE, src, len, &cerr);
        return NULL;
    }
    P4bModule *m = calloc(1, sizeof *m);
    char err[256];
    int rc = m ? p4b_read(image, image_len, m, err, sizeof err) : -1;
    free(image);
    if (rc != 0) {
        if (m)
            fprintf(stderr, "p4jit: internal error: the compiler produced an invalid module: %s\n", err);
        free(m);
        return NULL;
    }
    return m;
}

/* The modules and sources of earlier inputs, freed when the session ends. */
typedef struct Kept {
    P4bModule **mods;
    char **srcs;
    uint32_t n, cap;
} Kept;

static bool keep(Kept *k, P4bModule *m, char *src)
{
    if (k->n == k->cap) {
        uint32_t cap = k->cap ? k->cap * 2 : 16;
        P4bModule **mods = realloc(k->mods, cap * sizeof *mods);
        if (mods)
            k->mods = mods;
        char **srcs = realloc(k->srcs, cap * sizeof *srcs);
        if (srcs)
            k->srcs = srcs;
        if (!mods || !srcs)
            return false;
        k->cap = cap;
    }
    k->mods[k->n] = m;
    k->srcs[k->n++] = src;
    return true;
}

/* The session's global slots, shared by all its programs: code reads the
 * globals of its own program (Code.program), and a function defined by an
 * earlier input must see later assignments. A T_RAW payload in the VM's
 * heap, reachable through the programs that point to it. */
enum { REPL_MAX_GLOBALS = 1024 };
static Value *session_globals;

/* Loads m (owning src) as the running program, its globals the session's;
 * false (error printed) if it cannot be loaded. */
static bool switch_program(VM *vm, P4bModule *m, char *src, size_t len, Kept *kept)
{
    if (m->nglobals > REPL_MAX_GLOBALS) {
        fprintf(stderr, "p4jit: the REPL session has more than %d global names\n", REPL_MAX_GLOBALS);
        p4b_free(m);
        free(m);
        free(src);
        return false;
    }
    Program *old = vm->program;
    if (old && !keep(kept, old->p4b, (char *)old->source)) {
        p4b_free(m);
        free(m);
        free(src);
        fputs("p4jit: out of memory\n", stderr);
        return false;
    }
    if (old)
        VM_ROOT(vm, v_obj(old)); /* the session's globals while loading */
    bool ok = vm_load_program(vm, m, src, len);
    Program *p = vm->program;
    if (ok && !session_globals) {
        session_globals = gc_alloc_raw(vm, REPL_MAX_GLOBALS * sizeof(Value));
        for (uint32_t i = 0; session_globals && i < REPL_MAX_GLOBALS; i++)
            session_globals[i] = v_unbound();
        ok = session_globals != NULL;
    }
    if (ok)
        p->globals = session_globals; /* (its own, all unbound, becomes garbage) */
    if (old)
        VM_UNROOT(vm, 1);
    if (!ok) { /* out of memory: the session goes on with the old program */
        vm_flush(vm);
        if (vm->exc.type == T_EXCEPTION)
            vm_print_exception(vm, vm->exc);
        vm->exc = v_unbound();
        if (p && p != old && p->p4b == m) { /* the failed program's module and text */
            p4b_free(m);
            free(m);
            p->p4b = NULL;
            free(src);
        }
        vm->program = old;
        if (old)
            kept->n--; /* old's module is the running one again */
    }
    return ok;
}

static int parse_options(int argc, char **argv, VMConfig *cfg, JitConfig *jcfg)
{
    for (int i = 1; i < argc; i++) {
        char *end;
        if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            errno = 0;
            unsigned long long v = strtoull(argv[++i], &end, 10);
            if (*end == 'K' || *end == 'k')
                v <<= 10, end++;
            else if (*end == 'M' || *end == 'm')
                v <<= 20, end++;
            if (errno || *end || v < 16384 || v > 0x7ff00000ull) {
                fprintf(stderr, "p4jit: bad heap size '%s' (at least 16K)\n", argv[i]);
                return 2;
            }
            cfg->heap_size = (size_t)v;
        } else if (strcmp(argv[i], "--stack") == 0 && i + 1 < argc) {
            errno = 0;
            unsigned long v = strtoul(argv[++i], &end, 10);
            if (errno || *end || v < 256 || v > (1ul << 24)) {
                fprintf(stderr, "p4jit: bad stack size '%s' (256 to 16M slots)\n", argv[i]);
                return 2;
            }
            cfg->stack_slots = (uint32_t)v;
        } else if (strcmp(argv[i], "--echo") == 0) {
            echo = true;
        } else if (strcmp(argv[i], "-X") == 0 && i + 1 < argc) {
            if (!jit_parse_option(jcfg, argv[++i])) {
                fprintf(stderr, "p4jit: bad -X option '%s' (see p4jit --help)\n", argv[i]);
                return 2;
            }
        } else {
            fprintf(stderr, "p4jit: unknown repl option '%s' (usage: p4jit repl [-m SIZE] [--stack N] [-X OPT]... [--echo])\n",
                    argv[i]);
            return 2;
        }
    }
    return 0;
}

int p4jit_repl_main(int argc, char **argv)
{
    VMConfig cfg;
    vm_config_default(&cfg);
    JitConfig jcfg;
    jit_config_default(&jcfg);
#if !P4_FIRMWARE
    jcfg.mode = JIT_OFF; /* the host cannot run RV32 code */
#endif
    int rc = parse_options(argc, argv, &cfg, &jcfg);
    if (rc)
        return rc;
    session_globals = NULL; /* (a session before this one had another VM) */
    VM *vm = vm_new(&cfg);
    if (!vm) {
        fputs("p4jit: cannot allocate the VM's memory\n", stderr);
        return 2;
    }
    Text input = {0}, line = {0}, src = {0};
    Kept kept = {0};
    while (read_input(&input, &line)) {
        if (blank(input.s))
            continue;
        const P4bModule *prev = vm->program ? vm->program->p4b : NULL;
        /* one expression: its value is shown; otherwise statements */
        P4bModule *m = NULL;
        if (make_source(&src, prev, input.s, true))
            m = compile_input(src.s, src.len, false);
        if (!m && make_source(&src, prev, input.s, false))
            m = compile_input(src.s, src.len, true);
        if (!m)
            continue;
        char *text = malloc(src.len + 1);
        if (!text) {
            p4b_free(m);
            free(m);
            fputs("p4jit: out of memory\n", stderr);
            continue;
        }
        memcpy(text, src.s, src.len + 1);
        /* compiled code may have the old program's globals built in */
        bool jit = jcfg.mode != JIT_OFF;
        if (jit)
            jit_free(vm);
        if (!switch_program(vm, m, text, src.len, &kept))
            continue;
        if (jit && !jit_init(vm, &jcfg))
            fputs("p4jit: cannot allocate the JIT's memory; interpreting\n", stderr);
        if (!vm_run_program(vm)) {
            vm_flush(vm);
            if (vm->exc.type == T_EXCEPTION)
                vm_print_exception(vm, vm->exc);
            vm->exc = v_unbound();
        }
        fflush(stdout);
    }
    fputc('\n', stdout);
    fflush(stdout);
    char *current = vm->program ? (char *)vm->program->source : NULL;
    jit_free(vm);
    vm_free(vm);
    session_globals = NULL;
    free(current);
    for (uint32_t i = 0; i < kept.n; i++) {
        if (kept.mods[i]) {
            p4b_free(kept.mods[i]);
            free(kept.mods[i]);
        }
        free(kept.srcs[i]);
    }
    free(kept.mods);
    free(kept.srcs);
    free(input.s);
    free(line.s);
    free(src.s);
    return 0;
}

#else

int p4jit_repl_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("p4jit: this build has no source compiler: no REPL\n", stderr);
    return 2;
}

#endif
