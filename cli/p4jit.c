/*
 * p4jit.c - the command line: run, compile, dis, objdump.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "port/port.h"
#include "repl.h"
#include "vm/p4b.h"
#include "jit/jit.h"
#include "vm/vm.h"
#include "vm/libobj.h"
#if P4_HAVE_COMPILER
#include "lang/compile.h"
#endif
#if P4_HAVE_RV32
#include "rv32/rv32.h"
#endif
#if P4_HAVE_SIM && !P4_FIRMWARE
#include "sim/sim.h"
#endif

#define P4JIT_VERSION "0.1.0"

#if !P4_FIRMWARE
#include <sys/wait.h>
#include <unistd.h>
#endif

static const char usage[] =
    "usage: p4jit <command> [options]\n"
    "\n"
    "commands:\n"
    "  run [options] FILE.py|FILE.p4b [args...]   run a program\n"
    "  compile FILE.py -o FILE.p4b [--no-docstrings]\n"
    "                                              compile to portable bytecode (without\n"
    "                                              docstrings: __doc__ None, as python -OO)\n"
    "  dis FILE.py|FILE.p4b                        list the bytecode with line numbers\n"
    "  dis --jit [-X OPT]... FILE.py|FILE.p4b      run it, then show each compiled function's\n"
    "                                              typed IR and RV32 code (-X: as for run)\n"
    "  repl [--on host|qemu] [--firmware FILE] [-m SIZE] [--stack N] [-X OPT]... [--echo]\n"
    "                                              the interactive prompt (also: p4jit with no\n"
    "                                              arguments); end of input (Ctrl-D) leaves it\n"
    "  objdump FILE.bin [--vma ADDR] [--rev 1|3] [--aliases]\n"
    "                                              disassemble raw RV32 machine code\n"
    "\n"
    "run options:\n"
    "  -m SIZE                 object heap size (bytes, or with K/M suffix; default 1M)\n"
    "  --stack N               value-stack slots for all frames (default 65536)\n"
    "  --recursion-limit N     maximum call depth (default 1000)\n"
    "  --gc-stress             collect garbage at every allocation (for testing)\n"
    "  --stats                 print the run's counters on stderr at exit (RV32: retired\n"
    "                          instructions and cycles; host: nanoseconds)\n"
    "  --on host|qemu|p4sim    where to run: this process (default), or the RV32\n"
    "                          firmware under qemu-system-riscv32 or in p4sim (in this\n"
    "                          process; --stats adds modelled ESP32-P4 cycles and time)\n"
    "  --firmware ELF          the firmware image for --on (default: the build's)\n"
    "  -X jit=off|auto|eager   the JIT: auto (default on RV32) compiles a function with a\n"
    "                          loop at its first call, others after -X jit-threshold=N\n"
    "                          calls (100); eager compiles every function at its first call.\n"
    "                          The host generates RV32 code but cannot run it (off by default)\n"
    "  -X jit-code=SIZE        JIT code buffer (default 256K); -X jit-specs=N: type\n"
    "                          specialisations per function (default 4)\n"
    "  -X pie=off|rev1|rev3    compiled code may use the ESP32-P4's PIE SIMD, in the\n"
    "                          encoding of silicon before rev 3.0 (rev1) or from 3.0\n"
    "                          (rev3). Off by default; --on p4sim adds rev3 (and runs\n"
    "                          p4sim as rev 1 for rev1); --on qemu refuses it (no PIE)\n"
    "  -X path=DIR:DIR...      where `import name` looks for name.py / name.p4b after\n"
    "                          the program's directory (default: $P4JIT_PATH), before\n"
    "                          the library directory (lib/p4nn of the source tree)\n"
    "  --jit-report            list every function the JIT saw on stderr at exit:\n"
    "                          signature, code size, compile cost, or why not compiled\n"
    "\n"
    "  --help, --version\n";

static int fail(const char *fmt, const char *arg)
{
    fprintf(stderr, "p4jit: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    return 2;
}

static bool parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return false;
    if (*end == 'K' || *end == 'k')
        v <<= 10, end++;
    else if (*end == 'M' || *end == 'm')
        v <<= 20, end++;
    if (*end != '\0' || v == 0 || v > 0x7ff00000ull)
        return false;
    *out = (size_t)v;
    return true;
}

/* -X OPT: the module search path, or a JIT option. */
static bool x_option(JitConfig *cfg, const char *opt)
{
    if (strncmp(opt, "path=", 5) == 0) {
        module_set_path(opt + 5);
        return true;
    }
    return jit_parse_option(cfg, opt);
}

