/*
 * long.c - arbitrary-precision ints (see long.h for what it offers and the
 * complexity of each operation).
 *
 * Every operation reads its operands through a Big "view" (the Long's limbs,
 * or two limbs on the C stack for a small int), computes into malloc'd Bigs,
 * and makes one heap object at the very end (long_value), so no collection
 * can happen in the middle and nothing needs rooting.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vm/long.h"
#include "vm/vm.h"

/* A signed magnitude being worked on. d is malloc'd when owned, else it
 * points at a Long's limbs or at small[]. */
typedef struct Big {
    uint16_t *d;
    uint32_t n;
    bool neg, owned;
    uint16_t small[4];
} Big;

#define P61 ((((uint64_t)1) << 61) - 1) /* CPython's hash modulus on 64-bit builds */

/* Shifts, sizes and exponents past this many bits are refused up front
 * (OverflowError), rather than exhausting memory on the device. */
#define MAX_BITS ((uint64_t)1 << 24)

static void big_trim(Big *b)
{
    while (b->n && b->d[b->n - 1] == 0)
        b->n--;
    if (b->n == 0)
        b->neg = false;
}

static void big_view(Big *b, Value v)
{
    if (v.type == T_LONG) {
        Long *l = AS(Long, v);
        b->d = l->d;
        b->n = l->n;
        b->neg = (l->hdr.flags & LONG_NEG) != 0;
        b->owned = false;
        return;
    }
    int32_t i = v.u.i;
    uint32_t m = i < 0 ? 0u - (uint32_t)i : (uint32_t)i;
    b->small[0] = (uint16_t)m;
    b->small[1] = (uint16_t)(m >> 16);
    b->d = b->small;
    b->n = 2;
    b->neg = i < 0;
    b->owned = false;
    big_trim(b);
}

static void big_set_u64(Big *b, uint64_t m, bool neg)
{
    for (int i = 0; i < 4; i++)
        b->small[i] = (uint16_t)(m >> (16 * i));
    b->d = b->small;
    b->n = 4;
    b->neg = neg;
    b->owned = false;
    big_trim(b);
}

/* *dst = *src, keeping d valid when it points at src's own small[] */
static void big_move(Big *dst, Big *src)
{
    *dst = *src;
    if (src->d == src->small)
        dst->d = dst->small;
}

static void big_free(Big *b)
{
    if (b->owned)
        free(b->d);
    b->owned = false;
    b->d = b->small;
    b->n = 0;
}

/* A zeroed owned Big of n limbs (n may be 0). */
static bool big_alloc(Big *b, uint32_t n)
{
    b->d = calloc(n ? n : 1, sizeof(uint16_t));
    b->n = n;
    b->neg = false;
    b->owned = b->d != NULL;
    return b->d != NULL;
}

static uint32_t mag_bits(const uint16_t *d, uint32_t n)
{
    if (n == 0)
        return 0;
    return (n - 1) * 16 + (32 - (uint32_t)__builtin_clz((uint32_t)d[n - 1]));
}

/* count bits of |b| starting at bit pos (pos may be negative: zeros below 0); count <= 32 */
static uint32_t mag_get_bits(const uint16_t *d, uint32_t n, int64_t pos, unsigned count)
{
    uint32_t r = 0;
    for (unsigned k = 0; k < count; k++) {
        int64_t bit = pos + k;
        if (bit < 0 || bit >= (int64_t)n * 16)
            continue;
        if ((d[bit >> 4] >> (bit & 15)) & 1)
            r |= 1u << k;
    }
    return r;
}

/* any bit of |b| below bit pos set */
static bool mag_any_below(const uint16_t *d, uint32_t n, uint64_t pos)
{
    uint64_t full = pos / 16;
    for (uint64_t i = 0; i < full && i < n; i++)
        if (d[i])
            return true;
    if (full < n && (d[full] & ((1u << (pos % 16)) - 1)))
        return true;
    return false;
}

