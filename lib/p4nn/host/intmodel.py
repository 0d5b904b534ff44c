"""h_theta: the integer-exact host model of what the device computes (docs/p4nn-model.md).

build() turns float parameters and theta (the clipping thresholds) into the
integer tensors of the model file; forward() runs them with numpy int64,
asserting that every accumulator and requantize intermediate fits int32.
Matrix products are done in float64 and converted back: every partial sum
of int8 x int8 products here stays far below 2**53, so float64 is exact and
uses BLAS (numpy's int64 matmul is a slow loop).
"""
import numpy as np

import graph
import requant

INPUT_SCALE = 2.0 / 255.0      # the contract: pixel p -> int8 p >> 1, real (p >> 1) * 2/255
BATCH = 250


def act_range(relu, bits):
    qmax = (1 << (bits - 1)) - 1
    return (0, qmax) if relu else (-qmax - 1, qmax)


def quantize_weights(w, clip, per_channel_axis_last=False):
    """Symmetric int8 in [-127, 127] with scale clip/127 per output channel."""
    s = np.asarray(clip, dtype=np.float64) / 127.0
    if per_channel_axis_last:
        q = np.rint(w / s)
    else:
        q = np.rint(w / s.reshape((-1,) + (1,) * (w.ndim - 1)))
    return np.clip(q, -127, 127).astype(np.int8), s


def channel_max(layer, w):
    """max |w| per output channel (depthwise: the last axis)."""
    if layer['kind'] == 'dwconv2d':
        return np.abs(w).reshape(-1, w.shape[-1]).max(axis=0)
    return np.abs(w).reshape(w.shape[0], -1).max(axis=1)


def abs_sum(layer, wq):
    """sum |w| per output channel of int8 weights, as int64."""
    a = np.abs(wq.astype(np.int64))
    if layer['kind'] == 'dwconv2d':
        return a.reshape(-1, wq.shape[-1]).sum(axis=0)
    return a.reshape(wq.shape[0], -1).sum(axis=1)


def build(layers, params, theta, act_bits=8, pure_shift=False):
    """theta: {layer name: {'w_clip': per-channel array (scalar for the logits layer), 'a_clip': float,
    optional 'w_ratio': the weight scale as a multiple of w_clip / 127 (refitted for the integers)}}.
    Returns Q: the integer tensors plus the scales the host needs to read the integers as reals."""
    tensors, scales, acc_scales = {}, {}, {}
    s_in = INPUT_SCALE
    qmax = (1 << (act_bits - 1)) - 1
    pending = None                     # a requant=0 conv waiting for its gap: (name, s_acc, bound)
    for i, layer in enumerate(layers):
        kind = layer['kind']
        if kind in ('conv2d', 'dwconv2d', 'dense'):
            name = layer['name']
            w, b = params[name + '.w'], params[name + '.b'].astype(np.float64)
            t = theta[name]
            n_out = b.shape[0]
            clip = np.broadcast_to(np.asarray(t['w_clip'], dtype=np.float64), (n_out,)).copy()
            clip[~(clip > 0)] = 1.0                    # an all-zero channel: any scale gives zeros
            s_w = clip / 127.0
            if layer['logits']:
                s_w[:] = s_w.max()                     # one scale for all logits: argmax needs it
            if pure_shift and not layer['logits']:
                if layer['requant']:
                    s_target = theta[name]['a_clip'] / qmax
                else:                                  # the gap after it divides by H*W too
                    nxt = layers[i + 1]
                    s_target = theta[nxt['name']]['a_clip'] / qmax * nxt['in'][0] * nxt['in'][1]
                k = np.clip(np.rint(-np.log2(s_in * s_w / s_target)), 1, 31)
                if pure_shift == 'tensor':
                    # one shift for the layer (PIE narrows 16 lanes by one srcmb shift): every
                    # channel gets the weight scale of the widest one
                    k = np.full_like(k, k.min())
                s_w = s_target * 2.0 ** -k / s_in
            wq, _ = quantize_weights(w, s_w * 127.0, per_channel_axis_last=(kind == 'dwconv2d'))
            if 'w_ratio' in t and not pure_shift:
                # the integers come from the clip, their scale is refitted (search.refit_scales)
                s_w = s_w * np.broadcast_to(np.asarray(t['w_ratio'], dtype=np.float64), (n_out,))
            s_acc = s_in * s_w
            bq = np.clip(np.rint(b / s_acc), -2**31 + 2**24, 2**31 - 2**24).astype(np.int64)
            tensors[name + '.w'] = wq
            acc_scales[name] = s_acc
            if layer['logits']:
                tensors[name + '.b'] = bq.astype(np.int32)
                scales['logits'] = float(s_acc[0])
                continue
            bound = np.abs(bq) + 128 * abs_sum(layer, wq)
            if not layer['requant']:
                tensors[name + '.b'] = bq.astype(np.int32)
                pending = (name, s_acc, bound)
                scales[name] = s_acc                   # int32 accumulators, per channel
                continue
            s_out = t['a_clip'] / qmax
            pre, mult, shift, offset = _fit(s_acc / s_out, bq, layer, wq, pure_shift, qmax)
            tensors[name + '.b'] = (bq + offset).astype(np.int32)
            tensors.update({name + '.pre': pre.astype(np.int32), name + '.mult': mult.astype(np.int32),
                            name + '.shift': shift.astype(np.int32)})
            scales[name] = s_out
            s_in = s_out
        elif kind == 'gap':
            name = layer['name']
            src, s_acc, bound = pending
            hw = layer['in'][0] * layer['in'][1]
            s_out = theta[name]['a_clip'] / qmax
            pre, mult, shift, _ = requant.choose(s_acc / (hw * s_out), bound * hw, pure_shift, qmax)
            tensors.update({name + '.pre': pre.astype(np.int32), name + '.mult': mult.astype(np.int32),
                            name + '.shift': shift.astype(np.int32)})
            acc_scales[name] = s_acc / hw
            scales[name] = s_out
            s_in = s_out
    return {'layers': layers, 'tensors': tensors, 'scales': scales, 'acc_scales': acc_scales,
            'act_bits': act_bits, 'pure_shift': pure_shift}


