/*
 * jit.c - when to compile, the cache of specialisations, the pipeline of
 * passes (compile), and calling compiled code from the interpreter. What
 * compiled code calls back (failed checks, deoptimisation) is runtime.c;
 * --jit-report and listings are report.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jit/jit_int.h"
#include "port/port.h"
#include "vm/bytecode.h"
#include "vm/class.h"
#include "vm/p4b.h"

#include <stddef.h>

/* The word offsets compiled code reads objects at (jit_int.h), where they
 * are used: on RV32. */
#if UINTPTR_MAX == 0xffffffffu
_Static_assert(offsetof(Instance, dict) == 4 * JW_INSTANCE_DICT, "Instance.dict");
_Static_assert(offsetof(Dict, used) == 4 * JW_DICT_USED, "Dict.used");
_Static_assert(offsetof(Dict, entries) == 4 * JW_DICT_ENTRIES, "Dict.entries");
_Static_assert(sizeof(DictEntry) == 4 * JW_ENTRY_WORDS, "DictEntry");
_Static_assert(offsetof(DictEntry, key) + offsetof(Value, u) == 4 * JW_ENTRY_KEY, "DictEntry.key");
_Static_assert(offsetof(DictEntry, value) == 4 * JW_ENTRY_TYPE, "DictEntry.value");
_Static_assert(offsetof(DictEntry, value) + offsetof(Value, u) == 4 * JW_ENTRY_VALUE, "DictEntry.value.u");
_Static_assert(offsetof(Cell, value) == 4 * JW_CELL_TYPE, "Cell.value");
_Static_assert(offsetof(Cell, value) + offsetof(Value, u) == 4 * JW_CELL_VALUE, "Cell.value.u");
_Static_assert(offsetof(Obj, aux) == 2 * JH_OBJ_AUX, "Obj.aux");
#endif

int32_t jit_rt_depth;          /* calls compiled code may still make (RecursionError at 0) */
uint32_t jit_deopt_countdown;  /* -X jit-deopt-stress=N: guards to run before one deoptimises */
static uint32_t compile_depth; /* compile() nests when a callee is compiled first */
static size_t compile_heap;    /* the most heap one (outermost) compile used, where the port counts it */

#ifndef JIT_DEFAULT_CODE_SIZE
#define JIT_DEFAULT_CODE_SIZE (256u << 10) /* ESP-IDF: CONFIG_P4JIT_CODE_BUFFER_SIZE */
#endif

/* -X jit=auto compiles a function with a loop at its first call (without
 * on-stack replacement a loop run once, as a benchmark's or a program's
 * main loop, is compiled at its entry or never) and a loop-free one after
 * this many interpreted calls (docs/jit.md, "Policy"; was 2). Counting the
 * loop iterations of interpreted calls and compiling a function with a loop
 * only past a threshold was measured and dropped: bench/sieve.py,
 * mandelbrot.py and nbody.py, whose work is one call, ran interpreted
 * (21.9 M -> 194.5 M, 2.7 M -> 77.9 M, 5.3 M -> 101.8 M modelled cycles). */
#define JIT_DEFAULT_THRESHOLD 100

void jit_config_default(JitConfig *cfg)
{
    *cfg = (JitConfig){0}; /* fields added later (deopt_stress) start at "off" */
    cfg->mode = JIT_AUTO;
    cfg->call_threshold = JIT_DEFAULT_THRESHOLD;
    cfg->code_size = JIT_DEFAULT_CODE_SIZE;
    cfg->max_specs = 4;
    cfg->listings = false;
    cfg->pie = 0;
    /* vec14's packed panels of b are on (vec15: -X panel=off compiles
     * without them; cfg->no_panel starts false above) */
#if P4_PORT_PIE_PROBE
    cfg->pie = port_pie_encoding(); /* a device: its silicon's encoding (-X pie= overrides) */
#endif
}

static bool parse_uint(const char *s, uint32_t *out, bool size)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (end == s)
        return false;
    if (size && (*end == 'k' || *end == 'K'))
        v <<= 10, end++;
    else if (size && (*end == 'm' || *end == 'M'))
        v <<= 20, end++;
    if (*end || v > (1ul << 30))
        return false;
    *out = (uint32_t)v;
    return true;
}

bool jit_parse_option(JitConfig *cfg, const char *opt)
{
    if (strcmp(opt, "jit=off") == 0) cfg->mode = JIT_OFF;
    else if (strcmp(opt, "jit=auto") == 0) cfg->mode = JIT_AUTO;
    else if (strcmp(opt, "jit=eager") == 0) cfg->mode = JIT_EAGER;
    else if (strcmp(opt, "pie=off") == 0) cfg->pie = 0;
    else if (strcmp(opt, "pie=rev1") == 0) cfg->pie = 1;
    else if (strcmp(opt, "pie=rev3") == 0) cfg->pie = 3;
    else if (strcmp(opt, "hwloop=off") == 0) cfg->no_hwloop = true;
    else if (strcmp(opt, "hwloop=on") == 0) cfg->no_hwloop = false;
    else if (strcmp(opt, "panel=off") == 0) cfg->no_panel = true;
    else if (strcmp(opt, "panel=on") == 0) cfg->no_panel = false;
    else if (strcmp(opt, "ir-verify=on") == 0) cfg->verify_ir = true;
    else if (strncmp(opt, "jit-threshold=", 14) == 0) return parse_uint(opt + 14, &cfg->call_threshold, false);
    else if (strncmp(opt, "jit-code=", 9) == 0)
        return parse_uint(opt + 9, &cfg->code_size, true) && cfg->code_size >= 256;
    else if (strncmp(opt, "jit-deopt-stress=", 17) == 0)
        return parse_uint(opt + 17, &cfg->deopt_stress, false);
    else if (strncmp(opt, "jit-specs=", 10) == 0)
        return parse_uint(opt + 10, &cfg->max_specs, false) && cfg->max_specs >= 1;
    else return false;
    return true;
}

JitState *jit_state(VM *vm) { return vm->jit; }

static void remember_start(const JitConfig *cfg);

bool jit_init(VM *vm, const JitConfig *cfg)
{
    remember_start(cfg); /* (a REPL or a test that did not call jit_configure) */
    JitState *js = calloc(1, sizeof *js);
    if (!js)
        return false;
    js->vm = vm;
    js->cfg = *cfg;
    js->head.off = cfg->mode == JIT_OFF;
    compile_heap = 0;
    jit_deopt_countdown = cfg->deopt_stress;
#if P4_FIRMWARE && !P4_PORT_PIE_PROBE
    /* the bare-metal firmware (p4sim, QEMU): the code buffer is allocated at
     * the first code written (jit_code_buffer), so that a program that
     * compiles nothing does not pay for it (picolibc's malloc clears the 256K: 98 k
     * instructions, 0.2% of bench/py/nqueens.py) */
    js->nwatch = vm->program ? vm->program->nglobals : 0;
    js->watch = calloc(js->nwatch + 1, 1);
    if (!js->watch) {
        free(js);
        return false;
    }
    vm->jit = js;
    return true;
#endif
    js->code = port_alloc_code(cfg->code_size);
    js->code_exec = js->code != NULL;
#if P4_FIRMWARE
    if (!js->code && !cfg->listings) {
        /* a device without executable memory: no listing buffer either */
        fprintf(stderr, "p4jit: JIT off: no executable memory for a %lu-byte code buffer; running interpreted\n",
                (unsigned long)cfg->code_size);
        free(js);
        return true;
    }
#endif
    if (!js->code) /* the host: code is generated for reports and listings only */
        js->code = malloc(cfg->code_size);
    js->nwatch = vm->program ? vm->program->nglobals : 0;
    js->watch = calloc(js->nwatch + 1, 1);
    if (!js->code || !js->watch) {
        free(js->watch);
        free(js);
        return false;
    }
    vm->jit = js;
    return true;
}

