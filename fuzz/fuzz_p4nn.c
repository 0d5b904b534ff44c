/*
 * fuzz_p4nn.c - libFuzzer target for the .p4nn model reader (src/nn/model.c).
 * Each input is checked twice: as given, and with its size field and CRC
 * repaired so that the fuzzer gets past the checksum to the table checks.
 * Each is checked in memory (p4nn_check) and read from a file by the
 * module function p4nn_model.load in a VM; the two must agree on whether
 * the file is valid, and an accepted file's arrays must hold its bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nn/p4nn.h"
#include "vm/vm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];
static VM *vm; /* one for the whole run: making a heap per input is slow */

static void remove_file(void) { unlink(path); }

static void check(const uint8_t *data, size_t size)
{
    P4nnFile f;
    char err[200];
    bool valid = p4nn_check(data, size, &f, err, sizeof err) == 0;
    FILE *out = fopen(path, "wb");
    if (!out || fwrite(data, 1, size, out) != size)
        abort();
    fclose(out);
    vm->sp = vm->stack;
    vm->exc = v_unbound();
    Value args[1], result, load;
    /* each string goes on the VM stack (a root) before the next allocation,
     * which may collect */
    Str *p = str_from_cstr(vm, path);
    if (!p)
        abort();
    args[0] = v_obj(p);
    *vm->sp++ = args[0];
    Str *name = str_from_cstr(vm, "load");
    if (!name)
        abort();
    *vm->sp++ = v_obj(name);
    if (!vm_load_attr(vm, v_obj((void *)&module_p4nn_model), name, &load))
        abort();
    bool loaded = vm_call(vm, load, args, 1, NULL, &result);
    if (!loaded) {
        /* only a model error (or memory for a huge tensor) may be raised */
        Exception *e = AS(Exception, vm->exc);
        if (e->cls != &exc_types[EXC_ValueError] && e->cls != &exc_types[EXC_MemoryError])
            abort();
        if (valid && e->cls == &exc_types[EXC_MemoryError])
            loaded = true; /* a valid file too big for this heap */
    }
    if (loaded != valid)
        abort(); /* the file reader and the in-memory check disagree */
    if (valid && result.type == T_DICT) {
        *vm->sp++ = result; /* rooted: each key below is an allocation */
        Dict *d = AS(Dict, result);
        for (uint32_t i = 0; i < f.count; i++) {
            const P4nnTensor *t = &f.tensors[i];
            Str *key = str_from_cstr(vm, t->name);
            Value v;
            bool found;
            if (!key || !dict_get(vm, d, v_obj(key), &v, &found) || !found)
                abort();
            const uint8_t *bytes = t->type == 'u' ? (const uint8_t *)AS(Str, v)->data : AS(Array, v)->data;
            if (t->length && memcmp(bytes, data + t->offset, t->length) != 0)
                abort();
        }
    }
    if (valid)
        p4nn_free(&f);
    vm->sp = vm->stack; /* the next input may collect everything */
    vm->exc = v_unbound();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!vm) {
        snprintf(path, sizeof path, "/tmp/fuzz_p4nn.%ld", (long)getpid());
        atexit(remove_file);
        VMConfig cfg;
        vm_config_default(&cfg);
        cfg.heap_size = 4u << 20;
        vm = vm_new(&cfg);
        if (!vm)
            abort();
    }
    check(data, size);
    if (size < P4NN_HEADER_SIZE + 4 || size > (1u << 20))
        return 0;
    uint8_t *fixed = malloc(size);
    if (!fixed)
        return 0;
    memcpy(fixed, data, size);
    memcpy(fixed, P4NN_MAGIC, 4);
    for (int i = 0; i < 4; i++)
        fixed[8 + i] = (uint8_t)(size >> (8 * i));
    uint32_t crc = p4nn_crc32(0, fixed, size - 4);
    for (int i = 0; i < 4; i++)
        fixed[size - 4 + i] = (uint8_t)(crc >> (8 * i));
    check(fixed, size);
    free(fixed);
    return 0;
}
