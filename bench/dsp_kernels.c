/*
 * dsp_kernels.c - plain-C versions of five ESP-DSP kernels, cross-built for
 * RV32IMAFC at -O2, to calibrate p4sim's cycle model against the cycle
 * counts ESP-DSP publishes for its plain-C ("ANSI") builds on the ESP32-P4
 * (../shared/reference/esp32p4.md, from ESP-DSP's
 * docs/en/esp-dsp-benchmarks.rst).
 *
 * Written here from the functions' documented semantics (ESP-DSP headers
 * modules/dotprod/include/dsps_dotprod.h, dspi_dotprod.h,
 * modules/matrix/include/dspm_mult.h; the image descriptor of
 * modules/common/include/dsp_types.h):
 *
 *   dsps_dotprod_s16(a, b, dest, len, shift):
 *       *dest = (round + sum a[i]*b[i]) >> (15 - shift), round = 0x7fff >> shift;
 *       the sum is kept in 64 bits (the library's C version does the same).
 *   dsps_dotprod_f32(a, b, dest, len):   *dest = sum a[i]*b[i]
 *   dspm_mult_s16(A, B, C, m, n, k, shift):
 *       C[m][k] = (round + sum_s A[i][s]*B[s][j]) >> (15 - shift), per element
 *   dspm_mult_f32(A, B, C, m, n, k):     C[m][k] = A[m][n] * B[n][k]
 *   dspi_dotprod_s8(img, filt, out, count_x, count_y, shift):
 *       *out = (round + sum_{x,y} img(x,y)*filt(x,y)) >> shift, where
 *       P(x,y) = data[stride_x*step_y*y + step_x*x] (2-D descriptor with
 *       steps and strides), round = (1 << shift) >> 1, int8 result;
 *       the sum is kept in 32 bits (see "dspi_dotprod_s8" in docs/p4sim.md).
 *   dspi_dotprod_s16: the same over int16 samples, sum in 64 bits, shift 15.
 *
 * Each kernel is called once to warm up (branch predictor; as ESP-DSP's
 * benchmarks do), then timed by reading the cycle CSR (rdcycle) around one
 * call. The program prints one line per kernel:
 *     NAME cycles C result R
 * where R is the scalar result or a 32-bit hash of the output matrix
 * (h = h*31 + (uint32)v over the elements in order, int16 values as
 * uint16). bench/dsp_calibration.py recomputes every R on the host and
 * compares C with the published figure.
 */
#include <stdint.h>
#include <stdio.h>

typedef struct Image2D {
    void *data;
    int step_x, step_y;     /* element steps along x and y */
    int stride_x, stride_y; /* row length in elements, number of rows */
} Image2D;

static inline uint32_t rdcycle(void)
{
    uint32_t c;
    __asm__ volatile("rdcycle %0" : "=r"(c));
    return c;
}

#define NOINLINE __attribute__((noinline))

NOINLINE int dotprod_s16(const int16_t *a, const int16_t *b, int16_t *dest, int len, int8_t shift)
{
    int64_t acc = 0x7fff >> shift;
    for (int i = 0; i < len; i++) acc += (int32_t)a[i] * (int32_t)b[i];
    int sh = 15 - shift;
    *dest = (int16_t)(sh >= 0 ? acc >> sh : acc << -sh);
    return 0;
}

NOINLINE int dotprod_f32(const float *a, const float *b, float *dest, int len)
{
    float acc = 0.0f;
    for (int i = 0; i < len; i++) acc += a[i] * b[i];
    *dest = acc;
    return 0;
}

NOINLINE int mult_s16(const int16_t *A, const int16_t *B, int16_t *C, int m, int n, int k, int shift)
{
    int sh = 15 - shift;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < k; j++) {
            int64_t acc = 0x7fff >> shift;
            for (int s = 0; s < n; s++) acc += (int32_t)A[i * n + s] * (int32_t)B[s * k + j];
            C[i * k + j] = (int16_t)(sh >= 0 ? acc >> sh : acc << -sh);
        }
    return 0;
}

