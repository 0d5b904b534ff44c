/*
 * exc.c - exception classes, raising, tracebacks.
 */
#include <stdio.h>
#include <errno.h>
#include <string.h>

#include "vm/bytecode.h"
#include "vm/p4b.h"
#include "vm/vm.h"
#include "vm/class.h"
#include "vm/class.h"

const TypeObj exc_types[EXC__COUNT] = {
#define P4_EXC_TYPE(name, base) \
    [EXC_##name] = {{0, T_TYPE, 0, 0}, #name, T_EXCEPTION, EXC_##name, \
                    EXC_##name == EXC_BaseException ? NULL : &exc_types[EXC_##base], NULL},
    P4_EXCEPTIONS(P4_EXC_TYPE)
#undef P4_EXC_TYPE
};

Exception *exc_new(VM *vm, const TypeObj *cls, Tuple *args)
{
    if (!args) {
        args = tuple_new(vm, 0);
        if (!args)
            return NULL;
    }
    VM_ROOT(vm, v_obj(args));
    Exception *e = gc_alloc(vm, T_EXCEPTION, sizeof(Exception));
    VM_UNROOT(vm, 1);
    if (!e)
        return NULL;
    e->cls = cls;
    e->args = args;
    return e;
}

const TypeObj *exc_oserror_class(const TypeObj *cls, const Value *args, int nargs)
{
    if (cls != &exc_types[EXC_OSError] || nargs < 2 || !v_is_intlike(args[0]))
        return cls;
    /* CPython's errno table (Objects/exceptions.c's errnomap, as facts), in
     * the C library's numbering: newlib's on the chip, the host's here */
    static const struct {
        int err;
        ExcKind kind;
    } map[] = {
        {EAGAIN, EXC_BlockingIOError},    {EALREADY, EXC_BlockingIOError},
        {EWOULDBLOCK, EXC_BlockingIOError}, {EINPROGRESS, EXC_BlockingIOError},
        {ECHILD, EXC_ChildProcessError},  {EPIPE, EXC_BrokenPipeError},
#ifdef ESHUTDOWN
        {ESHUTDOWN, EXC_BrokenPipeError},
#endif
        {ECONNABORTED, EXC_ConnectionAbortedError}, {ECONNREFUSED, EXC_ConnectionRefusedError},
        {ECONNRESET, EXC_ConnectionResetError}, {EEXIST, EXC_FileExistsError},
        {ENOENT, EXC_FileNotFoundError},  {EISDIR, EXC_IsADirectoryError},
        {ENOTDIR, EXC_NotADirectoryError}, {EINTR, EXC_InterruptedError},
        {EACCES, EXC_PermissionError},    {EPERM, EXC_PermissionError},
        {ESRCH, EXC_ProcessLookupError},  {ETIMEDOUT, EXC_TimeoutError},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].err == args[0].u.i)
            return &exc_types[map[i].kind];
    return cls;
}

bool exc_oserror_init(VM *vm, Exception *e)
{
    Tuple *a = e->args;
    /* a filename of None leaves the args as they were, as in CPython */
    if (a->len < 3 || a->len > 5 || a->items[2].type == T_NONE || !exc_matches(e, &exc_types[EXC_OSError]))
        return true;
    VM_ROOT(vm, v_obj(e));
    Tuple *two = tuple_new(vm, 2);
    bool ok = two != NULL;
    if (ok) {
        two->items[0] = a->items[0];
        two->items[1] = a->items[1];
        e->args = two;
        VM_ROOT(vm, v_obj(a));
        if (!e->dict)
            e->dict = dict_new(vm);
        static const char *const names[] = {"filename", "filename2"};
        for (int k = 0; k < 2 && ok && e->dict; k++) {
            uint32_t i = k == 0 ? 2 : 4;
            if (i >= a->len)
                break;
            ok = dict_set_cstr(vm, e->dict, names[k], a->items[i]);
        }
        ok = ok && e->dict;
        VM_UNROOT(vm, 1);
    }
    VM_UNROOT(vm, 1);
    return ok || vm_raise_oom(vm);
}

bool exc_set_codec_attrs(VM *vm, const char *encoding, Value object, uint32_t start, uint32_t end,
                         const char *reason)
{
    if (vm->exc.type != T_EXCEPTION)
        return false;
    Value exc = vm->exc;
    VM_ROOT(vm, exc);
    VM_ROOT(vm, object);
    Exception *e = AS(Exception, exc);
    static const char *const names[] = {"encoding", "object", "start", "end", "reason"};
    bool ok = e->dict || (e->dict = dict_new(vm)) != NULL;
    for (int i = 0; i < 5 && ok; i++) {
        Value v = i == 1 ? object : v_int(i == 2 ? (int32_t)start : (int32_t)end);
        if (i == 0 || i == 4) {
            Str *text = str_from_cstr(vm, i == 0 ? encoding : reason);
            ok = text != NULL;
            v = ok ? v_obj(text) : v_none();
        }
        ok = ok && dict_set_cstr(vm, e->dict, names[i], v);
    }
    VM_UNROOT(vm, 2);
    if (!ok)
        return vm_raise_oom(vm);
    vm->exc = exc;
    return false;
}