def _fit(m, bq, layer, wq, pure_shift, qmax):
    """pre/mult/shift for multipliers m, with the rounding offset of `>> pre` folded into the bias
    (and the bound recomputed with it, so the int32 guarantee holds for the stored bias)."""
    sums = 128 * abs_sum(layer, wq)
    offset = np.zeros_like(bq)
    for _ in range(3):
        pre, mult, shift, new = requant.choose(m, np.abs(bq + offset) + sums, pure_shift, qmax)
        if np.array_equal(new, offset):
            return pre, mult, shift, offset
        offset = new
    # the offset keeps changing pre: keep the last choice without an offset (still exact and safe)
    pre, mult, shift, _ = requant.choose(m, np.abs(bq) + sums, pure_shift, qmax)
    return pre, mult, shift, np.zeros_like(bq)


def input_int8(images):
    """uint8 pixels (N x H x W, or N x H x W x C) -> the device's int8 input, N x H x W x C."""
    x = (np.asarray(images, dtype=np.uint8) >> 1).astype(np.int8)
    return x[..., None] if x.ndim == 3 else x


def _matmul_exact(a, b):
    """Integer matrix product through BLAS. Every partial sum is bounded by
    max|a| * max column sum |b|: below 2**24 float32 is exact, below 2**53 float64."""
    a_max = 128.0 if a.dtype == np.int8 else float(np.abs(a).max(initial=0))
    limit = a_max * float(np.abs(b).sum(axis=0).max(initial=0))
    if limit < 2.0**24:
        ftype = np.float32
    else:
        assert limit < 2.0**53, "integer product too large for exact float64"
        ftype = np.float64
    # the products are exact integers already: no rounding needed
    return (a.astype(ftype) @ b.astype(ftype)).astype(np.int64)


def forward(Q, images, hook=None, collect=False):
    """Integer logits (int64, N x classes) of uint8 images, in batches.
    hook(layer, acc): the int64 values each requantize receives (conv/dense accumulator
    with bias, gap sum; after the max-pool when one follows, see forward_batch);
    collect=True also returns {name: the int tensor the layer passes on, after its max-pool}."""
    outs_all = {}
    logits = []
    for i in range(0, len(images), BATCH):
        z, outs = forward_batch(Q, images[i:i + BATCH], hook, collect)
        logits.append(z)
        for k, v in outs.items():
            outs_all.setdefault(k, []).append(v)
    z = np.concatenate(logits) if logits else np.zeros((0, 0), np.int64)
    if collect:
        return z, {k: np.concatenate(v) for k, v in outs_all.items()}
    return z