NOINLINE int mult_f32(const float *A, const float *B, float *C, int m, int n, int k)
{
    for (int i = 0; i < m; i++)
        for (int j = 0; j < k; j++) {
            float acc = 0.0f;
            for (int s = 0; s < n; s++) acc += A[i * n + s] * B[s * k + j];
            C[i * k + j] = acc;
        }
    return 0;
}

NOINLINE int dotprod_img_s8(const Image2D *img, const Image2D *filt, int8_t *out, int count_x, int count_y, int shift)
{
    if (img->step_x * count_x > img->stride_x || img->step_y * count_y > img->stride_y) return -1;
    if (filt->step_x * count_x > filt->stride_x || filt->step_y * count_y > filt->stride_y) return -1;
    const int8_t *ip = img->data, *fp = filt->data;
    int irow = img->stride_x * img->step_y, frow = filt->stride_x * filt->step_y;
    int32_t acc = (1 << shift) >> 1;
    for (int y = 0; y < count_y; y++) {
        for (int x = 0; x < count_x; x++)
            acc += (int32_t)ip[img->step_x * x] * (int32_t)fp[filt->step_x * x];
        ip += irow, fp += frow;
    }
    *out = (int8_t)(acc >> shift);
    return 0;
}

NOINLINE int dotprod_img_s16(const Image2D *img, const Image2D *filt, int16_t *out, int count_x, int count_y, int shift)
{
    if (img->step_x * count_x > img->stride_x || img->step_y * count_y > img->stride_y) return -1;
    if (filt->step_x * count_x > filt->stride_x || filt->step_y * count_y > filt->stride_y) return -1;
    const int16_t *ip = img->data, *fp = filt->data;
    int irow = img->stride_x * img->step_y, frow = filt->stride_x * filt->step_y;
    int64_t acc = (1 << shift) >> 1;
    for (int y = 0; y < count_y; y++) {
        for (int x = 0; x < count_x; x++)
            acc += (int32_t)ip[img->step_x * x] * (int32_t)fp[filt->step_x * x];
        ip += irow, fp += frow;
    }
    *out = (int16_t)(acc >> shift);
    return 0;
}

/* ---- data and driver ---- */

static uint32_t seed = 0x2545f491u;
static int32_t next_rand(int lo, int hi) /* uniform-ish in [lo, hi] */
{
    seed = seed * 1664525u + 1013904223u;
    return lo + (int32_t)((seed >> 8) % (uint32_t)(hi - lo + 1));
}

static int16_t va[256] __attribute__((aligned(16))), vb[256] __attribute__((aligned(16)));
static float fa[256] __attribute__((aligned(16))), fb[256] __attribute__((aligned(16)));
static int16_t ma[16 * 16], mb[16 * 16], mc[16 * 16];
static float mfa[16 * 16], mfb[16 * 16], mfc[16 * 16];
static int8_t img[64 * 64] __attribute__((aligned(16))), filt[64 * 64] __attribute__((aligned(16)));
static int16_t img16[32 * 32] __attribute__((aligned(16))), filt16[32 * 32] __attribute__((aligned(16)));

static uint32_t hash_s16(const int16_t *v, int n)
{
    uint32_t h = 0;
    for (int i = 0; i < n; i++) h = h * 31u + (uint16_t)v[i];
    return h;
}

static uint32_t hash_f32(const float *v, int n)
{
    uint32_t h = 0;
    for (int i = 0; i < n; i++) {
        union { float f; uint32_t u; } c = {v[i]};
        h = h * 31u + c.u;
    }
    return h;
}

static void report(const char *name, uint32_t cycles, const char *result)
{
    printf("%s cycles %lu result %s\n", name, (unsigned long)cycles, result);
}

#define TIME(stmt, var) do { stmt; uint32_t t0_ = rdcycle(); stmt; var = rdcycle() - t0_; } while (0)

