/* A mixed workload: sorting, strings, malloc, printf of floats. */
#include <stdlib.h>
#include "common.h"
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int main(void)
{
    int n = 500, *v = malloc(sizeof(int) * (size_t)n);
    for (int i = 0; i < n; i++) v[i] = (int)(rng() % 10000);
    uint32_t t0 = rdinstret();
    qsort(v, (size_t)n, sizeof *v, cmp);
    uint32_t t1 = rdinstret();
    printf("sorted %d %d %d instret %lu\n", v[0], v[n / 2], v[n - 1], (unsigned long)(t1 - t0));
    char s[200];
    snprintf(s, sizeof s, "%.6f %e %g", 3.14159f * 2, 1e-7, 12345.678);
    printf("%s len %zu\n", s, strlen(s));
    float acc = 0;
    for (int i = 1; i < 1000; i++) acc += 1.0f / (float)i;
    printf("harmonic %.7f\n", (double)acc);
    free(v);
    return 0;
}
