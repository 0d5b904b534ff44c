/*
 * rv32_bench.c - throughput of the RV32 layer on the host: instructions
 * encoded per second, and instructions decoded and disassembled per second.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "rv32/rv32.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(void)
{
    enum { N = 1 << 16, ROUNDS = 64 };
    static RvInsn insns[N];
    static uint32_t words[N];
    /* a realistic mix: every 32-bit opcode with rotating operands */
    for (int i = 0; i < N; i++) {
        uint32_t w;
        for (uint32_t seed = (uint32_t)i * 2654435761u;; seed = seed * 1664525u + 1013904223u) {
            w = (seed & ~0x7fu) | (rv_info[i % RV_FIRST_C].match & 0x7f) | 3;
            if (rv_decode(w, &insns[i]) == 4)
                break;
        }
        words[i] = w;
    }
    uint32_t sink = 0;
    double t0 = now();
    for (int r = 0; r < ROUNDS; r++)
        for (int i = 0; i < N; i++) {
            uint32_t w;
            rv_encode(&insns[i], &w);
            sink += w;
        }
    double t1 = now();
    for (int r = 0; r < ROUNDS; r++)
        for (int i = 0; i < N; i++) {
            RvInsn d;
            sink += (uint32_t)rv_decode(words[i], &d);
        }
    double t2 = now();
    char text[128];
    for (int r = 0; r < ROUNDS / 8; r++)
        for (int i = 0; i < N; i++) {
            sink += (uint32_t)rv_disasm((const uint8_t *)&words[i], 4, (uint32_t)i * 4, text, sizeof text);
        }
    double t3 = now();
    double n = (double)N * ROUNDS;
    printf("| operation | million instructions / s |\n|---|---|\n");
    printf("| encode | %.1f |\n", n / (t1 - t0) / 1e6);
    printf("| decode | %.1f |\n", n / (t2 - t1) / 1e6);
    printf("| decode + disassemble | %.1f |\n", n / 8 / (t3 - t2) / 1e6);
    return sink == 42 ? 1 : 0; /* keeps the work observable */
}