static int mag_cmp(const uint16_t *a, uint32_t an, const uint16_t *b, uint32_t bn)
{
    if (an != bn)
        return an < bn ? -1 : 1;
    for (uint32_t i = an; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* r = |x| + |y| */
static bool mag_add(Big *r, const Big *x, const Big *y)
{
    if (x->n < y->n) {
        const Big *t = x;
        x = y;
        y = t;
    }
    if (!big_alloc(r, x->n + 1))
        return false;
    uint32_t carry = 0;
    for (uint32_t i = 0; i < x->n; i++) {
        carry += (uint32_t)x->d[i] + (i < y->n ? y->d[i] : 0);
        r->d[i] = (uint16_t)carry;
        carry >>= 16;
    }
    r->d[x->n] = (uint16_t)carry;
    big_trim(r);
    return true;
}

/* r = |x| - |y|, |x| >= |y| */
static bool mag_sub(Big *r, const Big *x, const Big *y)
{
    if (!big_alloc(r, x->n))
        return false;
    int32_t borrow = 0;
    for (uint32_t i = 0; i < x->n; i++) {
        int32_t t = (int32_t)x->d[i] - (i < y->n ? y->d[i] : 0) - borrow;
        borrow = t < 0;
        r->d[i] = (uint16_t)(t + (borrow << 16));
    }
    big_trim(r);
    return true;
}

/* r = x + y, or x - y when sub */
static bool big_addsub(Big *r, const Big *x, const Big *y, bool sub)
{
    bool yneg = y->neg != sub;
    if (x->neg == yneg) {
        if (!mag_add(r, x, y))
            return false;
        r->neg = x->neg && r->n;
        return true;
    }
    if (mag_cmp(x->d, x->n, y->d, y->n) >= 0) {
        if (!mag_sub(r, x, y))
            return false;
        r->neg = x->neg && r->n;
    } else {
        if (!mag_sub(r, y, x))
            return false;
        r->neg = yneg && r->n;
    }
    return true;
}

/* r = x * y: schoolbook, O(n*m); every partial sum fits a uint32 */
static bool big_mul(Big *r, const Big *x, const Big *y)
{
    if (!big_alloc(r, x->n + y->n))
        return false;
    for (uint32_t i = 0; i < x->n; i++) {
        uint32_t carry = 0, xi = x->d[i];
        if (xi == 0)
            continue;
        for (uint32_t j = 0; j < y->n; j++) {
            uint32_t t = xi * y->d[j] + r->d[i + j] + carry;
            r->d[i + j] = (uint16_t)t;
            carry = t >> 16;
        }
        r->d[i + y->n] = (uint16_t)carry;
    }
    r->neg = x->neg != y->neg;
    big_trim(r);
    return true;
}

/* q = |x| / |y|, rem = |x| % |y| (magnitudes; y != 0). Knuth's algorithm D
 * in base 2**16: O(n*m). Either output may be NULL. */
static bool mag_divmod(const Big *x, const Big *y, Big *q, Big *rem)
{
    Big qq, rr;
    uint32_t n = y->n, m = x->n;
    if (mag_cmp(x->d, x->n, y->d, y->n) < 0) {
        if (!big_alloc(&qq, 0))
            return false;
        if (!big_alloc(&rr, m)) {
            big_free(&qq);
            return false;
        }
        memcpy(rr.d, x->d, m * sizeof(uint16_t));
        rr.n = m;
        goto done;
    }
    if (n == 1) {
        if (!big_alloc(&qq, m))
            return false;
        uint32_t r = 0, v = y->d[0];
        for (uint32_t i = m; i-- > 0;) {
            uint32_t t = (r << 16) | x->d[i];
            qq.d[i] = (uint16_t)(t / v);
            r = t % v;
        }
        big_trim(&qq);
        big_set_u64(&rr, r, false);
        goto done;
    }
    {
        unsigned s = (unsigned)__builtin_clz((uint32_t)y->d[n - 1]) - 16;
        uint16_t *v = malloc(n * sizeof(uint16_t)), *u = malloc((m + 1) * sizeof(uint16_t));
        if (!v || !u || !big_alloc(&qq, m - n + 1)) {
            free(v);
            free(u);
            return false;
        }
        /* normalise so the divisor's top limb has its top bit set */
        for (uint32_t i = n - 1; i > 0; i--)
            v[i] = (uint16_t)((y->d[i] << s) | (s ? (uint32_t)y->d[i - 1] >> (16 - s) : 0));
        v[0] = (uint16_t)(y->d[0] << s);
        u[m] = (uint16_t)(s ? (uint32_t)x->d[m - 1] >> (16 - s) : 0);
        for (uint32_t i = m - 1; i > 0; i--)
            u[i] = (uint16_t)((x->d[i] << s) | (s ? (uint32_t)x->d[i - 1] >> (16 - s) : 0));
        u[0] = (uint16_t)(x->d[0] << s);
        for (uint32_t j = m - n + 1; j-- > 0;) {
            uint32_t num = ((uint32_t)u[j + n] << 16) | u[j + n - 1];
            uint32_t qhat = num / v[n - 1], rhat = num % v[n - 1];
            while (qhat >= 0x10000u || qhat * v[n - 2] > ((rhat << 16) | u[j + n - 2])) {
                qhat--;
                rhat += v[n - 1];
                if (rhat >= 0x10000u)
                    break;
            }
            /* u[j..j+n] -= qhat * v */
            int32_t k = 0, t;
            for (uint32_t i = 0; i < n; i++) {
                uint32_t p = qhat * v[i];
                t = (int32_t)u[i + j] - k - (int32_t)(p & 0xffffu);
                u[i + j] = (uint16_t)t;
                k = (int32_t)(p >> 16) - (t < 0 ? -(int32_t)(((uint32_t)-t + 0xffffu) >> 16) : (t >> 16));
            }
            t = (int32_t)u[j + n] - k;
            u[j + n] = (uint16_t)t;
            if (t < 0) { /* qhat was one too large (rare): add v back */
                qhat--;
                uint32_t c = 0;
                for (uint32_t i = 0; i < n; i++) {
                    c += (uint32_t)u[i + j] + v[i];
                    u[i + j] = (uint16_t)c;
                    c >>= 16;
                }
                u[j + n] = (uint16_t)(u[j + n] + c);
            }
            qq.d[j] = (uint16_t)qhat;
        }
        big_trim(&qq);
        if (!big_alloc(&rr, n)) {
            free(v);
            free(u);
            big_free(&qq);
            return false;
        }
        for (uint32_t i = 0; i < n; i++)
            rr.d[i] = (uint16_t)((u[i] >> s) | (s ? (uint32_t)u[i + 1] << (16 - s) : 0));
        big_trim(&rr);
        free(v);
        free(u);
    }
done:
    if (q)
        big_move(q, &qq);
    else
        big_free(&qq);
    if (rem)
        big_move(rem, &rr);
    else
        big_free(&rr);
    return true;
}

/* Python's floor division and modulo: the remainder takes the divisor's sign. */
static bool big_floordivmod(const Big *x, const Big *y, Big *q, Big *r)
{
    Big qq, rr;
    if (!mag_divmod(x, y, &qq, &rr))
        return false;
    qq.neg = (x->neg != y->neg) && qq.n;
    rr.neg = x->neg && rr.n;
    if (rr.n && x->neg != y->neg) {
        Big one, t;
        big_set_u64(&one, 1, false);
        if (!big_addsub(&t, &qq, &one, true)) {
            big_free(&qq);
            big_free(&rr);
            return false;
        }
        big_free(&qq);
        big_move(&qq, &t);
        if (!big_addsub(&t, &rr, y, false)) {
            big_free(&qq);
            big_free(&rr);
            return false;
        }
        big_free(&rr);
        big_move(&rr, &t);
    }
    if (q)
        big_move(q, &qq);
    else
        big_free(&qq);
    if (r)
        big_move(r, &rr);
    else
        big_free(&rr);
    return true;
}

/* r = x << k (k < MAX_BITS) */
static bool big_shl(Big *r, const Big *x, uint32_t k)
{
    uint32_t limbs = k / 16, bits = k % 16;
    if (!big_alloc(r, x->n + limbs + 1))
        return false;
    for (uint32_t i = 0; i < x->n; i++) {
        uint32_t t = (uint32_t)x->d[i] << bits;
        r->d[i + limbs] |= (uint16_t)t;
        r->d[i + limbs + 1] = (uint16_t)(t >> 16);
    }
    r->neg = x->neg;
    big_trim(r);
    return true;
}

/* r = floor(x / 2**k) */
static bool big_shr(Big *r, const Big *x, uint64_t k)
{
    uint64_t limbs = k / 16;
    unsigned bits = (unsigned)(k % 16);
    uint32_t n = limbs >= x->n ? 0 : x->n - (uint32_t)limbs;
    if (!big_alloc(r, n + 1))
        return false;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t lo = x->d[i + limbs], hi = i + 1 < n ? x->d[i + 1 + limbs] : 0;
        r->d[i] = (uint16_t)(((hi << 16) | lo) >> bits);
    }
    r->n = n;
    if (x->neg && mag_any_below(x->d, x->n, k)) {
        /* rounding towards minus infinity: -(ceil(|x| / 2**k)) */
        uint32_t i = 0;
        r->n = n + 1;
        r->d[n] = 0;
        while (++r->d[i] == 0)
            i++;
    }
    r->neg = x->neg;
    big_trim(r);
    return true;
}

/* Two's complement of x in n limbs (n > x's limbs). */
static void to_twos(uint16_t *t, const Big *x, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        t[i] = i < x->n ? x->d[i] : 0;
    if (x->neg) {
        uint32_t carry = 1;
        for (uint32_t i = 0; i < n; i++) {
            carry += (uint16_t)~t[i];
            t[i] = (uint16_t)carry;
            carry >>= 16;
        }
    }
}

static bool big_bitwise(Big *r, const Big *x, const Big *y, unsigned op)
{
    uint32_t n = (x->n > y->n ? x->n : y->n) + 1;
    uint16_t *a = malloc(n * sizeof(uint16_t));
    if (!a || !big_alloc(r, n)) {
        free(a);
        return false;
    }
    to_twos(a, x, n);
    to_twos(r->d, y, n);
    for (uint32_t i = 0; i < n; i++)
        r->d[i] = (uint16_t)(op == OP_BINARY_AND ? (a[i] & r->d[i]) : op == OP_BINARY_OR ? (a[i] | r->d[i]) : (a[i] ^ r->d[i]));
    free(a);
    if (r->d[n - 1] & 0x8000) { /* negative: back to sign and magnitude */
        uint32_t carry = 1;
        for (uint32_t i = 0; i < n; i++) {
            carry += (uint16_t)~r->d[i];
            r->d[i] = (uint16_t)carry;
            carry >>= 16;
        }
        r->neg = true;
    }
    big_trim(r);
    return true;
}

/* ---- making values ---------------------------------------------------------------- */

/* The value of b (T_INT when it fits int32); frees b. */
static bool long_value(VM *vm, Big *b, Value *out)
{
    big_trim(b);
    if (b->n <= 2) {
        uint32_t m = b->n ? b->d[0] | (b->n > 1 ? (uint32_t)b->d[1] << 16 : 0) : 0;
        if (!b->neg && m <= (uint32_t)INT32_MAX) {
            big_free(b);
            *out = v_int((int32_t)m);
            return true;
        }
        if (b->neg && m <= 0x80000000u) {
            big_free(b);
            *out = v_int((int32_t)(0u - m));
            return true;
        }
    }
    Long *l = gc_alloc(vm, T_LONG, sizeof(Long) + b->n * sizeof(uint16_t));
    if (!l) {
        big_free(b);
        return false;
    }
    l->n = b->n;
    l->hdr.flags = b->neg ? LONG_NEG : 0;
    memcpy(l->d, b->d, b->n * sizeof(uint16_t));
    big_free(b);
    *out = v_obj(l);
    return true;
}

static bool oom(VM *vm) { return vm_raise_oom(vm); }

bool long_from_i64(VM *vm, int64_t x, Value *out)
{
    if (x >= INT32_MIN && x <= INT32_MAX) {
        *out = v_int((int32_t)x);
        return true;
    }
    Big b;
    big_set_u64(&b, x < 0 ? 0u - (uint64_t)x : (uint64_t)x, x < 0);
    return long_value(vm, &b, out);
}

bool long_to_i64(Value v, int64_t *out)
{
    if (v.type != T_LONG) {
        *out = v.u.i;
        return true;
    }
    Long *l = AS(Long, v);
    if (l->n > 4)
        return false;
    uint64_t m = 0;
    for (uint32_t i = l->n; i-- > 0;)
        m = m << 16 | l->d[i];
    bool neg = (l->hdr.flags & LONG_NEG) != 0;
    if (m > (uint64_t)INT64_MAX + neg)
        return false;
    *out = neg ? (int64_t)(0u - m) : (int64_t)m;
    return true;
}

/* ---- comparisons and floats --------------------------------------------------------- */

int long_cmp(Value a, Value b)
{
    Big x, y;
    big_view(&x, a);
    big_view(&y, b);
    if (x.neg != y.neg)
        return x.neg ? -1 : 1;
    int c = mag_cmp(x.d, x.n, y.d, y.n);
    return x.neg ? -c : c;
}

int long_cmp_float(Value a, float f)
{
    Big x;
    big_view(&x, a);
    if (isnan(f))
        return 2;
    int sa = x.n == 0 ? 0 : x.neg ? -1 : 1;
    int sf = f > 0 ? 1 : f < 0 ? -1 : 0;
    if (sa != sf || sa == 0)
        return sa < sf ? -1 : sa > sf;
    if (isinf(f))
        return -sf;
    /* |f| = m * 2**e with m of exactly 24 bits */
    int ex;
    float fr = frexpf(fabsf(f), &ex);
    uint32_t m = (uint32_t)ldexpf(fr, 24);
    int64_t e = (int64_t)ex - 24;
    int64_t xb = mag_bits(x.d, x.n), fb = 24 + e;
    int c;
    if (xb != fb) {
        c = xb < fb ? -1 : 1;
    } else if (e >= 0) {
        uint32_t top = mag_get_bits(x.d, x.n, e, 24);
        c = top != m ? (top < m ? -1 : 1) : mag_any_below(x.d, x.n, (uint64_t)e) ? 1 : 0;
    } else { /* |a| < 2**24: exact in a uint32 */
        uint32_t v = mag_get_bits(x.d, x.n, 0, 24) << -e;
        c = v < m ? -1 : v > m;
    }
    return sa * c;
}

/* |d| * 2**exp2 to the nearest binary32 (ties to even); false if too large */
static bool mag_to_float(const uint16_t *d, uint32_t n, int64_t exp2, bool neg, float *out)
{
    uint32_t bl = mag_bits(d, n);
    uint32_t t;
    int64_t e = exp2;
    if (bl <= 26) {
        t = mag_get_bits(d, n, 0, 26);
    } else {
        /* the top 26 bits and a sticky bit for the rest: (float)t then rounds
         * at bit 2 exactly as the whole value would */
        t = mag_get_bits(d, n, (int64_t)bl - 26, 26) | (mag_any_below(d, n, bl - 26) ? 1 : 0);
        e += (int64_t)bl - 26;
    }
    if (e > 200) {
        return false;
    }
    float f = e < -300 ? 0.0f : ldexpf((float)t, (int)e);
    if (isinf(f))
        return false;
    *out = neg ? -f : f;
    return true;
}

bool long_to_float(VM *vm, Value a, float *out)
{
    if (a.type != T_LONG) {
        *out = v_as_float(a); /* a float, or a small int */
        return true;
    }
    Big x;
    big_view(&x, a);
    if (!mag_to_float(x.d, x.n, 0, x.neg, out))
        return vm_raise(vm, EXC_OverflowError, "int too large to convert to float");
    return true;
}

/* truncf, except that a float of 2**23 or more is returned as it is (it is
 * integral already): the firmware's truncf (picolibc) shifts a mask by the
 * exponent, which wraps for exponents 32 and up and cleared mantissa bits
 * (int(1e10) was 8589934592 in the firmware; the host's libm is right). */
float long_truncf(float f)
{
    return fabsf(f) < 8388608.0f ? truncf(f) : f;
}

bool long_from_float(VM *vm, float f, Value *out)
{
    if (isnan(f))
        return vm_raise(vm, EXC_ValueError, "cannot convert float NaN to integer");
    if (isinf(f))
        return vm_raise(vm, EXC_OverflowError, "cannot convert float infinity to integer");
    f = long_truncf(f);
    if (f >= -2147483648.0f && f < 2147483648.0f) {
        *out = v_int((int32_t)f);
        return true;
    }
    int ex;
    float fr = frexpf(fabsf(f), &ex);
    Big m, r;
    big_set_u64(&m, (uint32_t)ldexpf(fr, 24), f < 0);
    if (!big_shl(&r, &m, (uint32_t)(ex - 24))) /* |f| >= 2**31: ex - 24 >= 8 */
        return oom(vm);
    return long_value(vm, &r, out);
}

/* x * 2**k modulo 2**61-1, x < 2**61-1: a rotation within 61 bits */
static uint64_t rot61(uint64_t x, unsigned k)
{
    k %= 61;
    return k == 0 ? x : (((x << k) & P61) | (x >> (61 - k)));
}

int64_t long_hash(Value a)
{
    Big x;
    big_view(&x, a);
    uint64_t h = 0;
    for (uint32_t i = x.n; i-- > 0;) {
        h = rot61(h, 16) + x.d[i];
        if (h >= P61)
            h -= P61;
    }
    int64_t r = x.neg ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t long_hash_float(float f)
{
    if (isinf(f))
        return f > 0 ? 314159 : -314159;
    if (f == 0.0f || isnan(f))
        return 0;
    int ex;
    float fr = frexpf(fabsf(f), &ex);
    uint64_t m = (uint64_t)ldexpf(fr, 24);
    int e = ex - 24;
    /* 2**-1 = 2**60 modulo 2**61-1 */
    unsigned k = e >= 0 ? (unsigned)(e % 61) : (unsigned)(60 - ((-1 - e) % 61));
    uint64_t h = rot61(m, k);
    int64_t r = f < 0 ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

/* ---- the operators -------------------------------------------------------------------- */

uint32_t long_bit_length(Value a)
{
    Big x;
    big_view(&x, a);
    return mag_bits(x.d, x.n);
}

/* int.bit_count(): the ones in |a| */
uint32_t long_bit_count(Value a)
{
    Big x;
    big_view(&x, a);
    uint32_t n = 0;
    for (uint32_t i = 0; i < x.n; i++)
        n += (uint32_t)__builtin_popcount(x.d[i]);
    return n;
}

/* x ** k for k >= 0, by squaring */
static bool big_pow(Big *r, const Big *x, uint64_t k)
{
    Big base, acc, t;
    big_set_u64(&acc, 1, false);
    if (!big_alloc(&base, x->n))
        return false;
    memcpy(base.d, x->d, x->n * sizeof(uint16_t));
    base.neg = x->neg;
    while (k) {
        if (k & 1) {
            if (!big_mul(&t, &acc, &base))
                goto fail;
            big_free(&acc);
            big_move(&acc, &t);
        }
        k >>= 1;
        if (k) {
            if (!big_mul(&t, &base, &base))
                goto fail;
            big_free(&base);
            big_move(&base, &t);
        }
    }
    big_free(&base);
    big_move(r, &acc);
    return true;
fail:
    big_free(&base);
    big_free(&acc);
    return false;
}

static bool long_pow(VM *vm, const Big *x, Value b, Value *out)
{
    Big y;
    big_view(&y, b);
    if (y.neg) { /* a float, as float(a) ** float(b) */
        float fa, fb;
        if (x->n == 0)
            return vm_raise(vm, EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (!mag_to_float(x->d, x->n, 0, x->neg, &fa))
            return vm_raise(vm, EXC_OverflowError, "int too large to convert to float");
        if (!long_to_float(vm, b, &fb))
            return false;
        *out = v_float(powf(fa, fb));
        return true;
    }
    uint32_t xb = mag_bits(x->d, x->n);
    if (xb <= 1) { /* 0, 1, -1: any exponent */
        bool odd = y.n && (y.d[0] & 1);
        *out = v_int(y.n == 0 ? 1 : xb == 0 ? 0 : (x->neg && odd) ? -1 : 1);
        return true;
    }
    uint64_t k = mag_get_bits(y.d, y.n, 0, 32);
    if (y.n > 2 || (uint64_t)(xb - 1) * k > MAX_BITS)
        return vm_raise(vm, EXC_OverflowError, "integer power too large (more than %lu bits)",
                        (unsigned long)MAX_BITS);
    Big r;
    if (!big_pow(&r, x, k))
        return oom(vm);
    return long_value(vm, &r, out);
}

static bool long_truediv(VM *vm, const Big *x, const Big *y, Value *out)
{
    if (y->n == 0)
        return vm_raise(vm, EXC_ZeroDivisionError, "division by zero");
    if (x->n == 0) {
        *out = v_float(x->neg != y->neg ? -0.0f : 0.0f);
        return true;
    }
    /* scale so the quotient has 27 or 28 bits, then round it once with a sticky bit */
    int64_t shift = (int64_t)mag_bits(y->d, y->n) - (int64_t)mag_bits(x->d, x->n) + 27;
    Big a, b, q, r;
    Big xm = *x, ym = *y;
    xm.neg = ym.neg = false;
    if (x->d == x->small)
        xm.d = xm.small;
    if (y->d == y->small)
        ym.d = ym.small;
    if (shift > (int64_t)MAX_BITS || shift < -(int64_t)MAX_BITS) {
        if (shift < 0)
            return vm_raise(vm, EXC_OverflowError, "integer division result too large for a float");
        *out = v_float(x->neg != y->neg ? -0.0f : 0.0f);
        return true;
    }
    if (shift >= 0) {
        if (!big_shl(&a, &xm, (uint32_t)shift))
            return oom(vm);
        b = ym;
    } else {
        if (!big_shl(&b, &ym, (uint32_t)-shift))
            return oom(vm);
        a = xm;
    }
    bool ok = mag_divmod(&a, &b, &q, &r);
    if (shift >= 0)
        big_free(&a);
    else
        big_free(&b);
    if (!ok)
        return oom(vm);
    if (r.n) {
        q.d[0] |= 1; /* sticky: q has at least 27 bits, so bit 0 is below the rounding point */
    }
    float f;
    bool fits = mag_to_float(q.d, q.n, -shift, x->neg != y->neg, &f);
    big_free(&q);
    big_free(&r);
    if (!fits)
        return vm_raise(vm, EXC_OverflowError, "integer division result too large for a float");
    *out = v_float(f);
    return true;
}

bool long_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out)
{
    Big x, y, r;
    big_view(&x, a);
    big_view(&y, b);
    bool ok;
    switch (op) {
    case OP_BINARY_ADD:
    case OP_INPLACE_ADD:
        ok = big_addsub(&r, &x, &y, false);
        break;
    case OP_BINARY_SUB:
        ok = big_addsub(&r, &x, &y, true);
        break;
    case OP_BINARY_MUL:
    case OP_INPLACE_MUL:
        ok = big_mul(&r, &x, &y);
        break;
    case OP_BINARY_FLOORDIV:
    case OP_BINARY_MOD:
        if (y.n == 0)
            return vm_raise(vm, EXC_ZeroDivisionError, op == OP_BINARY_MOD ? "integer modulo by zero"
                                                                         : "integer division or modulo by zero");
        ok = op == OP_BINARY_MOD ? big_floordivmod(&x, &y, NULL, &r) : big_floordivmod(&x, &y, &r, NULL);
        break;
    case OP_BINARY_TRUEDIV:
        return long_truediv(vm, &x, &y, out);
    case OP_BINARY_POW:
        return long_pow(vm, &x, b, out);
    case OP_BINARY_LSHIFT:
        if (y.neg)
            return vm_raise(vm, EXC_ValueError, "negative shift count");
        if (x.n == 0) {
            *out = v_int(0);
            return true;
        }
        if (y.n > 2 || mag_get_bits(y.d, y.n, 0, 32) > MAX_BITS)
            return vm_raise(vm, EXC_OverflowError, "too many digits in integer");
        ok = big_shl(&r, &x, mag_get_bits(y.d, y.n, 0, 32));
        break;
    case OP_BINARY_RSHIFT:
        if (y.neg)
            return vm_raise(vm, EXC_ValueError, "negative shift count");
        if (y.n > 2 || mag_get_bits(y.d, y.n, 0, 32) >= mag_bits(x.d, x.n)) {
            *out = v_int(x.neg ? -1 : 0);
            return true;
        }
        ok = big_shr(&r, &x, mag_get_bits(y.d, y.n, 0, 32));
        break;
    case OP_BINARY_AND:
    case OP_BINARY_OR:
    case OP_BINARY_XOR:
        ok = big_bitwise(&r, &x, &y, op);
        break;
    default:
        return false;
    }
    if (!ok)
        return oom(vm);
    return long_value(vm, &r, out);
}

bool long_neg(VM *vm, Value a, Value *out)
{
    if (a.type != T_LONG)
        return long_from_i64(vm, -(int64_t)a.u.i, out);
    Big x, r;
    big_view(&x, a);
    if (!big_alloc(&r, x.n))
        return oom(vm);
    memcpy(r.d, x.d, x.n * sizeof(uint16_t));
    r.neg = !x.neg;
    return long_value(vm, &r, out);
}

bool long_abs(VM *vm, Value a, Value *out)
{
    if (a.type != T_LONG)
        return long_from_i64(vm, a.u.i < 0 ? -(int64_t)a.u.i : a.u.i, out);
    if (!(AS(Long, a)->hdr.flags & LONG_NEG)) {
        *out = a;
        return true;
    }
    return long_neg(vm, a, out);
}

bool long_invert(VM *vm, Value a, Value *out)
{
    /* ~a == -a - 1 */
    Big x, one, r;
    big_view(&x, a);
    big_set_u64(&one, 1, true);
    x.neg = !x.neg && x.n;
    if (!big_addsub(&r, &x, &one, false))
        return oom(vm);
    return long_value(vm, &r, out);
}

/* (x * y) mod m for non-negative x, y < m; result replaces *x */
static bool mulmod(Big *acc, const Big *y, const Big *m)
{
    Big t, r;
    if (!big_mul(&t, acc, y))
        return false;
    bool ok = mag_divmod(&t, m, NULL, &r);
    big_free(&t);
    if (!ok)
        return false;
    big_free(acc);
    big_move(acc, &r);
    return true;
}

bool long_powmod(VM *vm, Value a, Value b, Value mv, Value *out)
{
    Big x, e, m, mm, base, acc;
    big_view(&x, a);
    big_view(&e, b);
    big_view(&m, mv);
    if (m.n == 0)
        return vm_raise(vm, EXC_ValueError, "pow() 3rd argument cannot be 0");
    mm = m;
    if (m.d == m.small)
        mm.d = mm.small;
    mm.neg = false;
    /* base = x mod |m|, in [0, |m|) */
    if (!big_floordivmod(&x, &mm, NULL, &base))
        return oom(vm);
    if (e.neg) {
        /* the inverse of base modulo |m|, by the extended Euclidean algorithm:
         * invariant old_r = old_s * base (mod |m|) */
        Big old_r, rr, old_s, s;
        if (!big_alloc(&old_r, mm.n)) {
            big_free(&base);
            return oom(vm);
        }
        memcpy(old_r.d, mm.d, mm.n * sizeof(uint16_t));
        big_move(&rr, &base);
        big_set_u64(&old_s, 0, false);
        big_set_u64(&s, 1, false);
        bool ok = true;
        while (rr.n && ok) {
            Big q, rem, qs, ns;
            ok = big_floordivmod(&old_r, &rr, &q, &rem);
            if (!ok)
                break;
            ok = big_mul(&qs, &q, &s);
            big_free(&q);
            if (ok) {
                ok = big_addsub(&ns, &old_s, &qs, true);
                big_free(&qs);
            }
            if (!ok) {
                big_free(&rem);
                break;
            }
            big_free(&old_r);
            big_move(&old_r, &rr);
            big_move(&rr, &rem);
            big_free(&old_s);
            big_move(&old_s, &s);
            big_move(&s, &ns);
        }
        if (!ok) {
            big_free(&old_r);
            big_free(&rr);
            big_free(&old_s);
            big_free(&s);
            return oom(vm);
        }
        bool unit = old_r.n == 1 && old_r.d[0] == 1;
        big_free(&old_r);
        big_free(&rr);
        big_free(&s);
        if (!unit && !(mm.n == 1 && mm.d[0] == 1)) {
            big_free(&old_s);
            return vm_raise(vm, EXC_ValueError, "base is not invertible for the given modulus");
        }
        ok = big_floordivmod(&old_s, &mm, NULL, &base);
        big_free(&old_s);
        if (!ok)
            return oom(vm);
        e.neg = false;
    }
    /* acc = 1 mod |m| */
    Big one;
    big_set_u64(&one, 1, false);
    if (!mag_divmod(&one, &mm, NULL, &acc)) {
        big_free(&base);
        return oom(vm);
    }
    bool ok = true;
    for (uint32_t bit = mag_bits(e.d, e.n); bit-- > 0 && ok;) {
        ok = mulmod(&acc, &acc, &mm);
        if (ok && ((e.d[bit / 16] >> (bit % 16)) & 1))
            ok = mulmod(&acc, &base, &mm);
    }
    big_free(&base);
    if (!ok) {
        big_free(&acc);
        return oom(vm);
    }
    if (m.neg && acc.n) { /* the result takes the modulus's sign: acc - |m| */
        Big t;
        ok = big_addsub(&t, &acc, &mm, true);
        big_free(&acc);
        if (!ok)
            return oom(vm);
        big_move(&acc, &t);
    }
    return long_value(vm, &acc, out);
}

/* ---- text ------------------------------------------------------------------------------ */

bool long_decimal_too_long(Value a)
{
    if (a.type != T_LONG)
        return false;
    uint32_t bits = long_bit_length(a);
    /* 2**14284 < 10**4300 <= 2**14285: fewer bits always fit, 14290 or more never do */
    if (bits <= 14284)
        return false;
    if (bits >= 14290)
        return true;
    StrBuf sb;
    sb_init(&sb);
    long_digits(&sb, a, 10);
    bool too_long = sb.len > LONG_MAX_STR_DIGITS;
    sb_free(&sb);
    return too_long;
}

void long_digits(StrBuf *sb, Value a, int base)
{
    Big x;
    big_view(&x, a);
    if (x.n == 0) {
        sb_addc(sb, '0');
        return;
    }
    if (base != 10) {
        unsigned k = base == 16 ? 4 : base == 8 ? 3 : 1;
        uint32_t bl = mag_bits(x.d, x.n), nd = (bl + k - 1) / k;
        for (uint32_t i = nd; i-- > 0;)
            sb_addc(sb, "0123456789abcdef"[mag_get_bits(x.d, x.n, (int64_t)i * k, k)]);
        return;
    }
    /* repeated short division by 10**4: 16-bit limbs keep every step in a uint32 */
    uint32_t n = x.n, nchunks = 0;
    uint16_t *t = malloc(n * sizeof(uint16_t));
    uint16_t *chunks = malloc((n * 5 / 4 + 2) * sizeof(uint16_t)); /* 65536**n < 10000**(1.21n) */
    if (!t || !chunks) {
        free(t);
        free(chunks);
        sb->oom = true;
        return;
    }
    memcpy(t, x.d, n * sizeof(uint16_t));
    while (n) {
        uint32_t r = 0;
        for (uint32_t i = n; i-- > 0;) {
            uint32_t v = (r << 16) | t[i];
            t[i] = (uint16_t)(v / 10000);
            r = v % 10000;
        }
        chunks[nchunks++] = (uint16_t)r;
        while (n && t[n - 1] == 0)
            n--;
    }
    char buf[8];
    for (uint32_t i = nchunks; i-- > 0;) {
        unsigned c = chunks[i];
        int len = 0;
        if (i == nchunks - 1) {
            char tmp[5];
            do {
                tmp[len++] = (char)('0' + c % 10);
                c /= 10;
            } while (c);
            for (int j = 0; j < len; j++)
                buf[j] = tmp[len - 1 - j];
        } else {
            for (int j = 3; j >= 0; j--) {
                buf[j] = (char)('0' + c % 10);
                c /= 10;
            }
            len = 4;
        }
        sb_add(sb, buf, (uint32_t)len);
    }
    free(t);
    free(chunks);
}

bool long_parse(VM *vm, const char *p, const char *end, int base, bool neg, Value *out)
{
    /* r = r * base**k + chunk, with base**k < 2**16 so each step stays in a uint32 */
    uint32_t ndig = (uint32_t)(end - p), cap = ndig * 6 / 16 + 2; /* log2(36) < 6 */
    Big r;
    if (!big_alloc(&r, cap))
        return oom(vm);
    r.n = 0;
    uint32_t chunk = 0, mult = 1;
    bool last_underscore = true;
    for (const char *q = p; q <= end; q++) {
        bool at_end = q == end;
        int d = 0;
        if (!at_end) {
            char c = *q;
            if (c == '_') {
                if (last_underscore) {
                    big_free(&r);
                    return false;
                }
                last_underscore = true;
                continue;
            }
            d = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'z' ? (c | 32) - 'a' + 10 : 99;
            if (d >= base) {
                big_free(&r);
                return false;
            }
            last_underscore = false;
        } else if (last_underscore) { /* empty, or a trailing underscore */
            big_free(&r);
            return false;
        }
        if (at_end || mult * (uint32_t)base > 0xffffu) {
            uint32_t carry = chunk;
            for (uint32_t i = 0; i < r.n; i++) {
                uint32_t t = (uint32_t)r.d[i] * mult + carry;
                r.d[i] = (uint16_t)t;
                carry = t >> 16;
            }
            while (carry) {
                r.d[r.n++] = (uint16_t)carry;
                carry >>= 16;
            }
            chunk = 0;
            mult = 1;
        }
        if (!at_end) {
            chunk = chunk * (uint32_t)base + (uint32_t)d;
            mult *= (uint32_t)base;
        }
    }
    r.neg = neg;
    return long_value(vm, &r, out);
}

/* ---- bytes ------------------------------------------------------------------------------ */

bool long_to_bytes(VM *vm, Value a, uint32_t length, bool little, bool is_signed, uint8_t *buf)
{
    Big x;
    big_view(&x, a);
    if (x.neg && !is_signed)
        return vm_raise(vm, EXC_OverflowError, "can't convert negative int to unsigned");
    /* length 0 holds 0, and (signed) -1 as CPython: its sign needs no bit then */
    int64_t room = length && is_signed ? (int64_t)length * 8 - 1 : (int64_t)length * 8;
    uint32_t bl = mag_bits(x.d, x.n);
    /* -2**k needs only k bits besides the sign */
    bool pow2 = x.neg && bl && !mag_any_below(x.d, x.n, bl - 1);
    if (bl && (int64_t)bl - (pow2 ? 1 : 0) > room)
        return vm_raise(vm, EXC_OverflowError, "int too big to convert");
    unsigned carry = 1;
    for (uint32_t i = 0; i < length; i++) {
        unsigned byte = mag_get_bits(x.d, x.n, (int64_t)i * 8, 8);
        if (x.neg) {
            carry += (uint8_t)~byte;
            byte = carry & 0xff;
            carry >>= 8;
        }
        buf[little ? i : length - 1 - i] = (uint8_t)byte;
    }
    return true;
}

bool long_from_bytes(VM *vm, const uint8_t *buf, uint32_t len, bool little, bool is_signed, Value *out)
{
    Big r;
    if (!big_alloc(&r, len / 2 + 1))
        return oom(vm);
    bool neg = is_signed && len && (buf[little ? len - 1 : 0] & 0x80);
    unsigned carry = 1;
    for (uint32_t i = 0; i < len; i++) {
        unsigned byte = buf[little ? i : len - 1 - i];
        if (neg) { /* magnitude of a two's-complement negative: invert and add one */
            carry += (uint8_t)~byte;
            byte = carry & 0xff;
            carry >>= 8;
        }
        r.d[i / 2] |= (uint16_t)(byte << (8 * (i % 2)));
    }
    r.neg = neg;
    return long_value(vm, &r, out);
}