static void free_spec(JitSpec *s);

static void free_specs(JitFunc *f)
{
    for (JitSpec *s = f->specs, *n; s; s = n) {
        n = s->next;
        free_spec(s);
    }
    f->specs = NULL;
    f->nspecs = 0;
}

static uint32_t code_hash(const Code *c, uint32_t cap)
{
    uint32_t h = (uint32_t)((uintptr_t)c >> 3) * 2654435761u; /* Fibonacci hashing of the address */
    return h & (cap - 1);
}

static void unhash(JitState *js, JitFunc *f)
{
    if (!js->capby_code || !f->code)
        return;
    for (JitFunc **link = &js->by_code[code_hash(f->code, js->capby_code)]; *link; link = &(*link)->next_hash)
        if (*link == f) {
            *link = f->next_hash;
            js->nby_code--;
            return;
        }
}

/* false when out of memory (the JitFunc is then only in js->all) */
static bool rehash(JitState *js, JitFunc *f)
{
    if (js->nby_code * 2 >= js->capby_code) {
        uint32_t nc = js->capby_code ? js->capby_code * 2 : 64;
        JitFunc **t = calloc(nc, sizeof *t);
        if (!t)
            return false;
        for (uint32_t i = 0; i < js->capby_code; i++)
            for (JitFunc *g = js->by_code[i], *n; g; g = n) {
                n = g->next_hash;
                uint32_t h = code_hash(g->code, nc);
                g->next_hash = t[h];
                t[h] = g;
            }
        free(js->by_code);
        js->by_code = t, js->capby_code = nc;
    }
    uint32_t h = code_hash(f->code, js->capby_code);
    f->next_hash = js->by_code[h];
    js->by_code[h] = f;
    js->nby_code++;
    return true;
}

static void free_spec(JitSpec *s)
{
    free(s->dump);
    free(s->loops);
    free(s);
}

void jit_prune_dead(VM *vm)
{
    JitState *js = vm->jit;
    if (!js)
        return;
    for (JitFunc *f = js->all; f; f = f->next_all)
        for (JitSpec **link = &f->specs; *link;) {
            JitSpec *s = *link;
            for (uint32_t i = 0; i < s->nparams; i++)
                if (s->params[i].cls && !gc_marked(vm, s->params[i].cls)) {
                    /* its class goes: another may take the address, so the
                     * specialisation must never match again */
                    s->params[i].cls = NULL;
                    s->vtag[i] = 0xff;
                    s->retired = true;
                }
            if (s->fn && !gc_marked(vm, s->fn))
                s->fn = NULL; /* (deoptimisation makes a function object of the code if it needs one) */
            if (s->closure && !s->closure_gone && !gc_marked(vm, s->closure)) {
                /* the cells it has built in may go too, and a new closure
                 * take the address: never matched again; compiled code
                 * only stays for the report (no caller can reach it: a
                 * compiled caller's callee holds its closure) */
                s->closure_gone = true;
                if (s->state != SPEC_COMPILED && !s->replaced_by) {
                    bool referenced = false; /* another specialisation replaced by it */
                    for (JitSpec *o = f->specs; o; o = o->next)
                        referenced |= o->replaced_by == s;
                    if (!referenced) {
                        *link = s->next;
                        f->nspecs -= f->nspecs > 0;
                        free_spec(s);
                        continue;
                    }
                }
            }
            link = &s->next;
        }
    for (JitFunc **link = &js->all; *link;) {
        JitFunc *f = *link;
        if (!f->code || gc_marked(vm, f->code)) {
            link = &f->next_all;
            continue;
        }
        /* its code goes (a program exec() made): so do all its function
         * objects, and nothing finds this JitFunc again */
        unhash(js, f);
        bool compiled = false;
        for (JitSpec *s = f->specs; s; s = s->next) {
            compiled |= s->state == SPEC_COMPILED;
            s->fn = NULL;
        }
        if (compiled) { /* other compiled code may call it: keep it, nameless */
            f->code = NULL;
            link = &f->next_all;
            continue;
        }
        *link = f->next_all;
        free_specs(f);
        free(f);
    }
}

void jit_free(VM *vm)
{
    JitState *js = vm->jit;
    if (!js)
        return;
    for (JitFunc *f = js->all, *n; f; f = n) {
        n = f->next_all;
        free_specs(f);
        free(f);
    }
    gc_forget_jit(vm); /* function objects that outlive the JIT (the REPL frees it at every input) */
    ir_pool_free();
    free(js->by_code);
    if (js->code_exec)
        port_free_code(js->code);
    else
        free(js->code); /* (NULL when nothing was compiled) */
    jit_vm_calls_free(js);
    free(js->sites);
    free(js->dmaps);
    free(js->dobjs);
    free(js->watch);
    free(js->mwatch);
    free(js->wanted);
    free(js);
    vm->jit = NULL;
}

uint32_t jit_add_site(JitState *js, const JitSite *s)
{
    if (js->nsites == js->capsites) {
        uint32_t nc = js->capsites ? js->capsites * 2 : 64;
        JitSite *p = realloc(js->sites, nc * sizeof *p);
        if (!p)
            return 0; /* site 0 then raises the wrong error at worst; never a crash */
        js->sites = p, js->capsites = nc;
    }
    js->sites[js->nsites] = *s;
    return js->nsites++;
}

bool jit_add_dmap(JitState *js, const uint8_t *bytes, uint32_t n, uint32_t *at)
{
    if (js->ndmaps + n > js->capdmaps) {
        uint32_t nc = (js->ndmaps + n) * 2 + 256;
        uint8_t *p = realloc(js->dmaps, nc);
        if (!p)
            return false;
        js->dmaps = p, js->capdmaps = nc;
    }
    memcpy(js->dmaps + js->ndmaps, bytes, n);
    *at = js->ndmaps;
    js->ndmaps += n;
    return true;
}

