# fuzz/elf_seed_tiny.S - the smallest fuzz_elf seed: a loop, a SYS_WRITE0 and a
# SYS_EXIT through RISC-V semihosting. Built by fuzz/make_elf_seeds.py.
    .option norvc
    .globl _start
_start:
    li t0, 100
1:  addi t0, t0, -1
    bnez t0, 1b
    lui a1, %hi(msg)
    addi a1, a1, %lo(msg)
    li a0, 4            # SYS_WRITE0
    .balign 16
    slli x0, x0, 0x1f
    ebreak
    srai x0, x0, 7
    li a0, 0x18         # SYS_EXIT
    li a1, 0x20026      # ADP_Stopped_ApplicationExit
    .balign 16
    slli x0, x0, 0x1f
    ebreak
    srai x0, x0, 7
msg: .asciz "ok\n"
