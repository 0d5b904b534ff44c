/*
 * semihost.c - the RISC-V semihosting calls picolibc's libsemihost uses.
 * Operation numbers and parameter blocks: the Arm "Semihosting for AArch32
 * and AArch64" specification, which the RISC-V semihosting spec adopts
 * (a0 = operation, a1 = parameter block address, result in a0).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim/sim_internal.h"

enum {
    SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05,
    SYS_READ = 0x06, SYS_READC = 0x07, SYS_ISERROR = 0x08, SYS_ISTTY = 0x09, SYS_SEEK = 0x0a,
    SYS_FLEN = 0x0c, SYS_TMPNAM = 0x0d, SYS_REMOVE = 0x0e, SYS_RENAME = 0x0f, SYS_CLOCK = 0x10,
    SYS_TIME = 0x11, SYS_SYSTEM = 0x12, SYS_ERRNO = 0x13, SYS_GET_CMDLINE = 0x15,
    SYS_HEAPINFO = 0x16, SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20, SYS_ELAPSED = 0x30,
    SYS_TICKFREQ = 0x31,
    ADP_Stopped_ApplicationExit = 0x20026,
};

/* ":semihosting-features": magic "SHFB" then one feature byte;
 * bit 0 EXIT_EXTENDED, bit 1 stdout/stderr via ":tt" modes (spec 5.5.2). */
static const uint8_t features[5] = {'S', 'H', 'F', 'B', 0x03};

static bool rd32(P4Sim *s, uint32_t a, uint32_t *v)
{
    Region *r = sim_region(s, a, 4);
    if (!r) return false;
    memcpy(v, r->mem + (a - r->base), 4); /* host is little-endian (checked in sim.c) */
    return true;
}

static uint8_t *guest_ptr(P4Sim *s, uint32_t a, uint32_t len)
{
    Region *r = sim_region(s, a, len ? len : 1);
    return r ? r->mem + (a - r->base) : NULL;
}

static char *guest_str(P4Sim *s, uint32_t a, uint32_t len)
{
    uint8_t *p = guest_ptr(s, a, len);
    if (!p) return NULL;
    char *c = malloc(len + 1);
    if (!c) return NULL;
    memcpy(c, p, len);
    c[len] = 0;
    return c;
}

void sim_console(P4Sim *s, int fd, const char *p, size_t n)
{
    if (s->cfg.write_fn) {
        s->cfg.write_fn(s->cfg.write_ctx, fd, p, n);
        return;
    }
    FILE *f = fd == 2 ? s->cfg.err : s->cfg.out;
    if (fd == 2) fflush(s->cfg.out); /* keep the order of interleaved stdout/stderr */
    fwrite(p, 1, n, f);
    /* out at once, not at exit: the simulator may be killed at a time limit
     * (a guest's SYS_WRITEC characters go at each line's end) */
    if (fd == 2 || n > 1 || (n == 1 && p[0] == '\n')) fflush(f);
}

static int new_handle(P4Sim *s)
{
    for (int i = 1; i < SIM_MAXFILES; i++)
        if (!s->files[i].kind) return i;
    return -1;
}

static uint32_t sh_open(P4Sim *s, uint32_t blk)
{
    uint32_t name, mode, len;
    if (!rd32(s, blk, &name) || !rd32(s, blk + 4, &mode) || !rd32(s, blk + 8, &len) || mode > 11 || len > 4096)
        return (uint32_t)-1;
    char *path = guest_str(s, name, len);
    if (!path) return (uint32_t)-1;
    int h = new_handle(s);
    if (h < 0) { free(path); s->sh_errno = EMFILE; return (uint32_t)-1; }
    SimFile *f = &s->files[h];
    if (strcmp(path, ":tt") == 0) {
        f->kind = mode < 4 ? 1 : mode < 8 ? 2 : 3; /* r / w / a */
    } else if (strcmp(path, ":semihosting-features") == 0) {
        f->kind = 5, f->pos = 0;
    } else if (s->cfg.no_host_files) {
        s->sh_errno = EPERM;
        free(path);
        return (uint32_t)-1;
    } else {
        static const char *const modes[12] = {"r", "rb", "r+", "r+b", "w", "wb", "w+", "w+b", "a", "ab", "a+", "a+b"};
        f->fp = fopen(path, modes[mode]);
        if (!f->fp) { s->sh_errno = errno; free(path); return (uint32_t)-1; }
        /* unbuffered, like QEMU's host calls: a guest that never closes
         * (picolibc's fclose does not always reach SYS_CLOSE) sees its data */
        setvbuf(f->fp, NULL, _IONBF, 0);
        f->kind = 4;
    }
    free(path);
    return (uint32_t)h;
}

