/*
 * jit.c - when to compile, the cache of specialisations, calling compiled
 * code from the interpreter, and the runtime entry points compiled code
 * calls when a check fails.
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
static JitState *rt_state;     /* the state of the running compiled code */

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

static int32_t line_at(const Code *code, uint32_t pc)
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
                    why->line = line_at(code, in->pc);
                    return true;
                }
            }
        }
    }
    return false;
}

static JitSpec *resolve(JitState *js, Function *callee, const JitType *args, uint32_t nargs);

static char *concat_dump(const Ir *ir, const char *asmtext);

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
    why->line = line_at(code, at->pc);
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
            spec->why.line = line_at(spec->code, 0);
            ok = false;
        }
        spec->vector_lanes = ir.vector_lanes, spec->vector_taps = ir.vector_taps;
        free(spec->loops);
        spec->loops = ir.notes, spec->nloops = ir.nnotes, ir.notes = NULL, ir.nnotes = 0;
        spec->vector_line = ir.vector_lanes ? line_at(spec->code, ir.vector_pc) : 0;
    }
    if (ok && !jit_code_buffer(js)) {
        snprintf(spec->why.why, sizeof spec->why.why, "no memory for the JIT's code buffer");
        ok = false;
    }
    if (ok) {
        char *asmtext = NULL;
        ok = jit_emit_rv32(js, spec, &ir, js->cfg.listings ? &asmtext : NULL);
        if (!ok && !spec->why.line) /* the emitter's refusals are about the whole function */
            spec->why.line = line_at(spec->code, 0);
        /* the instruction fetch must see the new code: on the chip the
         * I-cache, in p4sim the decode cache (fence.i; esp_cache_msync
         * under ESP-IDF), also where dropped code is written over */
        if (ok && js->code_exec)
            port_sync_code(js->code + spec->code_off, spec->code_len);
        if (ok && asmtext)
            spec->dump = concat_dump(&ir, asmtext);
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
    JitState *saved = rt_state;
    int32_t saved_depth = jit_rt_depth;
    rt_state = js;
    jit_rt_depth = spec->makes_calls ? call_budget(vm, spec) : 0; /* a leaf never reads it */
    int (*entry)(const uint32_t *, uint32_t *) = (int (*)(const uint32_t *, uint32_t *))(void *)(js->code + spec->entry);
    Value *sp = vm->sp; /* arrays the code allocates stay rooted above it until it returns */
    js->running++;
    js->deopt_result_pending = false;
    int st = entry(argv, &result);
    js->running--;
    vm->sp = sp;
    rt_state = saved;
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

/* ---- called from compiled code -------------------------------------------------------- */

static Value witness_value(const JitType *t, uint32_t bits)
{
    switch ((IrType)t->ty) {
    case TY_BOOL: return v_bool(bits != 0);
    case TY_FLOAT: { float f; memcpy(&f, &bits, 4); return v_float(f); }
    case TY_PTR: return v_obj((void *)(uintptr_t)bits);
    default: return v_int((int32_t)bits);
    }
}

/* A check failed at a site: run the bytecode operation the interpreter's
 * way on the same operands, which raises the exception it would have. */
int32_t jit_rt_fail(uint32_t x, uint32_t y, uint32_t z, uint32_t site)
{
    JitState *js = rt_state;
    VM *vm = js->vm;
    const JitSite *s = &js->sites[site];
    uint32_t bits[3] = {x, y, z};
    Value w[3], out;
    for (int i = 0; i < 3; i++)
        w[i] = i < s->nw ? witness_value(&s->w[i], bits[i]) : v_int(0);
    unsigned op = BC_OP(s->code->insns[s->pc]);
    bool raised;
    if (s->native)
        raised = !s->native->fn(vm, w, s->nw, NULL, &out);
    else if (s->irop == IR_CALL) /* its one check, the recursion budget: CALL, CALL_METHOD (self.f(...)), a class call */
        raised = !vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
    else if (op == OP_BINARY_SUBSCR)
        raised = !vm_getitem(vm, w[0], w[1], &out);
    else if (op == OP_STORE_SUBSCR)
        raised = !vm_setitem(vm, w[0], w[1], w[2]); /* an index check has no value witness: 0 */
    else if (op == OP_UNARY_NEG)
        raised = !vm_unary_op(vm, op, w[0], &out);
    else
        raised = !vm_binary_op(vm, op, w[0], w[1], &out);
    /* An int result beyond 32 bits (a long) is not an error: its check
     * deoptimises instead of coming here, and the emitter refuses a
     * function where such a check has no deopt map (emit.c, may_overflow). */
    if (!raised && out.type == T_LONG)
        vm_raise(vm, EXC_RuntimeError, "JIT: an int overflow check without a deopt map (a JIT bug)");
    else if (!raised)
        vm_raise(vm, EXC_RuntimeError, "JIT: a check failed where the interpreter succeeds (a JIT bug)");
    if (vm->exc.type == T_EXCEPTION)
        exc_add_traceback(vm, AS(Exception, vm->exc), s->code, s->pc);
    return 1;
}

/* bytearray(n) from compiled code: the new array, kept alive on the value
 * stack until the outermost compiled call returns (jit_call), as compiled
 * code holds it where the collector does not look. 0 when it raised (the
 * code then unwinds, like a failed call). */
uint32_t jit_rt_bytearray(int32_t n)
{
    VM *vm = rt_state->vm;
    Value arg = v_int(n), out;
    if (vm->sp >= vm->stack_end) {
        vm_raise(vm, EXC_MemoryError, "JIT: too many arrays allocated by one compiled call");
        return 0;
    }
    if (!bi_bytearray.fn(vm, &arg, 1, NULL, &out))
        return 0;
    *vm->sp++ = out;
    return (uint32_t)(uintptr_t)out.u.obj;
}

/* float // and % (b != 0: compiled code checks first), the interpreter's way */
float jit_rt_ffloordiv(float a, float b) { return float_floor_mod(a, b, false); }
float jit_rt_fmod(float a, float b) { return float_floor_mod(a, b, true); }
int32_t jit_rt_fpow_bad(float a, float b) { return float_pow_raises(a, b); }

int32_t jit_rt_unwind(uint32_t site)
{
    JitState *js = rt_state;
    const JitSite *s = &js->sites[site];
    if (js->deopt_result_pending && s->dmap)
        return 0; /* the callee's result is of another type: this caller deoptimises too, with it */
    if (js->deopt_result_pending) {
        /* a callee deoptimised and its interpreted rest returned a value
         * of another type than its compiled code returns, and this call
         * site has no deopt map to leave with */
        js->deopt_result_pending = false;
        vm_raise(js->vm, EXC_RuntimeError, "JIT: a deoptimised call returned %s into compiled code (not supported yet)",
                 type_name(js->deopt_result));
        if (js->vm->exc.type == T_EXCEPTION)
            exc_add_traceback(js->vm, AS(Exception, js->vm->exc), s->code, s->pc);
        return 1;
    }
    if (js->vm->exc.type == T_EXCEPTION)
        exc_add_traceback(js->vm, AS(Exception, js->vm->exc), s->code, s->pc);
    return 1;
}

#define JIT_DEOPT_LIMIT_TEXT "8"
#define JIT_DEOPT_WINDOW_TEXT "1024"
_Static_assert(JIT_DEOPT_LIMIT == 8 && JIT_DEOPT_WINDOW == 1024, "JIT_DEOPT_LIMIT_TEXT, JIT_DEOPT_WINDOW_TEXT");

/* ---- deoptimisation ---------------------------------------------------------------------- */

static uint64_t return_bits(JitState *js, const JitSpec *spec, Value result);

static uint32_t read_varint(const uint8_t **p)
{
    uint32_t v = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
        uint8_t c = *(*p)++;
        v |= (uint32_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            break;
    }
    return v;
}

/* The bits of one value of an encoded map (JitSite.dmap, DL_*). */
static uint32_t read_location(const uint8_t **p, const uint32_t *regs, const uint8_t *frame)
{
    uint8_t c = *(*p)++;
    uint32_t bits, slot;
    if (c < 64)
        return regs[c];
    if (c < 0x80 || c == DL_SLOT16) {
        slot = c < 0x80 ? c - 64u : (uint32_t)(*p)[0] | (uint32_t)(*p)[1] << 8;
        if (c == DL_SLOT16)
            *p += 2;
        memcpy(&bits, frame + 4 * slot, 4);
        return bits;
    }
    if (c == DL_INT) {
        uint32_t z = read_varint(p);
        return (z >> 1) ^ (0u - (z & 1));
    }
    memcpy(&bits, *p, 4); /* DL_FLOAT */
    *p += 4;
    return bits;
}

/* One slot of the frame from its kind and values (iterators are made here:
 * compiled code keeps a counter and a bound where the interpreter has an
 * object). false: out of memory (raised). */
static bool rebuild_slot(VM *vm, JitState *js, unsigned kind, uint32_t extra, uint32_t *x, Value *out)
{
    float f;
    switch (kind) {
    case DM_INT: *out = v_int((int32_t)x[0]); return true;
    case DM_BOOL: *out = v_bool(x[0] != 0); return true;
    case DM_FLOAT: memcpy(&f, &x[0], 4); *out = v_float(f); return true;
    case DM_NONE: *out = v_none(); return true;
    case DM_PTR: *out = v_obj((void *)(uintptr_t)x[0]); return true;
    case DM_OBJ: *out = js->dobjs[extra]; return true;
    case DM_RANGE_IT: case DM_COUNTED_IT: {
        if (extra & 1) /* the current item (and iterations left before it): one step on, as for_item does */
        {
            x[0] += kind == DM_RANGE_IT ? 1u : x[2];
            x[1] -= kind == DM_COUNTED_IT;
        }
        Iter *it = iter_new(vm, ITER_RANGE, v_none());
        if (!it)
            return false;
        it->i = (int32_t)x[0];
        if (kind == DM_RANGE_IT)
            it->a = (int32_t)x[1], it->b = 1;
        else {
            /* next value, iterations left, step: a stop the interpreter's
             * range_next gives exactly that many more values for */
            int32_t step = (int32_t)x[2];
            int64_t stop = (int64_t)(int32_t)x[0] + (int64_t)(int32_t)x[1] * step;
            it->a = stop > INT32_MAX ? INT32_MAX : stop < INT32_MIN ? INT32_MIN : (int32_t)stop;
            it->b = step;
        }
        *out = v_obj(it);
        return true;
    }
    case DM_ARRAY_IT: {
        Iter *it = iter_new(vm, ITER_SEQ, v_obj((void *)(uintptr_t)x[1]));
        if (!it)
            return false;
        it->i = (int32_t)(x[0] + (extra & 1));
        *out = v_obj(it);
        return true;
    }
    case DM_RESULT: *out = js->deopt_result; return true;
    case DM_NOSELF: default: *out = v_unbound(); return true;
    }
}

/* A specialisation deoptimised JIT_DEOPT_LIMIT times within a window of
 * JIT_DEOPT_WINDOW entries: it is no longer entered, from the interpreter
 * or (retired.c) from compiled callers. Its guard that deoptimised most says what
 * next: a merge whose int type a float path kept leaving (a variable int on
 * one path and float on another) is compiled again with that merge a float
 * (the int paths leave instead: worth it when the float path is the common
 * one), once per merge; anything else stays interpreted: an int beyond 32
 * bits has no wider type in compiled code, and a call that returns another
 * type, or a merge widened already, would deoptimise again. */
static void retire(JitState *js, JitSpec *spec)
{
    spec->retired = true;
    spec->redirected = jit_redirect_retired(js, spec); /* compiled callers too (retired.c) */
    const JitSite *top = NULL;
    for (uint32_t i = 0; i < js->nsites; i++)
        if (js->sites[i].spec == spec && js->sites[i].dmap && (!top || js->sites[i].deopts > top->deopts))
            top = &js->sites[i];
    if (!top)
        return;
    spec->fate_op = top->irop, spec->fate_pc = top->pc, spec->fate_count = top->deopts;
    bool widened = false;
    for (uint32_t i = 0; i < spec->nfloat_merges; i++)
        widened |= spec->float_merges[i] == top->pc;
    spec->fate = top->to_float && !widened && spec->nfloat_merges < JIT_MAX_WIDENED ? JIT_RECOMPILE : JIT_INTERPRETED;
}

/* The interpreter runs a frame for compiled code (a deoptimised frame, a
 * retired callee's call) with `below` compiled frames under it, which it
 * does not see: its recursion limit is lowered by that many while it runs,
 * so RecursionError comes at the depth where it would without the JIT, and
 * a C stack too low for another run() raises it too (compiled code, its
 * deopt stub and run() nest on the machine stack). false: raised. */
static bool enter_interpreter(VM *vm, uint32_t below, uint32_t *saved_max)
{
    if (!vm_recursion_enter(vm, NULL))
        return false;
    *saved_max = vm->cfg.max_frames;
    vm->cfg.max_frames = below < *saved_max ? *saved_max - below : 0;
    return true;
}

static void leave_interpreter(VM *vm, uint32_t saved_max)
{
    vm->cfg.max_frames = saved_max;
    vm_recursion_leave(vm);
}

/* Compiled frames active, from s11 (DEPTH): jit_call's budget jit_rt_depth
 * less one per prologue of a function that makes calls, so at such a
 * function's body it is jit_rt_depth - (frames - 1). */
static uint32_t compiled_frames(int32_t s11)
{
    int32_t n = jit_rt_depth - s11 + 1;
    return n > 0 ? (uint32_t)n : 0;
}

/* for vmcall.c (calls into the interpreter) */
JitState *jit_rt_state(void) { return rt_state; }
bool jit_enter_interpreter(VM *vm, uint32_t below, uint32_t *saved_max) { return enter_interpreter(vm, below, saved_max); }
void jit_leave_interpreter(VM *vm, uint32_t saved_max) { leave_interpreter(vm, saved_max); }
uint32_t jit_compiled_frames(int32_t s11) { return compiled_frames(s11); }

Value *jit_box_args(VM *vm, const JitType *params, uint32_t n, const uint32_t *args)
{
    uint32_t nx = 0, nf = 0, ns = 0;
    Value *argv = vm->sp;
    if (argv + n + 2 > vm->stack_end) {
        vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) {
        JitType t = params[i];
        /* (the ninth of a class and after: on the stack, rv32/emit.c) */
        uint32_t bits = t.ty == TY_FLOAT ? (nf < 8 ? args[8 + nf++] : args[JIT_TRAMP_STACK_ARGS + ns++])
                                         : (nx < 8 ? args[nx++] : args[JIT_TRAMP_STACK_ARGS + ns++]);
        float x;
        switch ((IrType)t.ty) {
        case TY_INT: argv[i] = v_int((int32_t)bits); break;
        case TY_BOOL: argv[i] = v_bool(bits != 0); break;
        case TY_FLOAT: memcpy(&x, &bits, 4); argv[i] = v_float(x); break;
        default: argv[i] = v_obj((void *)(uintptr_t)bits); break;
        }
    }
    vm->sp = argv + n;
    return argv;
}

/* A retired specialisation's compiled callers (and its own recursive
 * calls) jump into its body; retired.c turns the body's first instruction
 * into a jump to the trampoline that brings them here instead: the call
 * runs in the interpreter, or in the specialisation compiled to replace
 * it (jit_call decides, as for a call from the interpreter). The result
 * goes back as jit_rt_deopt's does: bits that fit the retired code's
 * return type, else js->deopt_result for the caller to deoptimise with. */
uint64_t jit_rt_retired_call(uint32_t body, const uint32_t *args, int32_t depth_left)
{
    JitState *js = rt_state;
    VM *vm = js->vm;
    uint32_t off = body - (uint32_t)(uintptr_t)js->code;
    JitSpec *spec = js->last_retired;
    if (!spec || spec->body != off) {
        spec = NULL;
        for (JitFunc *f = js->all; f && !spec; f = f->next_all)
            for (JitSpec *s = f->specs; s && !spec; s = s->next)
                if (s->redirected && s->body == off)
                    spec = s;
    }
    if (!spec || !spec->fn) { /* cannot happen: only a retired body jumps here */
        vm_raise(vm, EXC_RuntimeError, "JIT: a call of retired code that is not known (a JIT bug)");
        return 1;
    }
    js->last_retired = spec;
    spec->retired_calls++;
    uint32_t n = spec->nparams;
    Value *argv = jit_box_args(vm, spec->params, n, args);
    if (!argv)
        return 1;
    /* every compiled frame active is below the call (s11 as the caller left it) */
    uint32_t max_frames;
    Value result;
    bool ok = enter_interpreter(vm, compiled_frames(depth_left), &max_frames);
    if (ok) {
        /* jit_call only where compiled code replaces it (typing the
         * arguments again would cost every call of one left interpreted) */
        bool replaced = spec->fate == JIT_RECOMPILE || spec->fate == JIT_RECOMPILED;
        if (!replaced || !jit_call(vm, (Function *)spec->fn, argv, (int)n, &result, &ok))
            ok = vm_call(vm, v_obj(spec->fn), argv, (int)n, NULL, &result);
        leave_interpreter(vm, max_frames);
    }
    vm->sp = argv;
    if (!ok)
        return 1;
    return return_bits(js, spec, result);
}

/* Why a retired specialisation was compiled again or not (--jit-report):
 * its guard that deoptimised most, and the decision. */
static const char *fate_text(const JitSpec *s, char *buf, size_t len)
{
    const char *what = s->fate_op == IR_PHI    ? "a variable changes type"
                       : s->fate_op == IR_CALL ? "a call returns another type"
                       : s->fate_op == IR_FTOI ? "int() of a float beyond 32 bits"
                       : s->fate_op == IR_ALOAD ? "an attribute or closure variable is not as compiled"
                                               : "an int result beyond 32 bits";
    const char *then = s->fate == JIT_RECOMPILE || s->fate == JIT_RECOMPILED ? ", so the merge there is a float in new code"
                       : s->fate_op == IR_PHI && s->nfloat_merges ? ", after a recompilation made merges floats"
                       : s->fate_op == IR_PHI  ? ", an int reaching a float merge (no wider type)"
                       : s->fate_op == IR_CALL || s->fate_op == IR_ALOAD ? ""
                                               : ", and compiled code has no wider int";
    snprintf(buf, len, "%s: %u of them at line %d, %s%s",
             s->fate == JIT_RECOMPILE || s->fate == JIT_RECOMPILED ? "recompiled" : "stays interpreted",
             (unsigned)s->fate_count, (int)line_at(s->code, s->fate_pc), what, then);
    return buf;
}

/* A guard failed: the interpreter's frame is rebuilt from the deopt map and
 * runs from the guard's bytecode instruction, which it executes again on
 * the same operands (raising, or computing what compiled code could not). */
uint64_t jit_rt_deopt(uint32_t site, const uint32_t *regs, const uint8_t *frame)
{
    JitState *js = rt_state;
    VM *vm = js->vm;
    const JitSite *s = &js->sites[site];
    JitSpec *spec = s->spec;
    const Code *code = s->code;
    spec->deopts++;
    spec->window_deopts++;
    spec->deopts_retired += spec->retired;
    spec->deopt_pc = s->pc, spec->deopt_op = s->irop;
    js->deopts++;
    js->sites[site].deopts++;
    if (js->cfg.deopt_stress) /* forced (tests): the next one N guards on; never retired */
        jit_deopt_countdown = js->cfg.deopt_stress;
    else if (spec->window_deopts >= JIT_DEOPT_LIMIT && !spec->retired)
        retire(js, spec); /* nothing enters it any more (jit_call, retired.c) */
    const uint8_t *p = js->dmaps + (s->dmap - 1);
    uint32_t nslots = read_varint(&p), nl = code->nlocals;
    Value *saved_sp = vm->sp, *base = vm->sp + 1;
    if (base + nslots + code->maxstack + 2 > vm->stack_end) {
        vm_raise(vm, EXC_RecursionError, "maximum recursion depth exceeded");
        if (vm->exc.type == T_EXCEPTION)
            exc_add_traceback(vm, AS(Exception, vm->exc), code, s->pc);
        return 1;
    }
    /* rooted while iterators are made: every slot holds something valid
     * (a call site's last slot, the callee's result, first of all) */
    for (uint32_t i = 0; i <= nslots; i++)
        base[(int32_t)i - 1] = v_none();
    bool call = s->irop == IR_CALL;
    if (call && nslots) /* (its DM_RESULT slot; a map without one fills it below) */
        base[nslots - 1] = js->deopt_result;
    if (call)
        js->deopt_result_pending = false;
    vm->sp = base + nslots;
    /* two passes: the iterators, which allocate, after every other slot
     * (an object only compiled code held, build.c's JIT_TC_BOXED, is then
     * in its slot when a collection runs) */
    const uint8_t *slots = p;
    for (uint32_t i = 0, pass = 0; pass < 2; i++) {
        if (i == nslots) {
            i = UINT32_MAX, p = slots, pass++;
            continue;
        }
        unsigned kind = *p++;
        bool has_extra = kind == DM_OBJ || kind == DM_UNBOUND || kind == DM_RANGE_IT || kind == DM_COUNTED_IT ||
                         kind == DM_ARRAY_IT;
        uint32_t extra = has_extra ? read_varint(&p) : 0, x[3] = {0, 0, 0};
        if (kind == DM_UNBOUND) { /* a run of them */
            for (uint32_t k = 0; k < extra && i < nslots; k++, i++)
                base[i] = v_unbound();
            i--;
            continue;
        }
        for (unsigned j = 0; j < dm_nvalues(kind); j++)
            x[j] = read_location(&p, regs, frame);
        bool iter = kind == DM_RANGE_IT || kind == DM_COUNTED_IT || kind == DM_ARRAY_IT;
        if (iter != (pass == 1))
            continue;
        if (!rebuild_slot(vm, js, kind, extra, x, &base[i])) {
            vm->sp = saved_sp;
            if (vm->exc.type == T_EXCEPTION)
                exc_add_traceback(vm, AS(Exception, vm->exc), code, s->pc);
            return 1;
        }
    }
    /* the compiled frames below this one (it counted itself in its
     * prologue if it makes calls; a leaf entered by jit_call has none) */
    uint32_t below = !jit_rt_depth ? 0 : compiled_frames((int32_t)regs[JIT_DEPTH_REG]);
    below = below > spec->makes_calls ? below - spec->makes_calls : 0;
    uint32_t max_frames;
    Value result;
    bool ok = enter_interpreter(vm, below, &max_frames);
    if (ok && !spec->fn) { /* cannot happen: an entered specialisation has a live function object (jit_call, resolve) */
        vm_raise(vm, EXC_RuntimeError, "JIT: a deoptimisation without its function (a JIT bug)");
        leave_interpreter(vm, max_frames);
        ok = false;
    } else if (ok) {
        ok = vm_resume_frame(vm, (Function *)spec->fn, base, nslots - nl, s->pc + call, &result);
        leave_interpreter(vm, max_frames);
    }
    vm->sp = saved_sp;
    if (!ok)
        return 1;
    return return_bits(js, spec, result);
}

/* A result for compiled code expecting spec's return type: its bits << 32,
 * or 1 with the value in js->deopt_result when it is of another type (jit_call
 * takes it, or a compiled caller's unwind stub deoptimises the caller). */
static uint64_t return_bits(JitState *js, const JitSpec *spec, Value result)
{
    if (js->drop_pending) /* a global built into compiled code changed: every compiled caller leaves */
        return jit_leave_with(js, result);
    uint32_t bits = 0;
    bool fits;
    switch ((IrType)spec->ret.ty) {
    case TY_INT: fits = result.type == T_INT; bits = (uint32_t)result.u.i; break;
    case TY_BOOL: fits = result.type == T_BOOL; bits = result.u.i != 0; break;
    case TY_FLOAT: fits = result.type == T_FLOAT; memcpy(&bits, &result.u.f, 4); break;
    case TY_PTR: fits = v_is_obj(result); bits = (uint32_t)(uintptr_t)result.u.obj; break; /* an object */
    default: fits = result.type == T_NONE; break;
    }
    if (!fits) /* jit_call takes it (or a compiled caller's unwind stub deoptimises the caller) */
        return jit_leave_with(js, result);
    return (uint64_t)bits << 32;
}

/* A result compiled code is not to continue with: it goes through
 * js->deopt_result to the caller's exception return point, where a compiled
 * caller deoptimises with it (its call-site map) and jit_call returns it.
 * Also when the result fits but a global compiled code has built in was
 * assigned while it ran (drop_pending): so each compiled frame on the
 * machine stack leaves at its call, and none reads the old value again. */
uint64_t jit_leave_with(JitState *js, Value result)
{
    js->deopt_result = result;
    js->deopt_result_pending = true;
    return 1;
}

/* ---- reports -------------------------------------------------------------------------- */

static size_t signature(const JitSpec *s, char *buf, size_t len)
{
    size_t n = 0;
    char tmp[24];
    n += (size_t)snprintf(buf + n, len - n, "(");
    for (uint32_t i = 0; i < s->nparams && n < len; i++)
        n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? ", " : "", jit_type_name(s->params[i], tmp, sizeof tmp));
    if (n < len)
        n += (size_t)snprintf(buf + n, len - n, ")");
    if (s->state == SPEC_COMPILED && n < len)
        n += (size_t)snprintf(buf + n, len - n, " -> %s", jit_type_name(s->ret, tmp, sizeof tmp));
    return n < len ? n : len - 1;
}