int32_t jit_add_dobj(JitState *js, Value v)
{
    for (uint32_t i = 0; i < js->ndobjs; i++)
        if (js->dobjs[i].type == v.type && js->dobjs[i].u.obj == v.u.obj)
            return (int32_t)i;
    if (js->ndobjs == js->capdobjs) {
        uint32_t nc = js->capdobjs ? js->capdobjs * 2 : 16;
        if (nc > 0xfffffu) /* DM_TAG's extra field */
            return -1;
        Value *p = realloc(js->dobjs, nc * sizeof *p);
        if (!p)
            return -1;
        js->dobjs = p, js->capdobjs = nc;
    }
    js->dobjs[js->ndobjs] = v;
    return (int32_t)js->ndobjs++;
}

JitInsExtra *jit_extra(Ir *ir, int32_t v)
{
    if ((uint32_t)v >= ir->capextra) {
        uint32_t nc = ((uint32_t)v + 1) * 2;
        JitInsExtra *p = realloc(ir->extra, nc * sizeof *p);
        if (!p)
            return NULL;
        memset(p + ir->capextra, 0, (nc - ir->capextra) * sizeof *p);
        ir->extra = p, ir->capextra = nc;
    }
    return &ir->extra[v];
}

/* depth: 0 for an argument, 1 for a row of a list argument. Compiled code
 * takes lists of numbers and lists of such lists, no deeper: a row holding a
 * list is no type, which also ends the walk on a list that contains itself
 * or a chain of lists as deep as the heap allows (it recursed without end:
 * issue 17). */
static JitType type_of_value(Value v, int depth)
{
    JitType t = {TY_VOID, 0, 0, NULL};
    switch ((Type)v.type) {
    case T_INT: t.ty = TY_INT; break;
    case T_BOOL: t.ty = TY_BOOL; break;
    case T_FLOAT: t.ty = TY_FLOAT; break;
    case T_ARRAY: /* (8-byte elements and the C long typecodes are not compiled) */
        if (!strchr("lLqQd", (char)AS(Array, v)->hdr.aux))
            t.ty = TY_PTR, t.obj = T_ARRAY, t.tc = (uint8_t)AS(Array, v)->hdr.aux;
        break;
    case T_BYTEARRAY: t.ty = TY_PTR, t.obj = T_BYTEARRAY, t.tc = 'Y'; break;
    case T_STR: /* compared and passed on (build.c, objcall.c) */
        if (depth == 0)
            t.ty = TY_PTR, t.obj = T_STR, t.tc = JIT_TC_STR;
        break;
    case T_INSTANCE: /* a method's self, or another instance: keyed by its class */
        if (depth == 0 && AS(Instance, v)->cls)
            t.ty = TY_PTR, t.obj = T_INSTANCE, t.tc = JIT_TC_INSTANCE, t.cls = AS(Instance, v)->cls;
        break;
    case T_LIST: {
        /* a list of floats, of ints, or of lists of one of those: every
         * item is looked at, each call (compiled code relies on it) */
        const List *l = AS(List, v);
        uint8_t kind = 0;
        bool empty_rows = false; /* an empty row fits a list of lists of any kind */
        for (uint32_t i = 0; i < l->len; i++) {
            const Value *x = &l->items[i];
            uint8_t k = x->type == T_FLOAT ? 'F' : x->type == T_INT ? 'N' : 0;
            if (x->type == T_LIST && AS(List, *x)->len == 0) {
                empty_rows = true;
                continue;
            }
            if (x->type == T_LIST) {
                if (depth > 0)
                    return t; /* a list of lists of lists: not compiled */
                JitType inner = type_of_value(*x, depth + 1);
                k = inner.tc == 'F' ? 'G' : inner.tc == 'N' ? 'M' : 0;
            }
            if (!k || (kind && k != kind))
                return t; /* empty, mixed or other items: not compiled */
            kind = k;
        }
        if (kind && (!empty_rows || kind == 'G' || kind == 'M'))
            t.ty = TY_PTR, t.obj = T_LIST, t.tc = kind;
        break;
    }
    default: break;
    }
    return t;
}

JitType jit_type_of_value(Value v) { return type_of_value(v, 0); }

const char *jit_type_name(JitType t, char *buf, size_t len)
{
    switch ((IrType)t.ty) {
    case TY_INT: return "int";
    case TY_BOOL: return "bool";
    case TY_FLOAT: return "float";
    case TY_NONE: return "None";
    case TY_PTR:
        if (t.tc == 'Y')
            return "bytearray";
        if (t.tc == JIT_TC_BOXED || !t.tc) /* (build.c: an object only passed on; a return type) */
            return "object";
        if (t.tc == JIT_TC_STR)
            return "str";
        if (t.tc == 'l' || t.tc == 'k' || t.tc == 'j' || t.tc == 'g') /* (build.c: a list read from an attribute) */
            return "list";
        if (t.tc == JIT_TC_INSTANCE || t.tc >= 0x80) { /* (0x80 and up: the builder's instance slots) */
            if (!t.cls)
                return "an instance";
            snprintf(buf, len, "%s", ((const Class *)t.cls)->t.name);
            return buf;
        }
        if (ir_is_list(t.tc))
            return t.tc == 'F' ? "list[float]" : t.tc == 'N' ? "list[int]" : t.tc == 'G' ? "list[list[float]]"
                                                                                         : "list[list[int]]";
        snprintf(buf, len, "array('%c')", t.tc);
        return buf;
    default: return "?";
    }
}

static bool same_types(const JitSpec *s, const JitType *t, uint32_t n, const Tuple *closure)
{
    if (s->nparams != n || s->closure != closure || s->closure_gone)
        return false;
    for (uint32_t i = 0; i < n; i++)
        if (s->params[i].ty != t[i].ty || s->params[i].tc != t[i].tc || s->params[i].cls != t[i].cls)
            return false;
    return true;
}

/* The Value type an argument of type t has (the first check of a call,
 * spec_fits), or 0xff for a type no argument is given (jit_type_of_value
 * never makes it: a builder's type for a callee it compiles). */
static uint8_t vtag_of(JitType t)
{
    switch ((IrType)t.ty) {
    case TY_INT: return t.tc || t.cls ? 0xff : T_INT;
    case TY_BOOL: return t.tc || t.cls ? 0xff : T_BOOL;
    case TY_FLOAT: return t.tc || t.cls ? 0xff : T_FLOAT;
    case TY_PTR:
        if (t.tc == 'Y') return t.cls ? 0xff : T_BYTEARRAY;
        if (t.tc == JIT_TC_STR) return t.cls ? 0xff : T_STR;
        if (t.tc == JIT_TC_INSTANCE) return t.cls ? T_INSTANCE : 0xff;
        if (t.tc == 'F' || t.tc == 'N' || t.tc == 'G' || t.tc == 'M') return t.cls ? 0xff : T_LIST;
        if (t.tc && !t.cls && strchr("bBhHiIf", (char)t.tc)) return T_ARRAY; /* (type_of_value's typecodes) */
        return 0xff;
    default: return 0xff;
    }
}

/* Do the arguments of a call have spec's types (what same_types says of
 * their jit_type_of_value, without typing them first)? A list is typed
 * in full: compiled code relies on every item. */
