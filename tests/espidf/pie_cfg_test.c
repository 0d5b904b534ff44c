/*
 * pie_cfg_test.c - compiled code leaves PIE's CFG register as it found it.
 *
 * Under FreeRTOS, CFG is not part of a task's saved context (esp32p4.md):
 * the JIT's unaligned-access setting (IR_VCFG) must not leak into other PIE
 * code on the core. Runs the firmware in p4sim with CFG preset to a value
 * another task might have left (vxrm bits, no unaligned access), the JIT
 * compiling PIE loops, and checks CFG at exit is that value again.
 *
 * usage: pie_cfg_test FIRMWARE.elf PROGRAM.py
 */
#include <stdio.h>
#include <string.h>

#include "sim/sim.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: pie_cfg_test FIRMWARE.elf PROGRAM.py\n");
        return 2;
    }
    const uint32_t preset = 0x50; /* CFG[7:4] vxrm = 5; bits 0-1 (unaligned st/ld) clear */
    FILE *out = tmpfile();
    if (!out)
        return 2;
    P4SimConfig cfg;
    p4sim_config_default(&cfg);
    cfg.rev = 3;
    cfg.out = out;
    cfg.err = out; /* the JIT report goes to the guest's stderr */
    P4Sim *s = p4sim_new(&cfg);
    char err[512];
    if (!s || p4sim_load_elf_file(s, argv[1], err, sizeof err) != 0) {
        fprintf(stderr, "pie_cfg_test: %s\n", s ? err : "out of memory");
        return 2;
    }
    char *sargv[] = {argv[1], "run", "-X", "pie=rev3", "-X", "jit=eager", "--jit-report", argv[2]};
    p4sim_set_args(s, 8, sargv);
    P4SimPie pie;
    p4sim_get_pie(s, &pie);
    pie.cfg = preset;
    p4sim_set_pie(s, &pie);
    P4SimStatus st = p4sim_run(s, 0);
    int code = p4sim_exit_code(s);
    p4sim_get_pie(s, &pie);
    /* the report proves a PIE loop ran compiled */
    char buf[65536];
    rewind(out);
    size_t n = fread(buf, 1, sizeof buf - 1, out);
    buf[n] = '\0';
    bool vector = strstr(buf, "PIE lanes") != NULL;
    p4sim_free(s);
    fclose(out);
    if (st != P4SIM_EXITED || code != 0 || !vector) {
        fprintf(stderr, "pie_cfg_test: run failed (status %d, exit %d, PIE loop compiled: %s)\n%s", (int)st, code,
                vector ? "yes" : "no", buf);
        return 1;
    }
    if (pie.cfg != preset) {
        fprintf(stderr, "pie_cfg_test: CFG is 0x%x after the run, was 0x%x\n", (unsigned)pie.cfg, (unsigned)preset);
        return 1;
    }
    printf("pie_cfg_test: CFG 0x%x before and after %s with compiled PIE loops\n", (unsigned)preset, argv[2]);
    return 0;
}