int main(void)
{
    char res[48];
    uint32_t c;
    /* inputs: the same generator, in the same order, as dsp_calibration.py */
    for (int i = 0; i < 256; i++) va[i] = (int16_t)next_rand(-4096, 4095), vb[i] = (int16_t)next_rand(-4096, 4095);
    for (int i = 0; i < 256; i++) fa[i] = (float)next_rand(-1000, 1000) / 256.0f, fb[i] = (float)next_rand(-1000, 1000) / 256.0f;
    for (int i = 0; i < 256; i++) ma[i] = (int16_t)next_rand(-8192, 8191), mb[i] = (int16_t)next_rand(-8192, 8191);
    for (int i = 0; i < 256; i++) mfa[i] = (float)next_rand(-100, 100) / 16.0f, mfb[i] = (float)next_rand(-100, 100) / 16.0f;
    for (int i = 0; i < 64 * 64; i++) img[i] = (int8_t)next_rand(-128, 127), filt[i] = (int8_t)next_rand(-128, 127);
    for (int i = 0; i < 32 * 32; i++) img16[i] = (int16_t)next_rand(-4096, 4095), filt16[i] = (int16_t)next_rand(-4096, 4095);

    int16_t d16 = 0;
    TIME(dotprod_s16(va, vb, &d16, 256, 0), c);
    snprintf(res, sizeof res, "%d", d16);
    report("dsps_dotprod_s16", c, res);

    float df = 0.0f;
    TIME(dotprod_f32(fa, fb, &df, 256), c);
    union { float f; uint32_t u; } dfu = {df};
    snprintf(res, sizeof res, "%08lx", (unsigned long)dfu.u);
    report("dsps_dotprod_f32", c, res);

    TIME(mult_s16(ma, mb, mc, 16, 16, 16, 0), c);
    snprintf(res, sizeof res, "%08lx", (unsigned long)hash_s16(mc, 256));
    report("dspm_mult_s16", c, res);

    TIME(mult_f32(mfa, mfb, mfc, 16, 16, 16), c);
    snprintf(res, sizeof res, "%08lx", (unsigned long)hash_f32(mfc, 256));
    report("dspm_mult_f32", c, res);

    Image2D im = {img, 1, 1, 64, 64}, fl = {filt, 1, 1, 64, 64};
    int8_t d8 = 0;
    int rc = 0;
    TIME(rc = dotprod_img_s8(&im, &fl, &d8, 64, 64, 7), c);
    snprintf(res, sizeof res, "%d", rc ? 1000 : d8);
    report("dspi_dotprod_s8", c, res);

    /* extra points: the 16x16 window of the same images, and s16 32x32 */
    TIME(rc = dotprod_img_s8(&im, &fl, &d8, 16, 16, 7), c);
    snprintf(res, sizeof res, "%d", rc ? 1000 : d8);
    report("dspi_dotprod_s8_16x16", c, res);

    Image2D im16 = {img16, 1, 1, 32, 32}, fl16 = {filt16, 1, 1, 32, 32};
    TIME(rc = dotprod_img_s16(&im16, &fl16, &d16, 32, 32, 15), c);
    snprintf(res, sizeof res, "%d", rc ? 100000 : d16);
    report("dspi_dotprod_s16", c, res);

    /* the semantics on the cases of ESP-DSP's own unit tests
     * (modules/dotprod/test/test_dotprod_s16.c: constant vectors 0x80 and
     * 0x100, shifts 0 and 2; test_dspi_dotprod_s8_ansi.c: 8x8 images of
     * i % 8 + 20 sampled with step 2, 4x4 samples, shift 7, expected 67 and
     * 73 from the origin and from element 1) */
    static int16_t cx[100], cy[100];
    static int8_t sx[64];
    for (int i = 0; i < 100; i++) cx[i] = 0x80, cy[i] = 0x100;
    for (int i = 0; i < 64; i++) sx[i] = (int8_t)(i % 8 + 20);
    int16_t s0 = 0, s2 = 0;
    dotprod_s16(cx, cy, &s0, 100, 0);
    dotprod_s16(cx, cy, &s2, 100, 2);
    Image2D a0 = {sx, 2, 2, 8, 8}, a1 = {sx + 1, 2, 2, 8, 8};
    int8_t r0 = 0, r1 = 0;
    dotprod_img_s8(&a0, &a0, &r0, 4, 4, 7);
    dotprod_img_s8(&a1, &a1, &r1, 4, 4, 7);
    printf("semantics dotprod_s16 %d %d dspi_dotprod_s8 %d %d\n", s0, s2, r0, r1);
    return 0;
}