static bool args_fit(const JitSpec *s, const Value *args, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        const Value *a = &args[i];
        if (a->type != s->vtag[i])
            return false;
        switch (a->type) {
        case T_ARRAY:
            if (AS(Array, *a)->hdr.aux != s->params[i].tc)
                return false;
            break;
        case T_INSTANCE:
            if (AS(Instance, *a)->cls != s->params[i].cls)
                return false;
            break;
        case T_LIST:
            if (type_of_value(*a, 0).tc != s->params[i].tc)
                return false;
            break;
        default: break;
        }
    }
    return true;
}

static JitFunc *func_of(JitState *js, Function *fn)
{
    if (fn->jit)
        return fn->jit;
    const Code *c = fn->code;
    if (js->capby_code)
        for (JitFunc *g = js->by_code[code_hash(c, js->capby_code)]; g; g = g->next_hash)
            if (g->code == c) /* another function object of the code: its record */
                return fn->jit = g;
    JitFunc *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->code = c;
    for (uint32_t pc = 0; pc < c->ninsns; pc++) /* a backward jump is a loop */
        if (bc_opinfo[BC_OP(c->insns[pc])].flow == FLOW_JUMP && BC_ARG(c->insns[pc]) <= pc)
            f->has_loop = true;
    f->next_all = js->all;
    js->all = f;
    rehash(js, f); /* (out of memory: other function objects of the code get their own) */
    fn->jit = f;
    return f;
}

size_t jit_compile_heap_peak(void) { return compile_heap; }

int32_t jit_line_at(const Code *code, uint32_t pc)
{
    return bc_line_for_pc(code->src->linetab, code->src->linetab_len, (int32_t)code->src->firstline, pc);
}

/* True if a phi that may see an unassigned local is still used. */
static bool maybe_unbound(Ir *ir, IrRefusal *why, const Code *code)
{
    /* (no ir_count_uses here: ir_dce, the last pass to change operands,
     * leaves IrIns.uses exact, and ir_schedule only reorders) */
    for (uint32_t bi = 0; bi < ir->nblocks; bi++) {
        IrBlock *b = &ir->blocks[bi];
        if (b->dead)
            continue;
        for (uint32_t i = 0; i < b->nins; i++) {
            IrIns *in = &ir->ins[b->ins[i]];
            if (in->op != IR_PHI || in->uses == 0)
                continue;
            for (uint32_t p = 0; p < b->npreds; p++) {
                int32_t v = ir->lists[in->list + (int32_t)p];
                if (v >= 0 && ir->ins[v].op == IR_UNDEF) {
                    snprintf(why->why, sizeof why->why, "a local may be used before it is assigned");
                    why->line = jit_line_at(code, in->pc);
                    return true;
                }
            }
        }
    }
    return false;
}

static JitSpec *resolve(JitState *js, Function *callee, const JitType *args, uint32_t nargs);


/* True if the bytecode stores the result of the call at pc straight into a
 * local that is not a parameter and is assigned nowhere else: the
 * interpreter then keeps the array alive until the function returns, as
 * compiled code does. */
static bool kept_in_own_local(const Code *code, uint32_t pc)
{
    if (pc + 1 >= code->ninsns || BC_OP(code->insns[pc + 1]) != OP_STORE_FAST)
        return false;
    uint32_t local = BC_ARG(code->insns[pc + 1]);
    if (local < code->nparams)
        return false;
    for (uint32_t k = 0; k < code->ninsns; k++)
        if (k != pc + 1 && BC_OP(code->insns[k]) == OP_STORE_FAST && BC_ARG(code->insns[k]) == local)
            return false;
    return true;
}

/* Arrays compiled code allocates stay rooted until the outermost compiled
 * call returns to the interpreter (jit_rt_bytearray). So that they cannot
 * pile up, a function that allocates is compiled only without loops around
 * the allocation and without calling itself, and other compiled functions
 * do not call it (build.c): it runs only when the interpreter calls it.
 * So that compiled code keeps no array alive that the interpreter would
 * free before allocating again (a temporary `len(bytearray(n))`, a local
 * assigned twice), a function with two or more allocations is compiled only
 * when each one goes straight into a local of its own (tests/jit/
 * alloc_lifetime.py). */
static bool allocates_badly(const Ir *ir, JitSpec *spec, IrRefusal *why, const Code *code)
{
    const IrIns *at = NULL, *self = NULL, *loose = NULL;
    const char *what = NULL;
    uint32_t nalloc = 0;
    for (uint32_t b = 0; b < ir->nblocks; b++) {
        const IrBlock *bl = &ir->blocks[b];
        for (uint32_t i = 0; !bl->dead && i < bl->nins; i++) {
            const IrIns *in = &ir->ins[bl->ins[i]];
            if (in->op == IR_NEWBYTES) {
                spec->allocates = true;
                nalloc++;
                if (bl->loop_depth > 0 && !what)
                    at = in, what = "bytearray() inside a loop is not compiled";
                if (!loose && !kept_in_own_local(code, in->pc))
                    loose = in;
            }
            if (in->op == IR_CALL && ir->extra && (uint32_t)bl->ins[i] < ir->capextra &&
                ir->extra[bl->ins[i]].callee == spec)
                self = in;
        }
    }
    if (!what && spec->allocates && self)
        at = self, what = "a recursive function that allocates (bytearray) is not compiled";
    if (!what && nalloc > 1 && loose)
        at = loose, what = "bytearray() with another allocation and not kept in a local of its own is not compiled "
                           "(compiled code keeps it to the return)";
    if (!what)
        return false;
    snprintf(why->why, sizeof why->why, "%s", what);
    why->line = jit_line_at(code, at->pc);
    return true;
}

/* ---- globals compiled code built in -------------------------------------------------- */

/* Compiled code builds in the values of the globals it reads (build_obj.c);
 * assigning one of them later drops all compiled code. The main program's
 * globals are watched in an array, a byte a slot. An imported module's are
 * few: a list of (program, slot) pairs, with a 64-bit summary of their
 * slots so that a store to a global no code read (a module's counter)
 * costs one test.
 *
 * A build only asks (jit_watch_global): its globals are watched once its
 * code is made (commit_watches). A function refused after reading a global
 * it then assigns (`count += 1`, which compiled code does not do) would
 * otherwise drop all code at every call. Callees compiled while a caller
 * is built commit or forget their own requests first: the requests are a
 * stack. */
typedef struct WatchedGlobal {
    const Program *program;
    uint32_t slot;
} WatchedGlobal;

static void drop_all_code(JitState *js);

static bool watched(const JitState *js, const Program *p, uint32_t slot)
{
    if (p == js->vm->program && slot < js->nwatch)
        return js->watch[slot];
    if (!(js->mwatch_slots >> (slot & 63) & 1))
        return false;
    for (uint32_t i = 0; i < js->nmwatch; i++)
        if (js->mwatch[i].program == p && js->mwatch[i].slot == slot)
            return true;
    return false;
}

