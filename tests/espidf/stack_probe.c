/* stack_probe.c - a known stack depth for p4sim's "peak stack" (--stats):
 * DEPTH + 1 nested frames of a function with a FRAME-byte local array
 * (larger than addi's 12-bit immediate: GCC moves sp with add/sub too). */
#ifndef DEPTH
#define DEPTH 5
#endif
#define FRAME 4000

static volatile char sink;

__attribute__((noinline)) static void deep(int n)
{
    volatile char buf[FRAME];
    buf[0] = (char)n;
    buf[FRAME - 1] = 1;
    if (n > 0)
        deep(n - 1);
    sink = buf[0] + buf[FRAME - 1];
}

int main(void)
{
    deep(DEPTH);
    return 0;
}