static const char *filename(const JitSpec *s)
{
    return s->code->program->filename->data;
}

static size_t describe(const JitSpec *s, char *buf, size_t len)
{
    char sig[160];
    signature(s, sig, sizeof sig);
    int n;
    if (s->state == SPEC_COMPILED)
        n = snprintf(buf, len, "compiled %s, %u bytes of code", sig, (unsigned)s->code_len);
    else
        n = snprintf(buf, len, "not compiled %s: %s (%s, line %d)", sig, s->why.why, filename(s), (int)s->why.line);
    return n < 0 ? 0 : (size_t)n < len ? (size_t)n : len - 1;
}

Str *jit_info(VM *vm, Function *fn)
{
    JitFunc *f = fn->jit;
    char buf[400];
    if (vm->jit && f && !f->specs && f->untyped[0])
        snprintf(buf, sizeof buf, "interpreted: %s", f->untyped);
    else if (!vm->jit || !f || !f->specs)
        strcpy(buf, "interpreted");
    else {
        size_t n = 0;
        for (JitSpec *s = f->specs; s && n + 1 < sizeof buf; s = s->next) {
            if (n)
                n += (size_t)snprintf(buf + n, sizeof buf - n, "; ");
            n += describe(s, buf + n, sizeof buf - n);
        }
        if (!vm->jit->code_exec && n + 1 < sizeof buf)
            snprintf(buf + n, sizeof buf - n, " (not run: this machine cannot execute RV32 code)");
    }
    return str_from_cstr(vm, buf);
}

