/*
 * repl.h - P4JIT's interactive prompt, shared by the host command line
 * (`p4jit` with no file, `p4jit repl`), the firmware under QEMU and p4sim
 * (console through semihosting) and the ESP-IDF example.
 */
#ifndef P4_REPL_H
#define P4_REPL_H

/* `p4jit repl [-m SIZE] [--stack N] [-X OPT]... [--echo]`: reads a line or a block
 * from stdin, compiles and runs it, prints the value of an expression;
 * errors are shown and the session goes on; end of input ends it (status 0;
 * 2 for bad options or a build without the source compiler). --echo
 * echoes what is typed, for consoles that do not (a UART). */
int p4jit_repl_main(int argc, char **argv);

#endif
