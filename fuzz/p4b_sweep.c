/*
 * p4b_sweep.c - the .p4b mutation sweep of the normal build: a fixed number
 * of mutations (p4b_mutate.c) of every program given, compiled to .p4b.
 * Each mutant must either be rejected by the loader with a message, or load,
 * disassemble and run to its end or to a Python exception, in a child
 * process with a time limit (a mutant may loop forever; that is not a
 * crash). A child killed by a signal, or one that exits any other way (ASan
 * exits with 1 after its report), is a failure: the mutant is written to the
 * --save directory and becomes a regression input (fuzz/corpus/p4b-crashes).
 *
 *   p4b_sweep [--mutations N] [--seed S] [--save DIR] [--jit] FILE.py|FILE.p4b...
 *   p4b_sweep --replay FILE.p4b...     run saved mutants as they are
 *
 * --jit also compiles every function at its first call (the host JIT
 * generates code without running it): the JIT's front end meets the damaged
 * bytecode too. The last line states how many mutations ran and what became
 * of them, for the test log.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jit/jit.h"
#include "lang/compile.h"
#include "p4b_mutate.h"
#include "port/port.h"
#include "vm/p4b.h"
#include "vm/vm.h"

#define RUN_LIMIT_MS 2000 /* per mutant: the corpus programs take milliseconds */

typedef struct Tally {
    unsigned long mutations, rejected, ran, raised, timed_out, failed;
} Tally;

static void discard(void *ctx, int fd, const char *data, size_t len)
{
    (void)ctx, (void)fd, (void)data, (void)len;
}

/* In the child: loads, lists and runs an image that p4b_read accepted.
 * Exit status 0: ran to its end; 3: ended with a Python exception. */
static void child_run(const uint8_t *image, size_t len, bool jit)
{
    struct itimerval limit = {{0, 0}, {RUN_LIMIT_MS / 1000, (RUN_LIMIT_MS % 1000) * 1000}};
    setitimer(ITIMER_REAL, &limit, NULL); /* SIGALRM: the default action ends us */
    P4bModule *m = calloc(1, sizeof *m);
    char err[256];
    if (!m || p4b_read(image, len, m, err, sizeof err) != 0)
        _exit(4);
    FILE *sink = fopen("/dev/null", "w");
    if (sink) {
        p4b_dis(m, sink);
        fclose(sink);
    }
    VMConfig cfg;
    vm_config_default(&cfg);
    cfg.heap_size = 256 * 1024;
    cfg.stack_slots = 4096;
    cfg.max_frames = 200;
    VM *vm = vm_new(&cfg);
    if (!vm)
        _exit(5);
    vm->write = discard;
    bool ok = vm_load_program(vm, m, NULL, 0);
    if (ok && jit) {
        JitConfig jcfg;
        jit_config_default(&jcfg);
        jcfg.mode = JIT_EAGER;
        ok = jit_init(vm, &jcfg);
    }
    ok = ok && vm_run_program(vm);
    if (!ok && vm->exc.type == T_EXCEPTION)
        vm_print_exception(vm, vm->exc); /* the traceback printer meets the damage too */
    jit_free(vm);
    vm_free(vm);
    _exit(ok ? 0 : 3);
}

/* Returns false when the mutant crashed its child. */
static bool check(const uint8_t *image, size_t len, bool jit, Tally *t)
{
    P4bModule m;
    char err[256] = "";
    if (p4b_read(image, len, &m, err, sizeof err) != 0) {
        if (err[0] == '\0') {
            fprintf(stderr, "rejected without a message\n");
            return false;
        }
        t->rejected++;
        return true;
    }
    p4b_free(&m);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0)
        child_run(image, len, jit);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            perror("waitpid");
            exit(2);
        }
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
        t->timed_out++;
        return true;
    }
    if (WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3)) {
        t->ran++;
        t->raised += WEXITSTATUS(status) == 3;
        return true;
    }
    if (WIFSIGNALED(status))
        fprintf(stderr, "the run was killed by signal %d\n", WTERMSIG(status));
    else
        fprintf(stderr, "the run exited with status %d\n", WEXITSTATUS(status));
    return false;
}