/* The local a `for` at pc stores its items into (FOR_ITER, STORE_FAST), or NULL. */
static const char *loop_variable(const Code *code, uint32_t pc)
{
    for (uint32_t p = pc ? pc - 1 : 0; p + 1 < code->ninsns && p < pc + 4; p++)
        if (BC_OP(code->insns[p]) == OP_FOR_ITER && BC_OP(code->insns[p + 1]) == OP_STORE_FAST)
            return AS(Str, code->program->strings[code->src->localnames[BC_ARG(code->insns[p + 1])]])->data;
    return NULL;
}

static const char *const hw_fuse_name[] = {
    [JIT_HW_NOFUSE] = "",
    [JIT_HW_LDBC_INCP] = " with a fused load (esp.vmulas.s8.qacc.ldbc.incp)",
    [JIT_HW_QACC_LD_IP] = " with a fused load (esp.vmulas.s8.qacc.ld.ip)",
    [JIT_HW_XACC_LD_IP] = " with a fused load (esp.vmulas.s8.xacc.ld.ip)",
    [JIT_HW_VSMULAS_LD_INCP] = " with a fused load (esp.vsmulas.s8.qacc.ld.incp)",
    [JIT_HW_XACC16_LD_IP] = " with a fused load (esp.vmulas.s16.xacc.ld.ip)",
};