#if P4_HAVE_COMPILER
/* The compiler for `import name` of a .py file (vm/module.c). */
static int compile_for_import(const char *src, size_t len, const char *filename, int mode, uint8_t **p4b,
                              size_t *p4b_len, char *msg, size_t msglen, int *line, int *col)
{
    P4CompileError err;
    if (p4_compile_to_p4b_mode(src, len, filename, mode, p4b, p4b_len, &err) == 0)
        return 0;
    snprintf(msg, msglen, "%s", err.msg);
    module_compile_error_kind = err.kind;
    *line = err.line;
    *col = err.col;
    return -1;
}
#endif

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Reads FILE (source or .p4b) into a validated module. On success *source
 * holds the source text (NULL for .p4b), owned by the caller. Returns 0, 1 for
 * a syntax error (already printed), 2 for other errors. */
static int load_module(const char *path, P4bModule *m, char **source, size_t *source_len)
{
    char err[256];
    char *data;
    size_t len;
    *source = NULL;
    if (port_read_file(path, &data, &len, err, sizeof err) != 0)
        return fail("%s", err);
    bool is_p4b = len >= 4 && memcmp(data, P4B_MAGIC, 4) == 0;
    if (is_p4b || has_suffix(path, ".p4b")) {
        int rc = p4b_read((const uint8_t *)data, len, m, err, sizeof err);
        free(data);
        if (rc != 0) {
            fprintf(stderr, "p4jit: %s: invalid .p4b file: %s\n", path, err);
            return 2;
        }
        return 0;
    }
#if P4_HAVE_COMPILER
    uint8_t *image;
    size_t image_len;
    if (p4_compile_reporting(data, len, path, path, &image, &image_len) != 0) {
        free(data);
        return 1;
    }
    int rc = p4b_read(image, image_len, m, err, sizeof err);
    free(image);
    if (rc != 0) {
        free(data);
        fprintf(stderr, "p4jit: internal error: the compiler produced an invalid module: %s\n", err);
        return 2;
    }
    *source = data;
    *source_len = len;
    return 0;
#else
    free(data);
    return fail("%s: this build has no source compiler; run a .p4b file", path);
#endif
}

#if !P4_FIRMWARE
#ifndef P4_FIRMWARE_ELF
#define P4_FIRMWARE_ELF "p4jit-fw.elf"
#endif
static int run_on_qemu(const char *firmware, const char *command, int argc, char **argv);
#endif

/* `p4jit repl [--on host|qemu] [--firmware FILE] OPTIONS...`: the prompt here,
 * or in the firmware under QEMU (the other options go to the firmware's). */
static int cmd_repl(int argc, char **argv)
{
#if !P4_FIRMWARE
    const char *on = "host", *firmware = getenv("P4JIT_FIRMWARE");
    if (!firmware || !firmware[0])
        firmware = P4_FIRMWARE_ELF;
    char *fwd[258];
    int nf = 0;
    for (int k = 1; k < argc; k++) {
        if (strcmp(argv[k], "--on") == 0 && k + 1 < argc) {
            on = argv[++k];
        } else if (strcmp(argv[k], "--firmware") == 0 && k + 1 < argc) {
            firmware = argv[++k];
        } else if (nf < 256) {
            fwd[nf++] = argv[k];
        } else {
            return fail("%s", "repl: too many options");
        }
    }
    if (strcmp(on, "qemu") == 0)
        return run_on_qemu(firmware, "repl", nf, fwd);
    if (strcmp(on, "host") != 0)
        return fail("repl --on: unknown target '%s' (host or qemu; p4sim: p4sim FIRMWARE repl)", on);
    fwd[nf] = NULL;
    char *args[260];
    args[0] = argv[0];
    for (int k = 0; k <= nf; k++)
        args[k + 1] = fwd[k];
    return p4jit_repl_main(nf + 1, args);
#else
    return p4jit_repl_main(argc, argv);
#endif
}