Value exc_attr(const Exception *e, const char *name)
{
    size_t n = strlen(name);
    for (uint32_t i = 0; e->dict && i < e->dict->used; i++) {
        Value k = e->dict->entries[i].key;
        if (k.type == T_STR && AS(Str, k)->len == n && memcmp(AS(Str, k)->data, name, n) == 0)
            return e->dict->entries[i].value;
    }
    return v_unbound();
}

bool exc_matches(const Exception *e, const TypeObj *cls)
{
    return type_is_subclass(e->cls, cls); /* along the MRO for user classes */
}

bool vm_raise_oom(VM *vm)
{
    Exception *e = vm->memory_error;
    e->ntb = 0;
    e->tb_dropped = 0;
    vm->exc = v_obj(e);
    return false;
}

bool vm_raise_value(VM *vm, ExcKind kind, Value arg)
{
    VM_ROOT(vm, arg);
    Tuple *args = tuple_new(vm, 1);
    VM_UNROOT(vm, 1);
    if (!args)
        return false;
    args->items[0] = arg;
    Exception *e = exc_new(vm, &exc_types[kind], args);
    if (!e)
        return false;
    vm->exc = v_obj(e);
    return false;
}

bool vm_raisev(VM *vm, ExcKind kind, const char *fmt, va_list ap)
{
    char msg[256];
    vsnprintf(msg, sizeof msg, fmt, ap);
    Str *s = str_from_cstr(vm, msg);
    if (!s)
        return false;
    return vm_raise_value(vm, kind, v_obj(s));
}

bool vm_raise(VM *vm, ExcKind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vm_raisev(vm, kind, fmt, ap);
    va_end(ap);
    return false;
}

bool vm_raise_binop(VM *vm, const char *opname, Value a, Value b)
{
    return vm_raise(vm, EXC_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", opname,
                    type_name(a), type_name(b));
}

/* Records that the exception passed through (code, pc). */
void exc_add_traceback(VM *vm, Exception *e, const Code *code, uint32_t pc)
{
    if (e->ntb == e->tbcap) {
        uint32_t cap = e->tbcap ? e->tbcap * 2 : 8;
        VM_ROOT(vm, v_obj(e));
        Value pending = vm->exc;
        TbEntry *tb = gc_alloc_raw(vm, cap * sizeof(TbEntry));
        vm->exc = pending; /* a failed allocation must not replace what we are raising */
        VM_UNROOT(vm, 1);
        if (!tb) {
            e->tb_dropped++;
            return;
        }
        if (e->ntb)
            memcpy(tb, e->tb, e->ntb * sizeof(TbEntry));
        gc_free_raw(vm, e->tb);
        e->tb = tb;
        e->tbcap = cap;
    }
    e->tb[e->ntb].code = code;
    e->tb[e->ntb].pc = pc;
    e->ntb++;
}

/* ---- printing ------------------------------------------------------------------ */

static void source_line(const Program *p, int32_t line, StrBuf *sb)
{
    if (!p->source || line < 1)
        return;
    const char *s = p->source, *end = p->source + p->source_len;
    for (int32_t l = 1; l < line && s < end; s++)
        if (*s == '\n')
            l++;
    const char *e = s;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f'))
        s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    if (e > s) {
        sb_adds(sb, "    ");
        sb_add(sb, s, (uint32_t)(e - s));
        sb_addc(sb, '\n');
    }
}

static int32_t tb_line(const TbEntry *t)
{
    const P4bCode *c = t->code->src;
    return bc_line_for_pc(c->linetab, c->linetab_len, (int32_t)c->firstline, t->pc);
}

static void frame_line(StrBuf *sb, const TbEntry *t)
{
    char buf[64];
    const Program *p = t->code->program;
    sb_adds(sb, "  File \"");
    sb_add(sb, p->filename->data, p->filename->len);
    snprintf(buf, sizeof buf, "\", line %ld, in ", (long)tb_line(t));
    sb_adds(sb, buf);
    sb_add(sb, t->code->name->data, t->code->name->len);
    sb_addc(sb, '\n');
    source_line(p, tb_line(t), sb);
}

static bool same_place(const TbEntry *a, const TbEntry *b)
{
    return a->code == b->code && tb_line(a) == tb_line(b);
}

/* CPython's format; a line repeated more than three times in a row (deep
 * recursion) is summarised as "[Previous line repeated N more times]". */
static void print_one(VM *vm, StrBuf *sb, Value excv);

/* The chain of causes and contexts is printed oldest first, each joined to
 * the next by CPython's sentence; a cycle or a very long chain stops it. */
#define MAX_CHAIN 32

void vm_print_exception(VM *vm, Value excv)
{
    StrBuf sb;
    sb_init(&sb);
    vm_format_exception(vm, excv, &sb);
    vm_flush(vm);
    if (!sb.oom)
        vm_write(vm, 2, sb.data, sb.len);
    else
        vm_write(vm, 2, "MemoryError\n", 12);
    sb_free(&sb);
    vm_flush(vm);
}