/* A vectorised loop's line: the hardware loops (esp.lp.setup) emit.c made
 * of its PIE copy (its own or its inner loops'), or that there is none. */
static void report_hw_loops(const JitSpec *s, const IrLoopNote *t)
{
    bool any = false, own = false;
    uint32_t n = s->nhw < JIT_MAX_HWNOTES ? s->nhw : JIT_MAX_HWNOTES;
    for (uint32_t i = 0; i < n; i++) {
        const JitHwNote *h = &s->hw[i];
        bool seen = false; /* (one line for copies of one loop with the same load) */
        for (uint32_t j = 0; j < i; j++)
            seen |= s->hw[j].pc == h->pc && s->hw[j].pie == h->pie && s->hw[j].fuse == h->fuse;
        if (!h->pie || seen || h->pc < t->lo || h->pc > t->hi)
            continue;
        if (h->pc == t->pc && own && h->fuse == JIT_HW_QACC_LD_IP && !strcmp(t->how, "dot product"))
            fputs(", and a copy that also sums the next output row in QACC (row pairs: esp.vmulas.s8.qacc.ld.ip)",
                  stderr);
        else if (h->pc == t->pc)
            fprintf(stderr, ", on a hardware loop (esp.lp.setup)%s", hw_fuse_name[h->fuse]);
        else
            fprintf(stderr, ", a hardware loop (esp.lp.setup)%s for the loop at line %d", hw_fuse_name[h->fuse],
                    (int)line_at(s->code, h->pc));
        any = true;
        own |= h->pc == t->pc;
    }
    if (!any)
        fputs(s->nhw > n ? ", hardware loops not listed" : ", no hardware loop", stderr);
}