#if !P4_FIRMWARE
/* Runs `p4jit COMMAND ARGS` (run or repl) inside the RV32 firmware under
 * QEMU. Semihosting gives the firmware this process's files and console:
 * no chardev, so QEMU leaves stdin alone (a chardev would read it in its main
 * loop and switch a terminal to raw mode), and the firmware reads stdin as
 * the host descriptor ":tt" opens (port_rv32.c). QEMU's exit status is the
 * program's. */
static int run_on_qemu(const char *firmware, const char *command, int argc, char **argv)
{
    char append[4096];
    size_t n = (size_t)snprintf(append, sizeof append, "%s", command);
    for (int i = 0; i < argc && n < sizeof append; i++) {
        if (strchr(argv[i], ' '))
            return fail("--on qemu: arguments cannot contain spaces ('%s')", argv[i]);
        n += (size_t)snprintf(append + n, sizeof append - n, " %s", argv[i]);
    }
    if (n >= sizeof append)
        return fail("%s", "--on qemu: command line too long");
    char *qemu_argv[] = {
        "qemu-system-riscv32", "-M", "virt", "-cpu", "rv32,d=false", "-bios", "none",
        "-icount", "shift=0,sleep=off", "-display", "none", "-serial", "none", "-monitor", "none",
        "-semihosting-config", "enable=on,target=native",
        "-kernel", (char *)firmware, "-append", append, NULL};
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return fail("%s", "--on qemu: cannot fork");
    if (pid == 0) {
        execvp(qemu_argv[0], qemu_argv);
        fprintf(stderr, "p4jit: cannot run qemu-system-riscv32: %s\n", strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return fail("%s", "--on qemu: lost the QEMU process");
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

#if P4_HAVE_SIM
/* Runs `p4jit run ARGS` inside the RV32 firmware in p4sim, in this process:
 * the same semihosting command line and files as under QEMU; rev: the PIE
 * encoding p4sim decodes (the one -X pie= compiles for). With --stats,
 * the whole run's retired instructions and modelled cycles follow the
 * firmware's own counters (which cover the program only). */
static int run_on_p4sim(const char *firmware, bool stats, int rev, int argc, char **argv)
{
    char *sargv[258];
    int n = 0;
    sargv[n++] = (char *)firmware;
    sargv[n++] = "run";
    for (int i = 0; i < argc && n < 258; i++) {
        if (strchr(argv[i], ' '))
            return fail("--on p4sim: arguments cannot contain spaces ('%s')", argv[i]);
        sargv[n++] = argv[i];
    }
    P4SimConfig cfg;
    p4sim_config_default(&cfg);
    cfg.rev = rev;
    cfg.stack_guard = 4096; /* the firmware's P4_STACK_GUARD (port_rv32.c): a missed check faults */
    P4Sim *s = p4sim_new(&cfg);
    if (!s)
        return fail("%s", "--on p4sim: out of memory");
    char err[512];
    if (p4sim_load_elf_file(s, firmware, err, sizeof err) != 0) {
        p4sim_free(s);
        return fail("--on p4sim: %s", err);
    }
    p4sim_set_args(s, n, sargv);
    fflush(stdout);
    P4SimStatus st = p4sim_run(s, 0);
    fflush(stdout);
    if (stats) {
        const P4SimStats *ps = p4sim_stats(s);
        fprintf(stderr, "p4sim-stats: whole run (firmware start-up included): retired %llu, modelled cycles %llu "
                        "(%.3f cycles/insn), %.1f us at 360 MHz, %.1f us at 400 MHz, peak stack %lu bytes\n",
                (unsigned long long)ps->instret, (unsigned long long)ps->cycles,
                ps->instret ? (double)ps->cycles / (double)ps->instret : 0.0, (double)ps->cycles / 360.0,
                (double)ps->cycles / 400.0, (unsigned long)p4sim_stack_peak(s));
    }
    int code = st == P4SIM_EXITED || st == P4SIM_TRAP ? p4sim_exit_code(s) : 1;
    p4sim_free(s);
    return code;
}
#endif
#endif

static int cmd_run(int argc, char **argv)
{
    VMConfig cfg;
    vm_config_default(&cfg);
    bool stats = false, jit_report_wanted = false, pie_given = false, jit_mode_given = false;
    JitConfig jcfg;
    jit_config_default(&jcfg);
#if !P4_FIRMWARE
    jcfg.mode = JIT_OFF; /* the host cannot run RV32 code: the JIT is for reports there */
#endif
#if !P4_FIRMWARE
    const char *on = "host", *firmware = getenv("P4JIT_FIRMWARE");
    if (!firmware)
        firmware = P4_FIRMWARE_ELF;
#endif
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "-m") == 0 && i + 1 < argc) {
            if (!parse_size(argv[++i], &cfg.heap_size) || cfg.heap_size < 16384)
                return fail("bad heap size '%s' (16K to 2047M: bytes, or a number with K or M)", argv[i]);
        } else if (strcmp(opt, "--stack") == 0 && i + 1 < argc) {
            size_t n;
            if (!parse_size(argv[++i], &n) || n < 256 || n > (1u << 24))
                return fail("bad stack size '%s' (256 to 16M slots)", argv[i]);
            cfg.stack_slots = (uint32_t)n;
        } else if (strcmp(opt, "--recursion-limit") == 0 && i + 1 < argc) {
            size_t n;
            if (!parse_size(argv[++i], &n) || n > 1000000)
                return fail("bad recursion limit '%s'", argv[i]);
            cfg.max_frames = (uint32_t)n;
        } else if (strcmp(opt, "--gc-stress") == 0) {
            cfg.gc_stress = true;
        } else if (strcmp(opt, "--stats") == 0) {
            stats = true;
        } else if (strcmp(opt, "-X") == 0 && i + 1 < argc) {
            if (!x_option(&jcfg, argv[++i]))
                return fail("bad -X option '%s' (see p4jit --help)", argv[i]);
            pie_given |= strncmp(argv[i], "pie=", 4) == 0;
            jit_mode_given |= strncmp(argv[i], "jit=", 4) == 0;
        } else if (strcmp(opt, "--jit-report") == 0) {
            jit_report_wanted = true;
#if !P4_FIRMWARE
        } else if (strcmp(opt, "--on") == 0 && i + 1 < argc) {
            on = argv[++i];
            if (strcmp(on, "host") != 0 && strcmp(on, "qemu") != 0 && strcmp(on, "p4sim") != 0)
                return fail("--on: unknown target '%s' (host, qemu or p4sim)", on);
#if !P4_HAVE_SIM
            if (strcmp(on, "p4sim") == 0)
                return fail("%s", "--on p4sim: this build has no simulator");
#endif
        } else if (strcmp(opt, "--firmware") == 0 && i + 1 < argc) {
            firmware = argv[++i];
#endif
        } else {
            return fail("unknown run option '%s' (see p4jit --help)", opt);
        }
    }
    if (i >= argc)
        return fail("%s", "run: no program given");
    /* --jit-report turns on the JIT the host keeps off, unless -X jit= says
     * otherwise, in whichever order the two come */
    if (jit_report_wanted && !jit_mode_given && jcfg.mode == JIT_OFF)
        jcfg.mode = JIT_AUTO;
    (void)pie_given; /* the firmware has no target to choose */
#if !P4_FIRMWARE
    if (strcmp(on, "qemu") == 0 && jcfg.pie)
        return fail("%s", "--on qemu: QEMU has no PIE (-X pie=off, or --on p4sim)");
    if (strcmp(on, "qemu") == 0 || strcmp(on, "p4sim") == 0) {
        /* forward every run option except --on/--firmware; p4sim has PIE:
         * rev3 (its default revision) unless -X pie= says otherwise */
        char *fwd[258];
        int nf = 0;
        if (strcmp(on, "p4sim") == 0 && !pie_given) {
            fwd[nf++] = "-X";
            fwd[nf++] = "pie=rev3";
        }
        /* the firmware has no environment: $P4JIT_PATH goes as -X path= (a
         * later -X path= of the command line still wins) */
        static char env_path[1100];
        if (getenv("P4JIT_PATH") && getenv("P4JIT_PATH")[0]) {
            snprintf(env_path, sizeof env_path, "path=%s", getenv("P4JIT_PATH"));
            fwd[nf++] = "-X";
            fwd[nf++] = env_path;
        }
        for (int k = 1; k < argc && nf < 253; k++) {
            if ((strcmp(argv[k], "--on") == 0 || strcmp(argv[k], "--firmware") == 0) && k + 1 < argc) {
                k++;
                continue;
            }
            fwd[nf++] = argv[k];
        }
#if P4_HAVE_SIM
        if (strcmp(on, "p4sim") == 0)
            return run_on_p4sim(firmware, stats, jcfg.pie == 1 ? 1 : 3, nf, fwd);
#endif
        return run_on_qemu(firmware, "run", nf, fwd);
    }
#endif
    const char *path = argv[i];
    sys_set_argv(argc - i, argv + i); /* sys.argv: the program and what follows it */

    P4bModule *m = calloc(1, sizeof *m);
    if (!m)
        return fail("%s", "out of memory");
    char *source;
    size_t source_len = 0;
    int rc = load_module(path, m, &source, &source_len);
    if (rc != 0) {
        free(m);
        return rc;
    }
    VM *vm = vm_new(&cfg);
    if (!vm) {
        p4b_free(m);
        free(m);
        free(source);
        return fail("%s", "cannot allocate the VM's memory");
    }
    uint64_t instret0 = port_instret(), cycles0 = port_cycles();
    bool ok = vm_load_program(vm, m, source, source_len);
    jit_configure(&jcfg); /* p4.jit_mode() may start or switch it later */
    if (ok && jcfg.mode != JIT_OFF && !jit_init(vm, &jcfg)) {
        vm_free(vm);
        free(source);
        return fail("%s", "cannot allocate the JIT's memory");
    }
    ok = ok && vm_run_program(vm);
    weakref_at_exit(vm); /* weakref.finalize's atexit (vm/weakrefmod.c) */
    uint64_t instret1 = port_instret(), cycles1 = port_cycles();
    int status = ok ? 0 : 1;
    if (!ok) {
        vm_flush(vm);
        /* an uncaught SystemExit ends the program quietly with its status */
        int exit_status = vm_exit_status(vm, vm->exc);
        if (exit_status >= 0)
            status = exit_status;
        else if (vm->exc.type == T_EXCEPTION)
            vm_print_exception(vm, vm->exc);
    }
    if (stats) {
        vm_flush(vm);
        fprintf(stderr, "p4jit-stats: instret %llu cycles %llu hz %lu heap-collections %lu\n",
                (unsigned long long)(instret1 - instret0), (unsigned long long)(cycles1 - cycles0),
                (unsigned long)port_cpu_hz(), (unsigned long)vm->heap.collections);
        PortHeap heap;
        if (port_heap(&heap)) /* the firmware's malloc, object heap and code buffer included */
            fprintf(stderr, "p4jit-stats: peak heap %lu bytes\n", (unsigned long)heap.peak);
    }
    if (jit_report_wanted) {
        vm_flush(vm);
        if (jcfg.mode == JIT_OFF) /* (not silence: the user asked for a report) */
            fputs("p4jit: --jit-report: the JIT is off (-X jit=off): every function ran interpreted\n", stderr);
        jit_report(vm);
    }
    jit_free(vm);
    vm_free(vm);
    free(source);
    return status;
}

