/*
 * main.c - the firmware's entry: the p4jit command line, with arguments from
 * semihosting. QEMU and p4sim pass the kernel's path as argv[1], before the
 * arguments given with -append (QEMU) or on p4sim's command line; drop it.
 */
#include <string.h>

int p4jit_main(int argc, char **argv);

int main(int argc, char **argv)
{
    if (argc >= 2 && strstr(argv[1], ".elf")) {
        argv[1] = argv[0];
        return p4jit_main(argc - 1, argv + 1);
    }
    return p4jit_main(argc, argv);
}