/* One line per loop of a compiled specialisation: on PIE and how, or why not (vector.c's notes). */
static void report_loops(const JitSpec *s)
{
    for (uint32_t i = 0; i < s->nloops; i++) {
        const IrLoopNote *t = &s->loops[i];
        const char *var = loop_variable(s->code, t->pc);
        fprintf(stderr, "    %s:%d: %s", filename(s), (int)line_at(s->code, t->pc),
                t->how ? "vectorised: " : "not vectorised: ");
        if (var)
            fprintf(stderr, "loop over %s", var);
        else
            fprintf(stderr, "while loop");
        if (t->how) {
            fprintf(stderr, ", %u lanes (%s)", (unsigned)t->lanes,
                    !strcmp(t->how, "lanes") ? "int8 multiply-accumulate into QACC, int32 stores"
                    : !strcmp(t->how, "dot product") ? "int8 dot product into XACC"
                    : !strcmp(t->how, "int16 dot product") ? "int16 dot product into XACC" : "elementwise");
            if (t->taps)
                fprintf(stderr, ", 16 taps per load (esp.vsmulas) in %u inner loop%s", (unsigned)t->taps,
                        t->taps > 1 ? "s" : "");
            if (t->alias)
                fputs(", arrays compared at entry (a load may read the stored array)", stderr);
            report_hw_loops(s, t);
            fputc('\n', stderr);
            continue;
        }
        fprintf(stderr, ": %s", t->why ? t->why : "not looked at");
        if (t->why_op)
            fprintf(stderr, " (%s)", ir_opinfo[t->why_op].name);
        if (t->ref_pc != UINT32_MAX)
            fprintf(stderr, " (line %d)", (int)line_at(s->code, t->ref_pc));
        if (t->why_dot)
            fprintf(stderr, "; as a dot product: %s", t->why_dot);
        if (t->why_ew) {
            fprintf(stderr, "; as elementwise: %s", t->why_ew);
            if (t->why_ew_op)
                fprintf(stderr, " (%s, line %d)", ir_opinfo[t->why_ew_op].name, (int)line_at(s->code, t->why_ew_pc));
        }
        fputc('\n', stderr);
    }
}