static int cmd_compile(int argc, char **argv)
{
#if P4_HAVE_COMPILER
    const char *in = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "-o") == 0)
            return fail("%s", "compile: -o needs a file name (p4jit compile FILE.py -o FILE.p4b)");
        else if (strcmp(argv[i], "--no-docstrings") == 0)
            p4_compile_docstrings = false;
        else if (argv[i][0] == '-')
            return fail("unknown compile option '%s'", argv[i]);
        else if (!in)
            in = argv[i];
        else
            return fail("compile: unexpected argument '%s'", argv[i]);
    }
    if (!in || !out)
        return fail("%s", "usage: p4jit compile FILE.py -o FILE.p4b");
    char err[256], *data;
    size_t len;
    if (port_read_file(in, &data, &len, err, sizeof err) != 0)
        return fail("%s", err);
    uint8_t *image;
    size_t image_len;
    int rc = p4_compile_reporting(data, len, in, in, &image, &image_len);
    free(data);
    if (rc != 0)
        return 1;
    FILE *f = fopen(out, "wb");
    bool ok = f && fwrite(image, 1, image_len, f) == image_len;
    if (f && fclose(f) != 0)
        ok = false;
    free(image);
    if (!ok)
        return fail("cannot write '%s'", out);
    return 0;
#else
    (void)argc;
    (void)argv;
    return fail("%s", "this build has no source compiler");
