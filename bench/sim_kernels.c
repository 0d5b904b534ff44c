/*
 * sim_kernels.c - the workload of p4sim_bench (bench/sim_bench.c): small C
 * kernels cross-built for RV32IMAFC, each a different instruction mix
 * (ALU and branches, loads/stores, multiplies, single-precision floats,
 * calls). Each prints a checksum, so a faster simulator that computes
 * something else is caught by comparing the output with QEMU's.
 *
 * usage (guest): sim_kernels.elf [SCALE]   (default 1: about 100 M instructions)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint8_t buf[4096];
static int32_t arr[1024];
static int16_t ma[32 * 32], mb[32 * 32];
static int32_t mc[32 * 32];
static float fx[512], fy[512];
static uint8_t flags[8192];

static uint32_t crc32_bits(const uint8_t *p, int n)
{
    uint32_t c = 0xffffffffu;
    for (int i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
    }
    return ~c;
}

static void insertion_sort(int32_t *a, int n)
{
    for (int i = 1; i < n; i++) {
        int32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void matmul_i16(int n)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int32_t acc = 0;
            for (int k = 0; k < n; k++)
                acc += ma[i * n + k] * mb[k * n + j];
            mc[i * n + j] = acc;
        }
}

static float saxpy_poly(int n, float a)
{
    float s = 0.0f;
    for (int i = 0; i < n; i++) {
        fy[i] = a * fx[i] + fy[i];
        s += fy[i] * (1.0f + fy[i] * (0.5f + fy[i] * 0.25f));
    }
    return s;
}

static int sieve(int n)
{
    int count = 0;
    for (int i = 0; i < n; i++) flags[i] = 1;
    for (int i = 2; i < n; i++)
        if (flags[i]) {
            count++;
            for (int k = i + i; k < n; k += i) flags[k] = 0;
        }
    return count;
}

static __attribute__((noinline)) uint32_t fib(uint32_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char **argv)
{
    int scale = argc > 1 ? atoi(argv[1]) : 1;
    if (scale < 1) scale = 1;
    uint32_t seed = 12345;
    for (unsigned i = 0; i < sizeof buf; i++) buf[i] = (uint8_t)((seed = seed * 1103515245u + 12345u) >> 16);
    for (int i = 0; i < 32 * 32; i++) ma[i] = (int16_t)(i * 7 - 300), mb[i] = (int16_t)(i * 13 % 101 - 50);
    for (int i = 0; i < 512; i++) fx[i] = (float)i * 0.001f, fy[i] = 1.0f - (float)i * 0.0005f;

    uint32_t crc = 0, sorted = 0, mm = 0, primes = 0, fb = 0;
    float fs = 0.0f;
    for (int r = 0; r < scale; r++) {
        for (int k = 0; k < 128; k++) { buf[k] ^= (uint8_t)(r + k + 1); crc = (crc << 1 | crc >> 31) ^ crc32_bits(buf, sizeof buf); }
        for (int k = 0; k < 8; k++) {
            for (int i = 0; i < 1024; i++) arr[i] = (int32_t)((seed = seed * 1103515245u + 12345u) >> 8);
            insertion_sort(arr, 1024);
            sorted += (uint32_t)arr[0] ^ (uint32_t)arr[1023];
        }
        for (int k = 0; k < 32; k++) { matmul_i16(32); mm += (uint32_t)mc[k * 33]; }
        for (int k = 0; k < 800; k++) fs += saxpy_poly(512, 0.001f);
        for (int k = 0; k < 60; k++) primes += (uint32_t)sieve(8192);
        fb += fib(27);
    }
    printf("crc %08x sort %08x matmul %08x saxpy %.4f primes %u fib %u\n", (unsigned)crc, (unsigned)sorted,
           (unsigned)mm, (double)fs, (unsigned)primes, (unsigned)fb);
    return 0;
}