void jit_report(VM *vm)
{
    JitState *js = vm->jit;
    if (!js)
        return;
    char line[512];
    fprintf(stderr, "JIT report (%s; %u of %u bytes of code used",
            js->code_exec ? "compiled code runs here" : "code generated, not run on this machine",
            (unsigned)js->code_used, (unsigned)js->cfg.code_size);
    if (compile_heap)
        fprintf(stderr, "; at most %lu bytes of heap to compile a function", (unsigned long)compile_heap);
    fputs(")\n", stderr);
    for (JitFunc *f = js->all; f; f = f->next_all) {
        if (!f->specs && f->untyped[0])
            fprintf(stderr, "  %s: not compiled: %s (%s, line %d)\n", f->code->name->data, f->untyped,
                    f->code->program->filename->data, (int)f->code->src->firstline);
        else if (!f->specs && !f->head.off && f->parked)
            fprintf(stderr, "  %s: interpreted: called from a loop its estimate left interpreted (compiled with "
                            "that loop's function, if it is compiled) (%s, line %d)\n",
                    f->code->name->data, f->code->program->filename->data, (int)f->code->src->firstline);
        else if (!f->specs && !f->head.off && js->cfg.mode == JIT_AUTO && !f->has_loop && f->work < js->cfg.call_threshold)
            fprintf(stderr, "  %s: interpreted: %lu calls, below -X jit-threshold=%lu (%s, line %d)\n",
                    f->code->name->data, (unsigned long)f->work, (unsigned long)js->cfg.call_threshold,
                    f->code->program->filename->data, (int)f->code->src->firstline);
        else if (!f->specs && !f->head.off && f->loops_declined)
            fprintf(stderr, "  %s: interpreted: %lu calls; its loops make objects of a class and were estimated at %lu "
                            "iterations in all, fewer than the %lu that repay compiling it (%s, line %d)\n",
                    f->code->name->data, (unsigned long)f->loops_declined, (unsigned long)f->loop_trips,
                    (unsigned long)JIT_CALLING_LOOP_ITERS, f->code->program->filename->data,
                    (int)f->code->src->firstline);
        if (f->closures_declined)
            fprintf(stderr, "  %s: %lu calls of new closures interpreted: its closures are made anew and called once "
                            "(each would be compiled again, its cells built in) (%s, line %d)\n",
                    f->code->name->data, (unsigned long)f->closures_declined, f->code->program->filename->data,
                    (int)f->code->src->firstline);
        for (JitSpec *s = f->specs; s; s = s->next) {
            describe(s, line, sizeof line);
            fprintf(stderr, "  %s: %s", f->code->name->data, line);
            if (s->state == SPEC_COMPILED)
                fprintf(stderr, ", %u bytecode instructions, %llu cycles to compile",
                        (unsigned)s->bc_insns, (unsigned long long)s->compile_cycles);
            if (s->state == SPEC_COMPILED && s->vector_lanes)
                fprintf(stderr, ", the loop at line %d on %u PIE lanes", (int)s->vector_line, (unsigned)s->vector_lanes);
            if (s->state == SPEC_COMPILED && s->vector_taps)
                fprintf(stderr, ", 16 taps per load (esp.vsmulas) in %u inner loop%s", (unsigned)s->vector_taps,
                        s->vector_taps > 1 ? "s" : "");
            if (s->state == SPEC_COMPILED && s->deopt_guards)
                fprintf(stderr, ", %u guards deoptimise (%u bytes of maps)", (unsigned)s->deopt_guards,
                        (unsigned)s->deopt_bytes);
            if (s->deopts)
                fprintf(stderr, "; deoptimised %u times, last at line %d (%s, %s)%s", (unsigned)s->deopts,
                        (int)line_at(s->code, s->deopt_pc),
                        s->deopt_op == IR_PHI    ? "a variable changes type"
                        : s->deopt_op == IR_CALL ? "a call returns another type"
                        : s->deopt_op == IR_ALOAD ? "an attribute or closure variable is not as compiled"
                                                 : ir_opinfo[s->deopt_op].name,
                        bc_opinfo[BC_OP(s->code->insns[s->deopt_pc])].name,
                        s->retired ? ": the interpreter no longer enters it (" JIT_DEOPT_LIMIT_TEXT " deoptimisations in "
                                     JIT_DEOPT_WINDOW_TEXT " entries or fewer" : "");
            if (s->retired) {
                char why[200];
                fprintf(stderr, "%s%s)", s->fate ? "; " : "", s->fate ? fate_text(s, why, sizeof why) : "");
                if (s->redirected)
                    fprintf(stderr, ", nor compiled callers (%u calls of it went to the interpreter since)",
                            (unsigned)s->retired_calls);
                if (s->deopts_retired)
                    fprintf(stderr, ", %u deoptimisations after it retired", (unsigned)s->deopts_retired);
            }
            if (s->nfloat_merges) {
                fprintf(stderr, "; a recompilation: float merges at line");
                for (uint32_t i = 0; i < s->nfloat_merges; i++)
                    fprintf(stderr, "%s %d", i ? "," : "", (int)line_at(s->code, s->float_merges[i]));
            }
            fputc('\n', stderr);
            if (s->state == SPEC_COMPILED)
                report_loops(s);
        }
    }
}