def forward_batch(Q, images, hook=None, collect=True):
    return forward_from(Q, input_int8(images), 1, hook, collect)


def forward_from(Q, x, start, hook=None, collect=True, trace=None):
    """Run layers[start:] on x, the int tensor layer `start` receives (N x H x W x C).
    trace: a dict that receives {layer index: its input} (for restarting later)."""
    T, bits = Q['tensors'], Q['act_bits']
    outs = {}
    layers = Q['layers']
    fused = False
    last = None                        # the last named layer: a pooling layer's output is its output
    for i in range(start, len(layers)):
        layer = layers[i]
        kind = layer['kind']
        name = layer.get('name')
        if fused:                      # a max-pool already applied before the requantize
            fused = False
            continue
        if trace is not None:
            trace[i] = x
        if kind in ('conv2d', 'dwconv2d', 'dense'):
            w, b = T[name + '.w'], T[name + '.b'].astype(np.int64)
            if kind == 'conv2d':
                p = graph.patches(x, layer['k'], layer['stride'], layer['pad'])
                acc = _matmul_exact(p.reshape(-1, p.shape[-1]), w.reshape(w.shape[0], -1).T)
                acc = acc.reshape(p.shape[:3] + (w.shape[0],))
            elif kind == 'dwconv2d':
                k, c = layer['k'], x.shape[3]
                p = graph.patches(x, k, layer['stride'], layer['pad'])
                acc = (p.reshape(p.shape[:3] + (k * k, c)).astype(np.int64)
                       * w.reshape(k * k, c).astype(np.int64)).sum(axis=3)
            else:
                acc = _matmul_exact(x.reshape(len(x), -1), w.T).reshape(len(x), 1, 1, -1)
            # |acc| without the bias is at most 128 * sum|w| < the bound the quantizer checked;
            # with it, requantize() checks again, or the lines below
            acc += b
            if layer['logits']:
                requant.check_int32(acc, f"{name} logits")
                x = acc
            elif not layer['requant']:
                requant.check_int32(acc, f"{name} accumulator")
                x = np.maximum(acc, 0) if layer['relu'] else acc       # ReLU on int32, for the gap
            else:
                # requantize is non-decreasing in acc per channel (mult >= 0), so max-pooling
                # the accumulators first gives the same int8 values as the device's order,
                # on a quarter of the data; the int32 range of all of them is checked here
                requant.check_int32(acc, f"{name} accumulator")
                if i + 1 < len(layers) and layers[i + 1]['kind'] == 'maxpool2':
                    acc = graph.maxpool2(acc)
                    fused = True
                if hook:
                    hook(layer, acc)
                lo, hi = act_range(layer['relu'], bits)
                x = requant.requantize(acc, T[name + '.pre'], T[name + '.mult'], T[name + '.shift'],
                                       lo, hi, checked=True).astype(np.int8)
        elif kind == 'maxpool2':
            x = graph.maxpool2(x)
        elif kind == 'avgpool2':
            n, h, w, c = x.shape
            q = x[:, :h // 2 * 2, :w // 2 * 2].reshape(n, h // 2, 2, w // 2, 2, c)
            x = ((q.sum(axis=(2, 4), dtype=np.int64) + 2) >> 2).astype(np.int8)
        elif kind == 'gap':
            s = x.sum(axis=(1, 2), keepdims=True)
            requant.check_int32(s, f"{name} sum")
            if hook:
                hook(layer, s)
            lo, hi = act_range(False, bits)
            x = requant.requantize(s, T[name + '.pre'], T[name + '.mult'], T[name + '.shift'],
                                   lo, hi, checked=True).astype(np.int8)
        if name:
            last = name
        if collect and last and (name or kind in ('maxpool2', 'avgpool2')):
            outs[last] = x
    return x.reshape(len(x), -1), outs


def first_difference(Q1, Q2):
    """The index of the first layer whose integer tensors differ between two builds
    (len(layers) when none do): a forward can restart there."""
    layers = Q1['layers']
    for i, layer in enumerate(layers):
        name = layer.get('name')
        if not name:
            continue
        for suffix in ('.w', '.b', '.pre', '.mult', '.shift'):
            a, b = Q1['tensors'].get(name + suffix), Q2['tensors'].get(name + suffix)
            if (a is None) != (b is None) or (a is not None and not np.array_equal(a, b)):
                return i
    return len(layers)
