/*
 * frozen.h - the modules of lib/std compiled at build time: .p4b images
 * linked as const data (made by cli/freeze_p4b.c into the build directory).
 * A build that has them compiles module.c with P4_FROZEN_P4B=1; one that
 * has not (the ESP-IDF component) imports the frozen source text of
 * vm/frozen_lib.c instead, which needs the compiler on the device.
 */
#ifndef P4_FROZEN_H
#define P4_FROZEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct FrozenImage {
    const char *name;     /* "asyncio" */
    const uint8_t *image; /* a .p4b file's bytes, validated by p4b_read at import */
    size_t len;
} FrozenImage;

/* Sorted by name; the last entry's name is NULL. */
extern const FrozenImage module_frozen_images[];

#endif