typedef struct TextBuf {
    char *s;
    size_t len, cap;
} TextBuf;

static void text_add(void *ctx, const char *t)
{
    TextBuf *b = ctx;
    size_t n = strlen(t);
    if (b->len + n + 1 > b->cap) {
        size_t nc = (b->len + n + 1) * 2;
        char *p = realloc(b->s, nc);
        if (!p)
            return;
        b->s = p, b->cap = nc;
    }
    memcpy(b->s + b->len, t, n + 1);
    b->len += n;
}

static char *concat_dump(const Ir *ir, const char *asmtext)
{
    TextBuf b = {NULL, 0, 0};
    text_add(&b, "IR after optimisation:\n");
    ir_print(ir, text_add, &b);
    text_add(&b, "RV32IMAFC code:\n");
    text_add(&b, asmtext);
    return b.s;
}

void jit_dump(VM *vm)
{
    JitState *js = vm->jit;
    if (!js)
        return;
    char line[512];
    /* functions in the order they were first seen */
    uint32_t n = 0;
    for (JitFunc *f = js->all; f; f = f->next_all)
        n++;
    for (uint32_t k = n; k-- > 0;) {
        JitFunc *f = js->all;
        for (uint32_t i = 0; i < k; i++)
            f = f->next_all;
        for (JitSpec *s = f->specs; s; s = s->next) {
            describe(s, line, sizeof line);
            printf("function %s: %s\n", f->code->name->data, line);
            if (s->dump)
                fputs(s->dump, stdout);
            putchar('\n');
        }
    }
}