#endif
}

static void discard(void *ctx, int fd, const char *data, size_t len) {}

/* dis --jit: runs the program with every function compiled at its first
 * call (its output discarded), then lists what the JIT made of each;
 * jcfg: the -X options given (pie= chooses the encoding listed). */
static int dis_jit(const char *path, JitConfig jcfg)
{
    P4bModule *m = calloc(1, sizeof *m);
    char *source;
    size_t source_len = 0;
    if (!m)
        return fail("%s", "out of memory");
    int rc = load_module(path, m, &source, &source_len);
    if (rc != 0) {
        free(m);
        return rc;
    }
    VMConfig cfg;
    vm_config_default(&cfg);
    jcfg.mode = JIT_EAGER;
    jcfg.listings = true;
    VM *vm = vm_new(&cfg);
    if (!vm) {
        p4b_free(m);
        free(m);
        free(source);
        return fail("%s", "cannot allocate the VM's memory");
    }
    bool ok = vm_load_program(vm, m, source, source_len) && jit_init(vm, &jcfg);
    if (ok) {
        vm->write = discard;
        if (!vm_run_program(vm))
            vm->exc = v_unbound(); /* listing what was compiled up to the error */
        jit_dump(vm);
    }
    jit_free(vm);
    vm_free(vm);
    free(source);
    return ok ? 0 : 1;
}

