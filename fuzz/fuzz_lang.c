/*
 * fuzz_lang.c - libFuzzer target for the front end: any bytes compile or are
 * rejected with an error; what compiles must validate, serialise and load.
 */
#include <stdint.h>
#include <stdlib.h>

#include "lang/compile.h"
#include "vm/p4b.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    P4bModule m;
    P4CompileError err;
    if (p4_compile_module((const char *)data, size, "fuzz.py", &m, &err) != 0)
        return 0;
    char msg[256];
    if (p4b_validate(&m, msg, sizeof msg) != 0)
        abort(); /* the compiler produced an invalid module */
    uint8_t *image;
    size_t len;
    if (p4b_write(&m, &image, &len) == 0) {
        P4bModule back;
        if (p4b_read(image, len, &back, msg, sizeof msg) != 0)
            abort(); /* what we write we must read */
        p4b_free(&back);
        free(image);
    }
    p4_compiled_free(&m);
    return 0;
}
