/*
 * fuzz_libfmt.c - libFuzzer target for the format parsers of the library:
 * printf-style str % args and bytes % args (vm/percent.c) and struct
 * formats (vm/structmod.c). Any format string, with arguments of every
 * kind, must give a result or a Python exception (TypeError, ValueError,
 * KeyError, OverflowError, struct.error, MemoryError), never a crash.
 *
 * Input: byte 0 chooses the operation, the rest is the format.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static VM *vm;

/* A str of the input: bytes >= 0x80 become 'é' so the str is valid UTF-8,
 * as every str the runtime makes is. */
static Str *text_of(const uint8_t *d, size_t n)
{
    char *buf = malloc(2 * n + 1);
    if (!buf)
        abort();
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i] < 0x80) {
            buf[k++] = (char)d[i];
        } else {
            buf[k++] = (char)0xc3;
            buf[k++] = (char)0xa9;
        }
    }
    Str *s = str_new(vm, buf, (uint32_t)k);
    free(buf);
    return s;
}

/* The arguments: a tuple of one value of each kind, or a dict of them. */
static Value make_args(int kind)
{
    Tuple *t = tuple_new(vm, 8);
    if (!t)
        abort();
    VM_ROOT(vm, v_obj(t));
    t->items[0] = v_int(-42);
    t->items[1] = v_float(2.5f);
    t->items[2] = v_obj(str_from_cstr(vm, "ab"));
    t->items[3] = v_obj(bytes_new(vm, (const uint8_t *)"c", 1));
    t->items[4] = v_bool(1);
    t->items[5] = v_none();
    t->items[6] = v_int(0x1F600);
    t->items[7] = v_obj(list_new(vm, 0));
    Value r = v_obj(t);
    if (kind == 1) { /* a mapping with the keys 'a' and b'a' */
        Dict *d = dict_new(vm);
        if (!d)
            abort();
        VM_ROOT(vm, v_obj(d));
        dict_set(vm, d, v_obj(str_from_cstr(vm, "a")), v_int(7));
        /* each new object rooted before the next allocation, which may
         * collect (an unrooted key freed under the dict corrupted the heap) */
        Value key = v_obj(bytes_new(vm, (const uint8_t *)"a", 1));
        VM_ROOT(vm, key);
        Value text = v_obj(str_from_cstr(vm, "x"));
        VM_ROOT(vm, text);
        dict_set(vm, d, key, text);
        VM_UNROOT(vm, 3);
        r = v_obj(d);
    } else if (kind == 2) {
        r = t->items[0]; /* a single argument */
    }
    VM_UNROOT(vm, 1);
    return r;
}

static void expect_python_error(void)
{
    if (vm->exc.type == T_UNBOUND)
        return;
    if (vm->exc.type != T_EXCEPTION)
        abort(); /* a native failed without raising */
    const TypeObj *c = AS(Exception, vm->exc)->cls;
    if (exc_matches(AS(Exception, vm->exc), &exc_types[EXC_Exception]) == false)
        abort();
    (void)c;
    vm->exc = v_unbound();
}

static Value call_module(const Module *m, const char *name, Value *args, int nargs)
{
    for (uint32_t i = 0; i < m->nattrs; i++) {
        if (strcmp(m->attrs[i].name, name) == 0) {
            Value f = m->attrs[i].get(), out = v_none();
            if (!AS(Native, f)->fn(vm, args, nargs, NULL, &out))
                return v_unbound();
            return out;
        }
    }
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!vm) {
        VMConfig cfg;
        vm_config_default(&cfg);
        cfg.heap_size = 1u << 20;
        vm = vm_new(&cfg);
        if (!vm)
            abort();
    }
    if (size < 1 || size > 4096)
        return 0;
    uint8_t op = data[0] % 6;
    const uint8_t *fmt = data + 1;
    size_t n = size - 1;
    Value out;
    if (op <= 2) { /* str % (tuple | dict | single) */
        Str *s = text_of(fmt, n);
        if (!s)
            abort();
        VM_ROOT(vm, v_obj(s));
        Value args = make_args(op);
        VM_ROOT(vm, args);
        if (!percent_format(vm, v_obj(s), args, &out))
            expect_python_error();
        VM_UNROOT(vm, 2);
    } else if (op == 3) { /* bytes % tuple */
        Str *b = bytes_new(vm, fmt, (uint32_t)n);
        if (!b)
            abort();
        VM_ROOT(vm, v_obj(b));
        Value args = make_args((int)(n & 1));
        VM_ROOT(vm, args);
        if (!percent_format(vm, v_obj(b), args, &out))
            expect_python_error();
        VM_UNROOT(vm, 2);
    } else { /* struct: calcsize, then unpack of zeros and pack of ints */
        Str *f = bytes_new(vm, fmt, (uint32_t)n);
        if (!f)
            abort();
        VM_ROOT(vm, v_obj(f));
        Value a[4] = {v_obj(f), v_none(), v_int(1), v_int(2)};
        VM_ROOT(vm, a[0]);
        Value size_v = call_module(&module_struct, "calcsize", a, 1);
        if (size_v.type == T_UNBOUND) {
            expect_python_error();
        } else if (size_v.u.i <= 4096) {
            uint8_t *zeros = calloc((size_t)size_v.u.i + 1, 1);
            Str *buf = bytes_new(vm, zeros, (uint32_t)size_v.u.i);
            free(zeros);
            if (!buf)
                abort();
            a[1] = v_obj(buf);
            VM_ROOT(vm, a[1]);
            if (call_module(&module_struct, op == 4 ? "unpack" : "unpack_from", a, 2).type == T_UNBOUND)
                expect_python_error();
            a[1] = v_int(3);
            VM_ROOT(vm, a[1]);
            if (call_module(&module_struct, "pack", a, 4).type == T_UNBOUND)
                expect_python_error();
            VM_UNROOT(vm, 2);
        }
        VM_UNROOT(vm, 2);
    }
    vm->exc = v_unbound();
    return 0;
}