static SimFile *handle(P4Sim *s, uint32_t h)
{
    return h < SIM_MAXFILES && s->files[h].kind ? &s->files[h] : NULL;
}

/* Returns 1 when the guest asked to exit. */
int sim_semihost(P4Sim *s, uint32_t op, uint32_t a, uint32_t *ret)
{
    uint32_t p[4] = {0, 0, 0, 0};
    *ret = 0;
    switch (op) {
    case SYS_OPEN: *ret = sh_open(s, a); return 0;
    case SYS_CLOSE: {
        SimFile *f = rd32(s, a, &p[0]) ? handle(s, p[0]) : NULL;
        if (!f) { *ret = (uint32_t)-1; return 0; }
        if (f->kind == 4) fclose(f->fp);
        memset(f, 0, sizeof *f);
        return 0;
    }
    case SYS_WRITEC: {
        uint8_t *c = guest_ptr(s, a, 1);
        if (c) sim_console(s, 1, (const char *)c, 1);
        return 0;
    }
    case SYS_WRITE0: {
        Region *r = sim_region(s, a, 1);
        if (!r) return 0;
        size_t max = r->size - (a - r->base);
        const char *c = (const char *)r->mem + (a - r->base);
        sim_console(s, 1, c, strnlen(c, max));
        return 0;
    }
    case SYS_WRITE: case SYS_READ: {
        if (!rd32(s, a, &p[0]) || !rd32(s, a + 4, &p[1]) || !rd32(s, a + 8, &p[2])) { *ret = (uint32_t)-1; return 0; }
        SimFile *f = handle(s, p[0]);
        uint8_t *buf = guest_ptr(s, p[1], p[2]);
        if (!f || !buf) { *ret = p[2]; s->sh_errno = EBADF; return 0; }
        size_t done = 0;
        if (op == SYS_WRITE) {
            if (f->kind == 2 || f->kind == 3) sim_console(s, f->kind - 1, (const char *)buf, p[2]), done = p[2];
            else if (f->kind == 4) done = fwrite(buf, 1, p[2], f->fp);
        } else {
            if (f->kind == 1) done = fread(buf, 1, p[2], s->cfg.in);
            else if (f->kind == 4) done = fread(buf, 1, p[2], f->fp);
            else if (f->kind == 5) {
                uint32_t left = f->pos < sizeof features ? (uint32_t)sizeof features - f->pos : 0;
                done = p[2] < left ? p[2] : left;
                memcpy(buf, features + f->pos, done);
                f->pos += (uint32_t)done;
            }
        }
        *ret = p[2] - (uint32_t)done; /* bytes NOT transferred */
        return 0;
    }
    case SYS_READC: {
        int c = fgetc(s->cfg.in);
        *ret = (uint32_t)c;
        return 0;
    }
    case SYS_ISERROR: *ret = rd32(s, a, &p[0]) && (int32_t)p[0] < 0; return 0;
    case SYS_ISTTY: {
        SimFile *f = rd32(s, a, &p[0]) ? handle(s, p[0]) : NULL;
        *ret = f && f->kind >= 1 && f->kind <= 3;
        return 0;
    }
    case SYS_SEEK: {
        SimFile *f = rd32(s, a, &p[0]) && rd32(s, a + 4, &p[1]) ? handle(s, p[0]) : NULL;
        if (f && f->kind == 4) *ret = fseek(f->fp, (long)p[1], SEEK_SET) == 0 ? 0 : (uint32_t)-1;
        else if (f && f->kind == 5) f->pos = p[1];
        else *ret = (uint32_t)-1;
        return 0;
    }
    case SYS_FLEN: {
        SimFile *f = rd32(s, a, &p[0]) ? handle(s, p[0]) : NULL;
        if (f && f->kind == 4) {
            long cur = ftell(f->fp);
            fseek(f->fp, 0, SEEK_END);
            *ret = (uint32_t)ftell(f->fp);
            fseek(f->fp, cur, SEEK_SET);
        } else if (f && f->kind == 5) *ret = sizeof features;
        else *ret = f ? 0 : (uint32_t)-1;
        return 0;
    }
    case SYS_REMOVE: {
        char *path = rd32(s, a, &p[0]) && rd32(s, a + 4, &p[1]) && p[1] < 4096 ? guest_str(s, p[0], p[1]) : NULL;
        *ret = path && !s->cfg.no_host_files && remove(path) == 0 ? 0 : (uint32_t)-1;
        if (*ret) s->sh_errno = errno;
        free(path);
        return 0;
    }
    case SYS_RENAME: {
        for (int i = 0; i < 4; i++) rd32(s, a + 4 * (uint32_t)i, &p[i]);
        char *from = p[1] < 4096 ? guest_str(s, p[0], p[1]) : NULL, *to = p[3] < 4096 ? guest_str(s, p[2], p[3]) : NULL;
        *ret = from && to && !s->cfg.no_host_files && rename(from, to) == 0 ? 0 : (uint32_t)-1;
        free(from), free(to);
        return 0;
    }
    case SYS_CLOCK: *ret = (uint32_t)(clock() / (CLOCKS_PER_SEC / 100)); return 0;
    case SYS_TIME: *ret = (uint32_t)time(NULL); return 0;
    case SYS_ERRNO: *ret = (uint32_t)s->sh_errno; return 0;
    case SYS_GET_CMDLINE: {
        if (!rd32(s, a, &p[0]) || !rd32(s, a + 4, &p[1])) { *ret = (uint32_t)-1; return 0; }
        const char *cl = s->cmdline ? s->cmdline : "";
        size_t n = strlen(cl);
        uint8_t *buf = guest_ptr(s, p[0], p[1]);
        if (!buf || n + 1 > p[1]) { *ret = (uint32_t)-1; return 0; }
        memcpy(buf, cl, n + 1);
        uint32_t len = (uint32_t)n;
        uint8_t *lp = guest_ptr(s, a + 4, 4);
        memcpy(lp, &len, 4);
        return 0;
    }
    case SYS_HEAPINFO: {
        /* all zeros: picolibc then uses its linker-script heap */
        uint8_t *blk = rd32(s, a, &p[0]) ? guest_ptr(s, p[0], 16) : NULL;
        if (blk) memset(blk, 0, 16);
        return 0;
    }
    case SYS_EXIT:
        /* RV32: a1 holds the reason itself (not a block) */
        s->exit_code = a == ADP_Stopped_ApplicationExit ? 0 : 1;
        return 1;
    case SYS_EXIT_EXTENDED:
        if (!rd32(s, a, &p[0]) || !rd32(s, a + 4, &p[1])) { s->exit_code = 1; return 1; }
        s->exit_code = p[0] == ADP_Stopped_ApplicationExit ? (int)p[1] : 1;
        return 1;
    case SYS_ELAPSED: {
        uint8_t *blk = guest_ptr(s, a, 8);
        if (blk) memcpy(blk, &s->stats.cycles, 8);
        return 0;
    }
    case SYS_TICKFREQ: *ret = 400000000u; return 0;
    default: *ret = (uint32_t)-1; return 0; /* TMPNAM, SYSTEM and unknown ones */
    }
}