static int cmd_dis(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "--jit") == 0) {
        JitConfig jcfg;
        jit_config_default(&jcfg);
        int i = 2;
        for (; i + 1 < argc && strcmp(argv[i], "-X") == 0; i += 2)
            if (!x_option(&jcfg, argv[i + 1]))
                return fail("bad -X option '%s' (see p4jit --help)", argv[i + 1]);
        if (i + 1 == argc)
            return dis_jit(argv[i], jcfg);
    }
    if (argc != 2 || strcmp(argv[1], "--jit") == 0) /* an option is no file name */
        return fail("%s", "usage: p4jit dis [--jit [-X OPT]...] FILE.py|FILE.p4b");
    P4bModule m;
    memset(&m, 0, sizeof m);
    char *source;
    size_t source_len;
    int rc = load_module(argv[1], &m, &source, &source_len);
    if (rc != 0)
        return rc;
    p4b_dis(&m, stdout);
    p4b_free(&m);
    free(source);
    return 0;
}

#if P4_FIRMWARE
int p4jit_main(int argc, char **argv); /* called by firmware/main.c */
int p4jit_main(int argc, char **argv)
#else
int main(int argc, char **argv)
#endif
{
#if P4_HAVE_COMPILER
    module_set_compiler(compile_for_import);
#endif
#if !P4_FIRMWARE
    if (getenv("P4JIT_PATH"))
        module_set_path(getenv("P4JIT_PATH"));
#endif
    if (argc < 2)
        return p4jit_repl_main(1, argv); /* no file: the interactive prompt (repl.c) */
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("p4jit %s (bytecode %d.%d)\n", P4JIT_VERSION, P4B_VERSION_MAJOR, P4B_VERSION_MINOR);
        return 0;
    }
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 1, argv + 1);
    if (strcmp(cmd, "compile") == 0)
        return cmd_compile(argc - 1, argv + 1);
    if (strcmp(cmd, "dis") == 0)
        return cmd_dis(argc - 1, argv + 1);
    if (strcmp(cmd, "repl") == 0)
        return cmd_repl(argc - 1, argv + 1);
#if P4_HAVE_RV32
    if (strcmp(cmd, "objdump") == 0)
        return rv32_objdump_main(argc - 1, argv + 1);
#endif
    return fail("unknown command '%s' (see p4jit --help)", cmd);
}