static uint8_t *read_all(const char *path, size_t *len)
{
    char err[256], *data;
    if (port_read_file(path, &data, len, err, sizeof err) != 0) {
        fprintf(stderr, "p4b_sweep: %s\n", err);
        exit(2);
    }
    return (uint8_t *)data;
}

/* The input as a .p4b image: compiled when it is source. */
static uint8_t *image_of(const char *path, size_t *len)
{
    size_t n = strlen(path);
    uint8_t *data = read_all(path, len);
    if (n > 4 && strcmp(path + n - 4, ".p4b") == 0)
        return data;
    uint8_t *image;
    P4CompileError cerr;
    if (p4_compile_to_p4b((const char *)data, *len, path, &image, len, &cerr) != 0) {
        free(data);
        return NULL; /* an error-corpus program may not compile: nothing to mutate */
    }
    free(data);
    return image;
}

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a: the seed of a file must not depend on the directory */
    const char *base = strrchr(s, '/');
    for (s = base ? base + 1 : s; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static void save(const char *dir, const char *path, unsigned long k, const uint8_t *data, size_t len)
{
    if (!dir)
        return;
    const char *base = strrchr(path, '/');
    char out[4096];
    snprintf(out, sizeof out, "%s/%s-%lu.p4b", dir, base ? base + 1 : path, k);
    FILE *f = fopen(out, "wb");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
        fprintf(stderr, "  saved as %s\n", out);
    }
}

int main(int argc, char **argv)
{
    unsigned long mutations = 50;
    uint32_t seed = 1;
    const char *save_dir = NULL;
    bool replay = false, jit = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--mutations") == 0 && i + 1 < argc)
            mutations = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = (uint32_t)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--save") == 0 && i + 1 < argc)
            save_dir = argv[++i];
        else if (strcmp(argv[i], "--replay") == 0)
            replay = true;
        else if (strcmp(argv[i], "--jit") == 0)
            jit = true;
        else {
            fprintf(stderr, "p4b_sweep: unknown option '%s'\n", argv[i]);
            return 2;
        }
    }
    if (i >= argc) {
        fprintf(stderr, "usage: p4b_sweep [--mutations N] [--seed S] [--save DIR] [--jit] [--replay] FILE...\n");
        return 2;
    }
    Tally t = {0};
    int files = 0;
    for (; i < argc; i++) {
        size_t len;
        if (replay) {
            uint8_t *data = read_all(argv[i], &len);
            t.mutations++;
            if (!check(data, len, jit, &t)) {
                fprintf(stderr, "FAIL: %s\n", argv[i]);
                t.failed++;
            }
            free(data);
            continue;
        }
        uint8_t *image = image_of(argv[i], &len);
        if (!image)
            continue;
        files++;
        size_t cap = len + 64;
        uint8_t *buf = malloc(cap);
        if (!buf)
            return 2;
        for (unsigned long k = 0; k < mutations; k++) {
            memcpy(buf, image, len);
            size_t n = p4b_mutate(buf, len, cap, (seed * 1000003u) ^ name_hash(argv[i]) ^ (uint32_t)(k * 7919u));
            t.mutations++;
            if (!check(buf, n, jit, &t)) {
                fprintf(stderr, "FAIL: %s, mutation %lu (seed %u)\n", argv[i], k, seed);
                save(save_dir, argv[i], k, buf, n);
                t.failed++;
            }
        }
        free(buf);
        free(image);
    }
    printf("p4b mutation sweep: %lu mutations of %d files%s: %lu rejected by the loader, %lu ran (%lu of them "
           "raised), %lu stopped at the %d ms limit, %lu crashed\n",
           t.mutations, files, jit ? " (JIT eager)" : "", t.rejected, t.ran, t.raised, t.timed_out, RUN_LIMIT_MS,
           t.failed);
    return t.failed ? 1 : 0;
}