static bool push_watch(WatchedGlobal **list, uint32_t *n, uint32_t *cap, WatchedGlobal w)
{
    if (*n == *cap) {
        uint32_t c = *cap ? 2 * *cap : 8;
        WatchedGlobal *m = realloc(*list, c * sizeof *m);
        if (!m)
            return false;
        *list = m;
        *cap = c;
    }
    (*list)[(*n)++] = w;
    return true;
}

bool jit_watch_global(JitState *js, const Program *p, uint32_t slot)
{
    return watched(js, p, slot) ||
           push_watch(&js->wanted, &js->nwanted, &js->capwanted, (WatchedGlobal){p, slot});
}

/* The requests made since `mark` (the start of this build) are granted
 * (ok) or forgotten; false when out of memory. */
static bool commit_watches(JitState *js, uint32_t mark, bool ok)
{
    for (uint32_t i = mark; ok && i < js->nwanted; i++) {
        WatchedGlobal w = js->wanted[i];
        if (watched(js, w.program, w.slot))
            continue;
        if (w.program == js->vm->program && w.slot < js->nwatch)
            js->watch[w.slot] = 1;
        else if (push_watch(&js->mwatch, &js->nmwatch, &js->capmwatch, w))
            js->mwatch_slots |= 1ull << (w.slot & 63);
        else
            ok = false; /* (what is watched already stays: at worst a needless drop) */
    }
    js->nwanted = mark;
    return ok;
}

static void unwatch_all(JitState *js)
{
    memset(js->watch, 0, js->nwatch);
    js->nmwatch = 0;
    js->mwatch_slots = 0;
}

void jit_global_stored(VM *vm, const Program *p, uint32_t slot)
{
    JitState *js = vm->jit;
    if (!js || !watched(js, p, slot))
        return;
    unwatch_all(js);
    /* Compiled code baked the old value in: all of it goes. While compiled
     * code is running below a deoptimised frame (which can assign), it is
     * dropped once the outermost compiled call returns (jit_call), and
     * until then nothing compiled is entered. */
    if (js->running)
        js->drop_pending = true;
    else
        drop_all_code(js);
}

/* The code buffer, allocated now if jit_init left it to the first code
 * written (a function emitted, a trampoline); false when there is none. */
bool jit_code_buffer(JitState *js)
{
    if (js->code)
        return true;
    js->code = port_alloc_code(js->cfg.code_size);
    js->code_exec = js->code != NULL;
    if (!js->code && js->cfg.listings)
        js->code = malloc(js->cfg.code_size);
    if (js->code)
        return true;
    fprintf(stderr, "p4jit: JIT off: no executable memory for a %lu-byte code buffer; running interpreted\n",
            (unsigned long)js->cfg.code_size);
    js->cfg.mode = JIT_OFF;
    js->head.off = true;
    return false;
}

/* -X ir-verify=on: the IR checked after the builder and after each pass
 * (verify.c), the pass named in its reports */
#define VERIFY(stage) (js->cfg.verify_ir ? (void)ir_verify(&ir, stage, spec->code->name->data) : (void)0)
#define PASS(fn) (fn(&ir), VERIFY(#fn))

static void compile(JitState *js, JitSpec *spec)
{
    uint64_t t0 = port_cycles();
    PortHeap h0, h1;
    bool heap = compile_depth++ == 0 && port_heap(&h0);
    if (heap)
        port_heap_mark();
    Ir ir;
    uint32_t watch_mark = js->nwanted;
    spec->state = SPEC_BUILDING;
    spec->ret.ty = TY_VOID;
    bool ok = jit_build(js, spec, &ir, resolve);
    if (ok && spec->ret_guessed && ir.ret_type != TY_INT) {
        /* a recursive call assumed int: build again knowing the return type */
        spec->ret.ty = (uint8_t)ir.ret_type;
        spec->ret_guessed = false;
        ir_free(&ir);
        ok = jit_build(js, spec, &ir, resolve);
        if (ok && spec->ret_guessed) {
            snprintf(spec->why.why, sizeof spec->why.why, "the return type of a recursive call is unclear");
            ok = false;
        }
    }
    if (ok) {
        spec->ret.ty = (uint8_t)ir.ret_type;
        VERIFY("jit_build");
        PASS(ir_fold);
        PASS(ir_ranges);
        PASS(ir_cse);
        ir.no_panel = js->cfg.no_panel;
        if (js->cfg.pie)
            PASS(ir_vectorize);
        /* (a function on PIE lanes keeps its deopt maps: without them an
         * overflow in its scalar loops could only raise, where the
         * interpreter computes an int beyond 32 bits; docs/jit.md) */
        if (js->cfg.pie) PASS(ir_elementwise); /* elementwise.c: loops storing a[i] op b[i] on PIE lanes */
        if (js->cfg.pie) ir_loop_notes_finish(&ir); /* --jit-report: elementwise.c's loops */
        PASS(ir_licm);
        if (js->cfg.pie) PASS(ir_vector_entry); /* vector_entry.c: after licm, whose preheaders it uses */
        PASS(ir_version);
        PASS(ir_fold); /* the guards, with constants for the first iteration */
        PASS(ir_cse);
        PASS(ir_licm);
        PASS(ir_reassoc); /* the guards' flags, hoisted as far as they go, first */
        PASS(ir_licm);
        PASS(ir_sr);
        PASS(ir_fold);
        PASS(ir_dce);
        PASS(ir_unroll);
        PASS(ir_fold);
        PASS(ir_dce);
        PASS(ir_schedule);
        ir_dominators(&ir);
        ir_loops(&ir); /* loop depths for the register allocator's spill weights */
        ok = !maybe_unbound(&ir, &spec->why, spec->code) && !allocates_badly(&ir, spec, &spec->why, spec->code);
        if (ok && ir.oom) { /* a pass could not finish its change: the IR is not to be trusted */
            if (ir.preds_full)
                snprintf(spec->why.why, sizeof spec->why.why,
                         "an optimisation would join more than %d paths at one point", IR_MAX_PREDS);
            else
                snprintf(spec->why.why, sizeof spec->why.why, "out of memory while optimising");
            spec->why.line = jit_line_at(spec->code, 0);
            ok = false;
        }
        spec->vector_lanes = ir.vector_lanes, spec->vector_taps = ir.vector_taps;
        free(spec->loops);
        spec->loops = ir.notes, spec->nloops = ir.nnotes, ir.notes = NULL, ir.nnotes = 0;
        spec->vector_line = ir.vector_lanes ? jit_line_at(spec->code, ir.vector_pc) : 0;
    }
    if (ok && !jit_code_buffer(js)) {
        snprintf(spec->why.why, sizeof spec->why.why, "no memory for the JIT's code buffer");
        ok = false;
    }
    if (ok) {
        char *asmtext = NULL;
        ok = jit_emit_rv32(js, spec, &ir, js->cfg.listings ? &asmtext : NULL);
        if (!ok && !spec->why.line) /* the emitter's refusals are about the whole function */
            spec->why.line = jit_line_at(spec->code, 0);
        /* the instruction fetch must see the new code: on the chip the
         * I-cache, in p4sim the decode cache (fence.i; esp_cache_msync
         * under ESP-IDF), also where dropped code is written over */
        if (ok && js->code_exec)
            port_sync_code(js->code + spec->code_off, spec->code_len);
        if (ok && asmtext)
            spec->dump = jit_listing(&ir, asmtext);
        free(asmtext);
    }
    ir_free(&ir);
    if (!commit_watches(js, watch_mark, ok) && ok) {
        snprintf(spec->why.why, sizeof spec->why.why, "out of memory watching the globals it reads");
        ok = false;
    }
    spec->bc_insns = spec->code->ninsns;
    spec->compile_cycles = port_cycles() - t0;
    spec->state = ok ? SPEC_COMPILED : SPEC_REFUSED;
    js->compiles++;
    compile_depth--;
    if (heap && port_heap(&h1) && h1.peak_since_mark - h0.in_use > compile_heap)
        compile_heap = h1.peak_since_mark - h0.in_use;
}

