/*
 * scratch.c - scratch memory for compiled code, and the packed panel of a
 * matrix's 16-column blocks it is for (issue 12: 4 int8 MACs per modelled
 * cycle; docs/jit.md, "Scratch memory and packed panels").
 *
 * The buffer is a T_RAW block of the VM heap that nothing roots, so the
 * next collection frees it. jit_scratch remembers the collection count it
 * was made under and never hands out a buffer a collection may have freed;
 * compiled code may use it only over a stretch that cannot allocate (no
 * call, no bytearray(): a vector nest), so no collection runs while it is
 * in use, and nothing needs to free it on an exception or a deoptimisation.
 * jit_scratch never collects (objects compiled code holds in registers are
 * not rooted at a runtime helper) and never raises: NULL sends the caller
 * to its loop without the copy.
 */
#include <string.h>

#include "jit/jit_int.h"

uint8_t *jit_scratch(JitState *js, uint32_t n)
{
    VM *vm = js->vm;
    bool alive = js->scratch && js->scratch_epoch == vm->heap.collections;
    if (alive && gc_raw_size(js->scratch) >= n)
        return js->scratch;
    if (alive) /* too small: given back before the larger one is taken */
        gc_free_raw(vm, js->scratch);
    js->scratch = gc_alloc_raw_quiet(vm, n ? n : 1);
    js->scratch_epoch = vm->heap.collections;
    return js->scratch;
}

/* 16 bytes at src, 1 to 3 bytes past a word boundary, as four words: the
 * five aligned words around them merged by shifts (little-endian), not 16
 * byte copies. The words read lie in the aligned words around the matrix,
 * so in its heap block (whose start and size are multiples of 8). */
static void copy16_shifted(uint32_t *out, const int8_t *src)
{
    unsigned sh = 8 * (unsigned)((uintptr_t)src & 3);
    const uint32_t *w = __builtin_assume_aligned(src - sh / 8, 4);
    uint32_t lo = w[0];
    for (int i = 0; i < 4; i++) {
        uint32_t hi = w[i + 1];
        out[i] = lo >> sh | hi << (32 - sh);
        lo = hi;
    }
}

/* Block after block, row after row, from src (row k at + k * stride; a
 * block of out every pitch rows): as words, aligned or merged by shifts,
 * not bytes: the copy's cost decides from how many rows around it pays
 * (vector_panel.c PANEL_MIN_ROWS). out is a heap block's payload, 4-byte
 * aligned. */
static void copy_rows(int8_t *out, const int8_t *src, int32_t stride, uint32_t rows, uint32_t blocks, uint32_t pitch)
{
    /* every row word-aligned (a matrix's rows a multiple of 4 bytes long,
     * the usual case): two rows a turn, no test per row, so that the loop's
     * own instructions are shared (14 -> about 10 a row on the P4) */
    bool aligned = (((uintptr_t)src | (uint32_t)stride) & 3) == 0;
    for (uint32_t q = 0; q < blocks; q++) {
        const int8_t *s = src + 16 * q;
        uint32_t *o = __builtin_assume_aligned(out, 4);
        uint32_t k = 0;
        if (aligned)
            for (; k + 2 <= rows; k += 2, o += 8, s += 2 * stride) {
                memcpy(o, __builtin_assume_aligned(s, 4), 16);
                memcpy(o + 4, __builtin_assume_aligned(s + stride, 4), 16);
            }
        for (; k < rows; k++, o += 4, s += stride)
            if (((uintptr_t)s & 3) == 0)
                memcpy(o, __builtin_assume_aligned(s, 4), 16);
            else
                copy16_shifted(o, s);
        out += 16 * pitch;
    }
}

/* The rows' bytes 16q .. 16q + 15 (column block q) lie at panel + q *
 * rows * 16, row k's at + k * 16: a 16-tap loop over them steps its lanes'
 * pointer by 16, which esp.vsmulas.s8.qacc.ld.incp's load does (the only
 * fused MAC with a broadcast lane; pie-encodings rev1.tsv and rev3.tsv).
 * A byte outside [lo, hi) - a last block's lanes past the matrix's end -
 * is 0, not read: those lanes are never stored, and the copy reads no
 * byte of another object ([lo, hi) in a heap block: words around it may
 * be read). */
const int8_t *jit_pack_panel(JitState *js, const int8_t *lo, const int8_t *hi, int32_t first, int32_t stride,
                             uint32_t rows, uint32_t width)
{
    uint32_t blocks = (width + 15) / 16;
    if (hi < lo || !rows || (int32_t)rows < 0 || (int32_t)width <= 0 || (uint64_t)rows * blocks * 16 > JIT_PANEL_MAX)
        return NULL;
    int8_t *panel = (int8_t *)jit_scratch(js, rows * blocks * 16);
    if (!panel)
        return NULL;
    int64_t len = hi - lo, last = (int64_t)first + (int64_t)(rows - 1) * stride;
    int64_t low = first < last ? first : last, high = (first > last ? first : last) + 16 * (int64_t)blocks;
    if (low >= 0 && high <= len) { /* all inside: the usual case */
        copy_rows(panel, lo + first, stride, rows, blocks, rows);
        return panel;
    }
    /* the first rows inside as words (a whole panel's last row is partial
     * when the rows' width is not a multiple of 16: vec18), the rest bytes */
    uint32_t inside = 0;
    if (first >= 0 && stride > 0 && first + 16 * (int64_t)blocks <= len)
        inside = (uint32_t)((len - first - 16 * (int64_t)blocks) / stride + 1);
    inside = inside < rows ? inside : rows;
    copy_rows(panel, lo + first, stride, inside, blocks, rows);
    for (uint32_t q = 0; q < blocks; q++)
        for (uint32_t k = inside; k < rows; k++) {
            int64_t at = (int64_t)first + (int64_t)k * stride + 16 * (int64_t)q;
            int8_t *out = panel + ((size_t)q * rows + k) * 16;
            for (int c = 0; c < 16; c++)
                out[c] = at + c >= 0 && at + c < len ? lo[at + c] : 0;
        }
    return panel;
}

/* The three calls of vector_panel.c's copy, before the loop around a
 * vector loop: nothing runs between them. */
uint32_t jit_rt_panel_of(const int8_t *data, uint32_t len)
{
    JitState *js = jit_rt_state();
    js->panel_lo = data, js->panel_hi = data + len;
    return 0;
}

/* rows 0 (vector_panel.c's whole panel, vec18): every row of the array,
 * the count returned (0 for a stride under 1: no panel) */
uint32_t jit_rt_panel_rows(int32_t stride, uint32_t rows)
{
    JitState *js = jit_rt_state();
    uint32_t all = stride > 0 ? (uint32_t)((js->panel_hi - js->panel_lo + stride - 1) / stride) : 0;
    js->panel_stride = stride, js->panel_rows = rows ? rows : all;
    return rows ? 0 : all;
}

/* NULL: width 0 (too few rows around to pay for the copy), or no scratch */
const int8_t *jit_rt_panel(int32_t first, uint32_t width)
{
    JitState *js = jit_rt_state();
    return jit_pack_panel(js, js->panel_lo, js->panel_hi, first, js->panel_stride, js->panel_rows, width);
}
