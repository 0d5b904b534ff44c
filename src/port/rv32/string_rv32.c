/*
 * string_rv32.c - memset, memcpy and memmove for the RV32 firmware.
 *
 * Debian's picolibc for riscv64-unknown-elf is built for size: its memset,
 * memcpy and memmove move one byte per 4-instruction iteration. Its
 * malloc also clears every block it hands out, so the firmware's start-up
 * (heap, code buffer) spent 95% of its 8.5 M instructions in memset, and a
 * JIT compile 90% of its time. These versions move a word per store once
 * the pointers are aligned (unrolled by four), which is what the rest of
 * the runtime expects of the C library. Being linked before libc, they
 * replace picolibc's (an archive member is only pulled in for an undefined
 * symbol).
 *
 * Built with -fno-tree-loop-distribute-patterns (firmware/CMakeLists.txt):
 * otherwise GCC turns the loops below back into calls to memset/memcpy.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint32_t __attribute__((may_alias)) word;

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    while (n && ((uintptr_t)d & 3)) *d++ = (unsigned char)c, n--;
    uint32_t w = (unsigned char)c * 0x01010101u;
    for (; n >= 16; n -= 16, d += 16) {
        ((word *)d)[0] = w, ((word *)d)[1] = w;
        ((word *)d)[2] = w, ((word *)d)[3] = w;
    }
    for (; n >= 4; n -= 4, d += 4) *(word *)d = w;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

/* Forward copy; words when source and destination share their alignment. */
static void copy_forward(unsigned char *d, const unsigned char *s, size_t n)
{
    if ((((uintptr_t)d ^ (uintptr_t)s) & 3) == 0) {
        while (n && ((uintptr_t)d & 3)) *d++ = *s++, n--;
        for (; n >= 16; n -= 16, d += 16, s += 16) {
            word a = ((const word *)s)[0], b = ((const word *)s)[1];
            word c = ((const word *)s)[2], e = ((const word *)s)[3];
            ((word *)d)[0] = a, ((word *)d)[1] = b, ((word *)d)[2] = c, ((word *)d)[3] = e;
        }
        for (; n >= 4; n -= 4, d += 4, s += 4) *(word *)d = *(const word *)s;
    }
    while (n--) *d++ = *s++;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    copy_forward(dst, src, n);
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((uintptr_t)d - (uintptr_t)s >= n) { /* no overlap that a forward copy would clobber */
        copy_forward(d, s, n);
        return dst;
    }
    d += n, s += n;
    if ((((uintptr_t)d ^ (uintptr_t)s) & 3) == 0) {
        while (n && ((uintptr_t)d & 3)) *--d = *--s, n--;
        for (; n >= 4; n -= 4) d -= 4, s -= 4, *(word *)d = *(const word *)s;
    }
    while (n--) *--d = *--s;
    return dst;
}