static JitSpec *new_spec(JitFunc *f, Function *fn, const JitType *args, uint32_t nargs)
{
    JitSpec *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->fn = fn;
    s->code = f->code;
    s->closure = fn->closure;
    s->nparams = (uint8_t)nargs;
    memcpy(s->params, args, nargs * sizeof *args);
    for (uint32_t i = 0; i < nargs; i++)
        s->vtag[i] = vtag_of(args[i]);
    s->next = f->specs;
    f->specs = s;
    f->nspecs++;
    return s;
}

/* The specialisation that replaced s, or s (recompilations chain). */
static JitSpec *jit_newest(JitSpec *s)
{
    while (s->replaced_by)
        s = s->replaced_by;
    return s;
}

/* A specialisation retired with a wider assumption to try (jit_rt_deopt):
 * the same argument types compiled again, a merge that deoptimised too
 * often widened to float. Not counted against -X jit-specs (each
 * recompilation widens one more merge, at most JIT_MAX_WIDENED). */
static JitSpec *recompile(JitState *js, JitFunc *f, Function *fn, JitSpec *old)
{
    JitSpec *s = new_spec(f, fn, old->params, old->nparams);
    if (!s) {
        old->fate = JIT_INTERPRETED;
        return old;
    }
    f->nspecs--;
    memcpy(s->float_merges, old->float_merges, sizeof s->float_merges);
    s->nfloat_merges = old->nfloat_merges;
    s->float_merges[s->nfloat_merges++] = old->fate_pc;
    old->fate = JIT_RECOMPILED, old->replaced_by = s;
    compile(js, s);
    return s;
}

static JitSpec *resolve(JitState *js, Function *callee, const JitType *args, uint32_t nargs)
{
    JitFunc *f = func_of(js, callee);
    if (!f)
        return NULL;
    for (JitSpec *s = f->specs; s; s = s->next)
        if (same_types(s, args, nargs, callee->closure)) {
            /* the function object a compiled caller holds, alive while
             * the caller's code is (a deoptimisation runs it) */
            s = jit_newest(s);
            s->fn = callee;
            return s;
        }
    JitSpec *s = new_spec(f, callee, args, nargs);
    const Value *example = js->example;
    uint32_t nexample = js->nexample;
    /* a callee compiled first has no example arguments but the instances
     * its compiled caller passes on (build.c call_function) */
    js->example = js->callee_example, js->nexample = js->ncallee_example;
    js->callee_example = NULL, js->ncallee_example = 0;
    if (s)
        compile(js, s);
    js->example = example, js->nexample = nexample;
    return s;
}

/* The calls compiled code entered here may make before RecursionError
 * (s11, tested before each call): the interpreter's count (the recursion
 * limit less the frames running), and no more than fit in what is left of
 * the machine stack above its limit (port_stack_limit) or of the
 * interpreter's value stack, at the largest frame of this function and
 * its callees. With a recursion limit memory cannot hold, compiled code
 * thus raises RecursionError, as the interpreter does when its value
 * stack runs out, instead of overrunning the stack (issue 17). */
/* min(budget, room / per): the division (a libcall of tens of instructions
 * on RV32) only when the product may not fit or memory is the bound. */
static uint32_t fit(uint32_t budget, uint32_t room, uint32_t per)
{
    if (budget <= UINT16_MAX && per <= UINT16_MAX && budget * per <= room)
        return budget;
    uint32_t n = room / per;
    return n < budget ? n : budget;
}

static int32_t call_budget(VM *vm, const JitSpec *spec)
{
    if (vm->nframes + 1 >= vm->cfg.max_frames)
        return 0;
    uint32_t budget = vm->cfg.max_frames - vm->nframes - 1;
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0), limit = vm->c_stack_limit;
    if (limit)
        budget = fit(budget, sp > limit ? (uint32_t)(sp - limit) : 0, spec->frame_bytes ? spec->frame_bytes : 16);
    budget = fit(budget, (uint32_t)(vm->stack_end - vm->sp), spec->slots_per_call ? spec->slots_per_call : 1);
    return budget > INT32_MAX ? INT32_MAX : (int32_t)budget;
}

static bool call_slow(VM *vm, Function *fn, Value *args, int nargs, Value *out, bool *ok);

bool jit_may_take(VM *vm, const Function *fn)
{
    return vm->jit && !vm->jit->head.off && !(fn->code->hdr.flags & CODE_JIT_DECLINED);
}

/* The JIT takes no more calls of f's code: head.off for call_slow, and the
 * code's CODE_JIT_DECLINED for jit_call's first test, which function objects
 * made anew (a comprehension's, a lambda's) meet before func_of's hash
 * lookup and call_slow's register saves (event_loop's comprehensions in a
 * refused method: jit_call, call_slow and func_of were 37 k instructions
 * at 600 ticks, p4prof). drop_all_code clears both. */
static void give_up(JitFunc *f, Function *fn)
{
    f->head.off = true;
    fn->code->hdr.flags |= CODE_JIT_DECLINED; /* (f->code: the same code, const here) */
}

/* What most calls of an interpreted program take: a function the JIT gave
 * up, or a generator, refused before anything else, in a function small
 * enough to need no frame (the rest, call_slow, saves a dozen registers:
 * 28 instructions a call of nqueens' generators, p4prof). */
bool jit_call(VM *vm, Function *fn, Value *args, int nargs, Value *out, bool *ok)
{
    const JitState *js = vm->jit;
    Code *c = fn->code;
    if (!js || js->head.off || (c->hdr.flags & CODE_JIT_DECLINED) || nargs != c->nparams)
        return false;
    /* a generator (a generator expression's function is made anew each time
     * it is evaluated) is never compiled: no JitFunc, no typing of its calls */
    if (c->ninsns && BC_OP(c->insns[0]) == OP_RETURN_GENERATOR) {
        c->hdr.flags |= CODE_JIT_DECLINED;
        return false;
    }
    /* -X jit=auto: a loop-free function below its threshold only counts the
     * call, here rather than past call_slow's register saves (70
     * instructions a call of bench/jitobj2/sensors.py's methods, p4prof) */
    JitFunc *f = fn->jit;
    if (f && !f->specs && !f->has_loop && js->cfg.mode == JIT_AUTO &&
        f->work + 1 < js->cfg.call_threshold) {
        f->work++;
        return false;
    }
    return call_slow(vm, fn, args, nargs, out, ok);
}

