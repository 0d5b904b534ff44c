/* Semihosting file I/O: create, write, seek, read back, length, remove;
 * stdout and stderr. */
#include <stdlib.h>
#include "common.h"

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[argc - 1] : "p4sim_fileio.tmp";
    FILE *f = fopen(path, "w");
    if (!f) { printf("open for write failed\n"); return 2; }
    for (int i = 0; i < 100; i++) fprintf(f, "line %d\n", i);
    fclose(f);
    f = fopen(path, "r");
    if (!f) { printf("open for read failed\n"); return 3; }
    char buf[64];
    int lines = 0;
    while (fgets(buf, sizeof buf, f)) lines++;
    printf("lines %d last %s", lines, buf);
    fseek(f, 20, SEEK_SET);
    fgets(buf, sizeof buf, f);
    printf("at 20: %s", buf);
    fseek(f, 0, SEEK_END);
    printf("length %ld\n", ftell(f));
    fclose(f);
    printf("remove %d\n", remove(path));
    printf("reopen %s\n", fopen(path, "r") ? "yes" : "no");
    fprintf(stderr, "to stderr\n");
    return 0;
}