void vm_format_exception(VM *vm, Value excv, StrBuf *sb)
{
    Value chain[MAX_CHAIN];
    const char *joint[MAX_CHAIN];
    int n = 0;
    chain[n] = excv;
    joint[n++] = NULL;
    while (n < MAX_CHAIN) {
        Exception *e = AS(Exception, chain[n - 1]);
        Value next = e->cause;
        const char *why = "\nThe above exception was the direct cause of the following exception:\n\n";
        if (next.type != T_EXCEPTION) {
            next = e->suppress_context ? v_unbound() : e->context;
            why = "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
        if (next.type != T_EXCEPTION)
            break;
        bool seen = false;
        for (int i = 0; i < n; i++)
            seen |= chain[i].u.obj == next.u.obj;
        if (seen)
            break;
        joint[n - 1] = why;
        chain[n] = next;
        joint[n++] = NULL;
    }
    for (int i = n; i-- > 0;) {
        print_one(vm, sb, chain[i]);
        if (i > 0)
            sb_adds(sb, joint[i - 1]);
    }
}

/* The value of attribute name in an exception's dict, or unbound (no allocation). */
/* A SyntaxError with a position (compile(), exec, eval: vm/eval.c) prints
 * it as CPython does, after the frames: its file and line, the line's text,
 * then the bare message. True when it did, with *msgv the message. */
static bool syntax_error_place(StrBuf *sb, const Exception *e, Value *msgv)
{
    Value file = exc_attr(e, "filename"), line = exc_attr(e, "lineno"), text = exc_attr(e, "text");
    *msgv = exc_attr(e, "msg");
    if (!exc_matches(e, &exc_types[EXC_SyntaxError]) || file.type != T_STR || line.type != T_INT ||
        msgv->type != T_STR)
        return false;
    char buf[40];
    sb_adds(sb, "  File \"");
    sb_add(sb, AS(Str, file)->data, AS(Str, file)->len);
    snprintf(buf, sizeof buf, "\", line %ld\n", (long)line.u.i);
    sb_adds(sb, buf);
    if (text.type == T_STR) {
        const char *s = AS(Str, text)->data, *end = s + AS(Str, text)->len;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\f'))
            s++;
        while (end > s && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' '))
            end--;
        if (end > s) {
            sb_adds(sb, "    ");
            sb_add(sb, s, (uint32_t)(end - s));
            sb_addc(sb, '\n');
        }
    }
    return true;
}

static void print_one(VM *vm, StrBuf *out, Value excv)
{
    StrBuf sb;
    sb_init(&sb);
    Exception *e = AS(Exception, excv);
    if (e->ntb > 0)
        sb_adds(&sb, "Traceback (most recent call last):\n");
    uint32_t repeat = 0;
    for (uint32_t k = e->ntb; k-- > 0;) {
        const TbEntry *t = &e->tb[k];
        if (k + 1 < e->ntb && same_place(t, &e->tb[k + 1])) {
            repeat++;
        } else {
            if (repeat > 3) {
                char buf[80];
                snprintf(buf, sizeof buf, "  [Previous line repeated %lu more time%s]\n",
                         (unsigned long)(repeat - 3), repeat - 3 == 1 ? "" : "s");
                sb_adds(&sb, buf);
            }
            repeat = 1;
        }
        if (repeat <= 3)
            frame_line(&sb, t);
    }
    if (repeat > 3) {
        char buf[80];
        snprintf(buf, sizeof buf, "  [Previous line repeated %lu more time%s]\n",
                 (unsigned long)(repeat - 3), repeat - 3 == 1 ? "" : "s");
        sb_adds(&sb, buf);
    }
    if (type_is_user(e->cls)) { /* CPython names the module unless it is __main__ */
        const Str *m = ((const Class *)e->cls)->module;
        if (strcmp(m->data, "__main__") != 0) {
            sb_add(&sb, m->data, m->len);
            sb_addc(&sb, '.');
        }
    }
    Value place_msg;
    bool placed = syntax_error_place(&sb, e, &place_msg);
    sb_adds(&sb, e->cls->name);
    /* str(e): no text for no arguments; KeyError shows the key's repr. */
    StrBuf msg;
    sb_init(&msg);
    bool ok = true;
    if (placed)
        sb_add(&msg, AS(Str, place_msg)->data, AS(Str, place_msg)->len);
    else if (e->args->len == 1 && exc_matches(e, &exc_types[EXC_KeyError]))
        ok = fmt_repr(vm, &msg, e->args->items[0]);
    else
        ok = fmt_str(vm, &msg, excv);
    if (!ok) { /* a user __str__ that raised */
        vm->exc = v_unbound();
        sb_free(&msg);
        sb_init(&msg);
        sb_adds(&msg, "<exception str() failed>");
        ok = true;
    }
    if (ok && msg.len > 0 && !msg.oom) {
        sb_adds(&sb, ": ");
        sb_add(&sb, msg.data, msg.len);
    }
    sb_free(&msg);
    sb_addc(&sb, '\n');
    if (sb.oom)
        out->oom = true;
    else
        sb_add(out, sb.data, sb.len);
    sb_free(&sb);
}