/* -X jit=auto: is fn a new closure of a code whose closures are made anew
 * and called once (a factory's result called and dropped)? Each closure's
 * cells are compiled into its own specialisation, so every new one would be
 * compiled again, for one call: a closure of the code compiled already and
 * entered only once says so, and fn is left to the interpreter (a closure
 * with specialisations of its own goes on as usual). Compiling a closure
 * only at its second call (none of a new closure at each call) was measured
 * and dropped: bench/jitobj/filter.py's closures then run their first,
 * 1000-iteration call interpreted (whole run 2.22 M -> 3.08 M instructions,
 * against 1.77 M -> 2.04 M for 300 closures made and called once). */
static bool closure_made_anew(const JitFunc *f, const Function *fn)
{
    bool once = false;
    for (const JitSpec *s = f->specs; s; s = s->next) {
        if (s->closure == fn->closure && !s->closure_gone)
            return false;
        /* (entries of the current window: at most one means called once,
         * or a new window just began; nothing counted per entry for it) */
        once |= s->closure && s->state == SPEC_COMPILED && !s->replaced_by && s->window_entries <= 1;
    }
    return once;
}

/* Parks f: the JIT takes no call of it (CODE_JIT_DECLINED, as for one
 * given up: the interpreter tests it before calling jit_call) until a
 * function whose loop the estimate left interpreted is compiled at last
 * (unpark_all), which compiles the callees it calls itself. */
static void park(JitState *js, JitFunc *f, Function *fn)
{
    f->parked = true;
    js->nparked++;
    fn->code->hdr.flags |= CODE_JIT_DECLINED;
}

static void unpark_all(JitState *js)
{
    for (JitFunc *f = js->all; f && js->nparked; f = f->next_all)
        if (f->parked) {
            f->parked = false;
            js->nparked--;
            if (f->code && !f->head.off)
                ((Code *)(uintptr_t)f->code)->hdr.flags &= (uint8_t)~CODE_JIT_DECLINED;
        }
    js->nparked = 0;
}

/* -X jit=auto: is the running frame a function whose calling loop the
 * profit estimate left interpreted (profit.c), or a callee of one waiting
 * for that reason? Its loop-free callees then
 * wait for as many calls as that loop's compile waits for iterations:
 * compiled at -X jit-threshold's 100 calls they would be compiled for calls
 * from the interpreter, which gain them little (bench/jitobj2/sensors.py's
 * six methods: 1.8 M cycles to compile for 400 calls each). */
static bool called_from_deferred_loop(const VM *vm)
{
    const Function *caller = vm->nframes ? vm->frames[vm->nframes - 1].func : NULL;
    const JitFunc *g = caller ? caller->jit : NULL;
    return g && (g->loops_declined || g->parked) && !g->specs && !g->head.off; /* (or one it calls) */
}

static __attribute__((noinline)) bool call_slow(VM *vm, Function *fn, Value *args, int nargs, Value *out, bool *ok)
{
    JitState *js = vm->jit;
    JitFunc *f = func_of(js, fn);
    if (!f || f->head.off)
        return false;
    if (nargs > JIT_MAX_PARAMS) { /* (rv32/emit.c: registers, then the stack) */
        if (!f->untyped[0])
            snprintf(f->untyped, sizeof f->untyped, "it has %d parameters (compiled code takes at most %d)",
                     nargs, JIT_MAX_PARAMS);
        return false;
    }
    /* the call's arguments checked against each specialisation's value
     * tags first (most calls find theirs here, without typing) */
    JitSpec *spec = NULL;
    for (JitSpec *s = f->specs; s; s = s->next)
        if (s->closure == fn->closure && s->nparams == nargs && !s->closure_gone && args_fit(s, args, (uint32_t)nargs)) {
            spec = s;
            break;
        }
    if (!spec) {
        /* auto: not before its work reaches the threshold (a kernel taking an
         * array at once); the arguments are not typed until then */
        if (js->cfg.mode == JIT_AUTO && !f->specs && !f->has_loop) {
            if (called_from_deferred_loop(vm)) { /* (its first call, from such a loop, comes here) */
                park(js, f, fn);
                return false;
            }
            if (f->work < UINT32_MAX)
                f->work++;
            if (f->work < js->cfg.call_threshold)
                return false;
        }
        /* auto: a loop that makes objects, compiled once its trips repay it (profit.c) */
        if (js->cfg.mode == JIT_AUTO && !f->specs && f->has_loop) {
            if (!jit_loop_repays(f, args, nargs)) {
                if (f->loops_declined < UINT32_MAX)
                    f->loops_declined++;
                return false;
            }
            if (f->loops_declined && js->nparked)
                unpark_all(js);
        }
        if (js->cfg.mode == JIT_AUTO && fn->closure && closure_made_anew(f, fn)) {
            if (f->closures_declined < UINT32_MAX)
                f->closures_declined++;
            return false;
        }
        JitType types[JIT_MAX_PARAMS];
        for (int i = 0; i < nargs; i++) {
            types[i] = jit_type_of_value(args[i]);
            if (types[i].ty == TY_VOID) {
                if (!f->untyped[0])
                    snprintf(f->untyped, sizeof f->untyped, "argument %d is %s%s", i + 1,
                             args[i].type == T_LIST   ? "a list not of one numeric kind (floats, ints, or lists of one of those)"
                             : args[i].type == T_LONG ? "an int beyond 32 bits (compiled code has 32-bit ints)"
                                                      : "of type ",
                             args[i].type == T_LIST || args[i].type == T_LONG ? "" : type_name(args[i]));
                if (++f->refused_calls >= 16 && !f->specs)
                    give_up(f, fn); /* called with what compiled code never takes: stop typing its calls */
                return false;
            }
        }
        if (js->drop_pending)
            return false;
        f->calls++;
        /* -X jit-specs counts the specialisations of one function object:
         * of the code, or of one closure of it (each closure has its own,
         * with its cells built in; a few more of collected closures may
         * stay with their code, never matched again) */
        uint32_t mine = 0;
        for (JitSpec *s = f->specs; s; s = s->next)
            mine += s->closure == fn->closure && !s->closure_gone && !s->replaced_by;
        if (mine >= js->cfg.max_specs || f->nspecs >= 16 * js->cfg.max_specs) {
            if (!fn->closure)
                give_up(f, fn);
            return false;
        }
        spec = new_spec(f, fn, types, (uint32_t)nargs);
        if (!spec)
            return false;
        js->example = args, js->nexample = (uint32_t)nargs; /* attribute layouts (build.c) */
        compile(js, spec);
        js->example = NULL, js->nexample = 0;
    }
    if (js->drop_pending)
        return false;
    if (spec->state == SPEC_REFUSED && ++f->refused_calls >= 16) {
        /* refused for every type of argument it was called with so far:
         * stop typing its calls (the interpreter's call is cheaper) */
        bool any = false;
        for (JitSpec *s = f->specs; s; s = s->next)
            any |= s->state == SPEC_COMPILED;
        if (!any)
            give_up(f, fn);
    }
    spec = jit_newest(spec);
    if (spec->fate == JIT_RECOMPILE) {
        js->example = args, js->nexample = (uint32_t)nargs; /* attribute layouts, as for the first compilation */
        spec = recompile(js, f, fn, spec);
        js->example = NULL, js->nexample = 0;
    }
    if (spec->state != SPEC_COMPILED || spec->retired || !js->code_exec || vm->nframes >= vm->cfg.max_frames)
        return false;
    if (spec->window_entries == JIT_DEOPT_WINDOW) /* a new window of the deopt rate (jit_rt_deopt) */
        spec->window_entries = spec->window_deopts = 0;
    spec->window_entries++;
    if (!spec->fn) /* (the function object it was compiled for was collected) */
        spec->fn = fn;
    uint32_t argv[JIT_MAX_PARAMS], result = 0;
    for (int i = 0; i < nargs; i++) {
        if (spec->params[i].ty == TY_PTR)
            argv[i] = (uint32_t)(uintptr_t)args[i].u.obj;
        else
            memcpy(&argv[i], &args[i].u, 4);
    }
    JitState *saved = jit_rt_swap(js);
    int32_t saved_depth = jit_rt_depth;
    jit_rt_depth = spec->makes_calls ? call_budget(vm, spec) : 0; /* a leaf never reads it */
    int (*entry)(const uint32_t *, uint32_t *) = (int (*)(const uint32_t *, uint32_t *))(void *)(js->code + spec->entry);
    Value *sp = vm->sp; /* arrays the code allocates stay rooted above it until it returns */
    js->running++;
    js->deopt_result_pending = false;
    int st = entry(argv, &result);
    js->running--;
    vm->sp = sp;
    jit_rt_swap(saved);
    jit_rt_depth = saved_depth;
    if (js->deopt_result_pending) { /* a deoptimised call's result that compiled code cannot hold */
        js->deopt_result_pending = false;
        *out = js->deopt_result;
        *ok = true;
        if (!js->running && js->drop_pending)
            drop_all_code(js);
        return true;
    }
    if (!js->running && js->drop_pending)
        drop_all_code(js);
    if (st != 0) {
        *ok = false;
        return true;
    }
    switch ((IrType)spec->ret.ty) {
    case TY_INT: *out = v_int((int32_t)result); break;
    case TY_BOOL: *out = v_bool(result != 0); break;
    case TY_FLOAT: { float x; memcpy(&x, &result, 4); *out = v_float(x); break; }
    case TY_PTR: *out = v_obj((void *)(uintptr_t)result); break; /* an object (build.c, vmcall.c) */
    default: *out = v_none(); break;
    }
    *ok = true;
    return true;
}

static void drop_all_code(JitState *js)
{
    js->drop_pending = false;
    for (JitFunc *f = js->all; f; f = f->next_all) {
        free_specs(f);
        if ((f->head.off || f->parked) && f->code) /* (its code is the program's, const to the JIT's records) */
            ((Code *)(uintptr_t)f->code)->hdr.flags &= (uint8_t)~CODE_JIT_DECLINED;
        f->head.off = f->parked = false;
    }
    unwatch_all(js);
    js->nparked = 0;
    js->code_used = 0;
    js->retired_tramp = 0; /* in the dropped code */
    jit_vm_calls_free(js);
    js->last_retired = NULL;
    js->nsites = 0;
    js->ndmaps = 0;
    js->ndobjs = 0;
    js->code_full = false;
}

/* ---- switching modes inside a run (p4.jit_mode) ------------------------------------------ */

static JitConfig start_cfg; /* the run's -X options (jit_configure) */
static bool start_cfg_set;

void jit_configure(const JitConfig *cfg)
{
    start_cfg = *cfg;
    start_cfg_set = true;
}

static void remember_start(const JitConfig *cfg)
{
    if (!start_cfg_set)
        jit_configure(cfg);
}

const char *jit_run_name(JitRun mode)
{
    static const char *const names[] = {[JIT_RUN_OFF] = "off", [JIT_RUN_SCALAR] = "scalar", [JIT_RUN_PIE] = "pie"};
    return names[mode];
}

JitRun jit_run_mode(VM *vm)
{
    const JitState *js = vm->jit;
    if (!js || js->head.off)
        return JIT_RUN_OFF;
    return js->cfg.pie ? JIT_RUN_PIE : JIT_RUN_SCALAR;
}

unsigned jit_run_modes(VM *vm)
{
    unsigned modes = 1u << JIT_RUN_OFF | 1u << jit_run_mode(vm);
#if P4_FIRMWARE /* (the host generates code for reports; it never runs there) */
    if (start_cfg_set) {
        modes |= 1u << JIT_RUN_SCALAR;
        if (start_cfg.pie)
            modes |= 1u << JIT_RUN_PIE;
    }
#endif
    return modes;
}

bool jit_switch(VM *vm, JitRun mode)
{
    JitState *js = vm->jit;
    if (mode == jit_run_mode(vm))
        return true;
    if (!(jit_run_modes(vm) & 1u << mode))
        return vm_raise(vm, EXC_ValueError, "JIT mode '%s' is not available in this run%s", jit_run_name(mode),
                        mode == JIT_RUN_PIE ? " (it started without PIE: -X pie=off, QEMU, or the host)"
                                            : " (compiled code runs only on the RV32 firmware)");
    if (js && js->running)
        return vm_raise(vm, EXC_RuntimeError,
                        "cannot switch the JIT mode while compiled code runs (a compiled function called this)");
    if (mode == JIT_RUN_OFF) { /* the code stays for a switch back (it matches cfg.pie) */
        js->head.off = true;
        return true;
    }
    JitMode policy = start_cfg.mode != JIT_OFF ? start_cfg.mode : JIT_AUTO;
    uint8_t pie = mode == JIT_RUN_PIE ? start_cfg.pie : 0;
    if (!js) {
        JitConfig cfg = start_cfg;
        cfg.mode = policy;
        cfg.pie = pie;
        return jit_init(vm, &cfg) || vm_raise_oom(vm);
    }
    /* PIE code must never run without PIE, nor scalar code stand in for
     * PIE's: all of it goes when the setting changes (nothing compiled is
     * on the machine stack: running is 0) */
    if (pie != js->cfg.pie)
        drop_all_code(js);
    js->cfg.pie = pie;
    js->cfg.mode = policy;
    js->head.off = false;
    return true;
}
