"""The minimisation of the quantization error over theta (the clipping thresholds).

theta = {layer name: {'w_clip': per-output-channel max |w| kept (one value for the
logits layer), 'a_clip': the output activation range}}; scales are clip / qmax.

  baseline      per-tensor min/max (and per-channel min/max) of weights and activations;
  step 1        weight clipping per output channel: grid then golden-section search of
                the layer-output error (w - w_q)^T H (w - w_q), H = E[x x^T] on calibration inputs;
  step 2        activation clipping per tensor, layer by layer, minimising the squared
                error predicted from a histogram of what the requantize receives;
  step 3        coordinate descent over per-layer multipliers of both, minimising J_out.
Nothing here looks at labels.
"""
import numpy as np

import graph
import intmodel
import metrics

GOLDEN = (np.sqrt(5.0) - 1.0) / 2.0


def _weight_layers(layers):
    return [l for l in layers if l['kind'] in ('conv2d', 'dwconv2d', 'dense')]


def activation_max(layers, params, images):
    """max of every named layer's float output over the images (the min/max activation range)."""
    top = {}
    for i in range(0, len(images), metrics.BATCH):
        _, outs = graph.float_forward(layers, params, images[i:i + metrics.BATCH], collect=True)
        for name, v in outs.items():
            top[name] = max(top.get(name, 0.0), float(np.abs(v).max()))
    return top


def minmax_theta(layers, params, images, per_channel=False):
    """The naive baseline: clips at the largest |value| (per tensor, or per channel for weights)."""
    amax = activation_max(layers, params, images)
    theta = {}
    for layer in graph.param_layers(layers):
        name = layer['name']
        t = {'a_clip': amax[name] or 1.0}          # a tensor that is always 0: any scale
        if layer['kind'] != 'gap':
            cm = intmodel.channel_max(layer, params[name + '.w'])
            t['w_clip'] = cm.max() if (layer['logits'] or not per_channel) else cm
        theta[name] = t
    return theta


# ---- step 1: weights -------------------------------------------------------------------------

def input_second_moments(layers, params, images, max_rows=20000, seed=1):
    """H = E[x x^T] of each weight layer's input rows (conv: the K*K*C patches; depthwise:
    per channel K*K x K*K), from the float model on the calibration images."""
    rng = np.random.default_rng(seed)
    sums, counts = {}, {}

    def hook(layer, x):
        if layer['kind'] == 'gap':
            return
        if layer['kind'] == 'dense':
            rows = x.reshape(len(x), -1)
        else:
            p = graph.patches(x, layer['k'], layer['stride'], layer['pad'])
            rows = p.reshape(-1, p.shape[-1])
        if len(rows) > max_rows // 4:
            rows = rows[rng.choice(len(rows), max_rows // 4, replace=False)]
        if layer['kind'] == 'dwconv2d':
            c = x.shape[3]
            r = rows.reshape(len(rows), -1, c)                 # rows, K*K, C
            h = np.einsum('nic,njc->cij', r, r)
        else:
            h = rows.T @ rows
        sums[layer['name']] = sums.get(layer['name'], 0) + h
        counts[layer['name']] = counts.get(layer['name'], 0) + len(rows)

    for i in range(0, len(images), metrics.BATCH):
        graph.float_forward(layers, params, images[i:i + metrics.BATCH], hook=hook)
    return {k: sums[k] / counts[k] for k in sums}


def _deltas(layer, w, q, s):
    """w - s*q per output channel as rows (depthwise: channel-major), for scales s."""
    if layer['kind'] == 'dwconv2d':
        return (w - q * s).reshape(-1, w.shape[-1]).T
    return (w - q * s.reshape((-1,) + (1,) * (w.ndim - 1))).reshape(w.shape[0], -1)


def _rows(layer, a):
    return a.reshape(-1, a.shape[-1]).T if layer['kind'] == 'dwconv2d' else a.reshape(a.shape[0], -1)


def _quad(layer, h, a, b):
    """a_c^T H b_c per channel (H per channel for depthwise)."""
    if layer['kind'] == 'dwconv2d':
        return np.einsum('ci,cij,cj->c', a, h, b)
    return np.einsum('ci,ci->c', a @ h, b)


def refit_scales(layer, w, h, clips, shared=False):
    """The integers q = round(w / (clip/127)) are what the device stores; their scale need not be
    clip/127. For fixed q the error (w - s q)^T H (w - s q) is a parabola in s, least at
    s = q^T H w / q^T H q. Returns (q, s per channel); shared=True: one s for all channels."""
    q, s0 = intmodel.quantize_weights(w, clips, per_channel_axis_last=(layer['kind'] == 'dwconv2d'))
    qr, wr = _rows(layer, q.astype(np.float64)), _rows(layer, w)
    num, den = _quad(layer, h, qr, wr), _quad(layer, h, qr, qr)
    if shared:
        num, den = np.full_like(num, num.sum()), np.full_like(den, den.sum())
    s = np.where(den > 0, num / np.where(den > 0, den, 1.0), s0)
    return q, np.where(s > 0, s, s0)


def weight_error(layer, w, h, clips, refit=True, shared=False):
    """Per channel: (w - s q)^T H (w - s q) with q = the integers of clip[c] and s their
    refitted scale (refit=False: s = clip / 127)."""
    if refit:
        q, s = refit_scales(layer, w, h, clips, shared)
    else:
        q, s = intmodel.quantize_weights(w, clips, per_channel_axis_last=(layer['kind'] == 'dwconv2d'))
    d = _deltas(layer, w, q, s)
    return _quad(layer, h, d, d)


def minimise_batch(objective, lo, hi, grid=32, fine=160, golden_steps=10):
    """Minimise independent 1-D functions at once: objective(x) with x, lo, hi arrays of
    one value per problem returns one value per problem. The functions are jagged (rounding
    makes narrow dips), so: a coarse grid finds the basin, a fine grid over the two cells
    around its best catches the dips, golden-section search polishes. Returns (x, f)."""
    lo, hi = np.asarray(lo, np.float64), np.asarray(hi, np.float64)
    cols = np.arange(len(lo))
    best_x = np.full(len(lo), np.nan)
    best_f = np.full(len(lo), np.inf)

    def scan(xs):
        nonlocal best_x, best_f
        fs = np.stack([objective(x) for x in xs])
        k = fs.argmin(axis=0)
        better = fs[k, cols] < best_f
        best_x = np.where(better, xs[k, cols], best_x)
        best_f = np.where(better, fs[k, cols], best_f)

    cell = (hi - lo) / (grid - 1)
    scan(lo[None] + np.linspace(0.0, 1.0, grid)[:, None] * (hi - lo)[None])
    a = np.maximum(best_x - cell, lo)
    b = np.minimum(best_x + cell, hi)
    scan(a[None] + np.linspace(0.0, 1.0, fine)[:, None] * (b - a)[None])
    step = (b - a) / (fine - 1)
    a = np.maximum(best_x - step, lo)
    b = np.minimum(best_x + step, hi)
    for _ in range(golden_steps):
        c = b - GOLDEN * (b - a)
        d = a + GOLDEN * (b - a)
        fc, fd = objective(c), objective(d)
        for x, f in ((c, fc), (d, fd)):
            better = f < best_f
            best_x, best_f = np.where(better, x, best_x), np.where(better, f, best_f)
        left = fc < fd                  # the minimum is in [a, d]
        b = np.where(left, d, b)
        a = np.where(left, a, c)
    return best_x, best_f


def search_weight_clips(layer, w, h, low=0.2):
    """Step 1 for one layer: per-channel clips in [low, 1] * max |w| (one clip for logits),
    each with its refitted scale. Returns (clips, ratios: refitted scale / (clip / 127))."""
    cm = intmodel.channel_max(layer, w)
    cm = np.where(cm > 0, cm, 1.0)
    if layer['logits']:
        top = cm.max()
        obj = lambda x: np.array([weight_error(layer, w, h, np.full(len(cm), v), shared=True).sum() for v in x])
        x, _ = minimise_batch(obj, [low * top], [top])
        clips = np.full(len(cm), x[0])
        _, s = refit_scales(layer, w, h, clips, shared=True)
        return float(x[0]), float(s[0] / (x[0] / 127.0))
    x, _ = minimise_batch(lambda clips: weight_error(layer, w, h, clips), low * cm, cm)
    _, s = refit_scales(layer, w, h, x)
    return x, s / (x / 127.0)


# ---- step 2: activations ---------------------------------------------------------------------

def histogram_clip(values, qmax, bins=2048, candidates=256, relu=True):
    """The clip t minimising sum over the histogram of (v - Q_t(v))^2, Q_t rounding to
    steps of t/qmax and clamping at t. values: reals (after ReLU when relu)."""
    v = np.abs(values) if not relu else np.maximum(values, 0)
    top = float(v.max(initial=0.0))
    if top == 0:
        return 1.0
    counts, edges = np.histogram(v, bins=bins, range=(0, top))
    centres = (edges[:-1] + edges[1:]) / 2
    keep = counts > 0
    counts, centres = counts[keep], centres[keep]
    ts = top * np.linspace(1.0 / candidates, 1.0, candidates)
    s = ts[:, None] / qmax
    q = np.minimum(np.rint(centres[None] / s), qmax) * s
    err = ((centres[None] - q) ** 2 * counts[None]).sum(axis=1)
    return float(ts[err.argmin()])


def calibrate_activations(layers, params, theta, images, act_bits, pure_shift=False, z_float=None):
    """Step 2: layer by layer, with the layers before already quantized, the histogram of the
    real values each requantize receives gives its clip. With z_float, a layer's new clip is
    kept only if it lowers J_out (the histogram's squared error is a proxy: at 8 bits a
    tensor's least-error clip can cut outliers that the next layers need)."""
    qmax = (1 << (act_bits - 1)) - 1
    theta = {k: dict(v) for k, v in theta.items()}
    current = None
    if z_float is not None:
        current = metrics.j_out(intmodel.build(layers, params, theta, act_bits, pure_shift), images, z_float)
    for layer in graph.param_layers(layers):
        if 'a_clip' not in theta[layer['name']] or layer.get('logits') or not layer.get('requant', 1):
            continue
        Q = intmodel.build(layers, params, theta, act_bits, pure_shift)
        name, got = layer['name'], []

        def hook(l, acc, name=name, got=got):
            if l['name'] == name:
                got.append(acc)
        intmodel.forward(Q, images, hook=hook)
        acc = np.concatenate([a.reshape(-1, a.shape[-1]) for a in got])
        real = acc * Q['acc_scales'][name]           # per channel, on the last axis
        clip = histogram_clip(real.ravel(), qmax, relu=bool(layer.get('relu', 0)) or layer['kind'] == 'gap')
        if current is None:
            theta[name]['a_clip'] = clip
            continue
        trial = {k: dict(v) for k, v in theta.items()}
        trial[name]['a_clip'] = clip
        j = metrics.j_out(intmodel.build(layers, params, trial, act_bits, pure_shift), images, z_float)
        if j < current:
            theta, current = trial, j
    return theta


# ---- step 3: global refinement ---------------------------------------------------------------

def scaled(theta, mults):
    """theta with per-layer multipliers {(name, 'w_clip' | 'a_clip'): factor} applied."""
    out = {k: dict(v) for k, v in theta.items()}
    for (name, key), f in mults.items():
        out[name][key] = np.asarray(out[name][key]) * f if key == 'w_clip' else out[name][key] * f
    return out


LINE_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.1, 1.25, 1.4, 1.6)


def coordinate_descent(layers, params, theta, images, z_float, act_bits, pure_shift=False,
                       steps=(1.25, 1.1, 1.04), sweeps=2, line=False, log=None):
    """Step 3: per-layer multipliers of the weight and activation clips, one at a time,
    each tried up and down by a factor, kept when J_out (label-free) on the images falls.
    line=True first scans each multiplier over LINE_GRID (the best of the grid kept, in
    sweeps until none moves) and ends with a factor of 1.02: at 4 bits a coordinate's
    J_out is jagged enough that the factor steps stop in a narrow dip near the start."""
    coords = []
    for layer in graph.param_layers(layers):
        if 'w_clip' in theta[layer['name']]:
            coords.append((layer['name'], 'w_clip'))
        if 'a_clip' in theta[layer['name']] and not layer.get('logits') and layer.get('requant', 1):
            coords.append((layer['name'], 'a_clip'))
    mults = {c: 1.0 for c in coords}
    chunks = [images[i:i + intmodel.BATCH] for i in range(0, len(images), intmodel.BATCH)]
    zf2 = float((z_float.astype(np.float64) ** 2).sum())
    state = {}

    def cost(m):
        """J_out of multipliers m; restarts each chunk's forward at the first layer whose
        integers changed, from the inputs recorded for the current best."""
        Q = intmodel.build(layers, params, scaled(theta, m), act_bits, pure_shift)
        start = intmodel.first_difference(state['Q'], Q) if state else 1
        traces, err = [], 0.0
        for k, xb in enumerate(chunks):
            trace = dict(state['traces'][k]) if state else {}
            if start < len(layers):
                x = trace[start] if start > 1 else intmodel.input_int8(xb)
                z, _ = intmodel.forward_from(Q, x, start, collect=False, trace=trace)
                trace['z'] = z
            zq = trace['z'] * Q['scales']['logits']
            err += float(((zq - z_float[k * intmodel.BATCH:k * intmodel.BATCH + len(xb)]) ** 2).sum())
            traces.append(trace)
        return err / zf2, Q, traces

    best, state['Q'], state['traces'] = cost(mults)
    evals = 1
    for _ in range(sweeps if line else 0):
        moved = False
        for c in coords:
            found = None
            for f in LINE_GRID:
                trial = dict(mults)
                trial[c] = mults[c] * f
                j, Q, traces = cost(trial)
                evals += 1
                if j < best:            # the state (the trace cache) follows the best so far
                    best, found = j, trial
                    state['Q'], state['traces'] = Q, traces
            if found is not None:
                mults, moved = found, True
        if log:
            log(f"  step 3, line scan: J_out {best:.6g} ({evals} evaluations)")
        if not moved:
            break
    if line:
        steps = tuple(steps) + (1.02,)
    for step in steps:
        for _ in range(sweeps):
            improved = False
            for c in coords:
                for f in (step, 1.0 / step):
                    trial = dict(mults)
                    trial[c] = mults[c] * f
                    j, Q, traces = cost(trial)
                    evals += 1
                    if j < best:
                        best, mults, improved = j, trial, True
                        state['Q'], state['traces'] = Q, traces
                        break
            if not improved:
                break
        if log:
            log(f"  step 3, factor {step}: J_out {best:.6g} ({evals} evaluations)")
    return scaled(theta, mults), best, mults


def minimise(layers, params, images, act_bits=8, pure_shift=False, line=False, log=None):
    """Steps 1-3 from the per-channel min/max start. Returns theta and a log of J_out after each step."""
    z_float = metrics.float_logits(layers, params, images)
    history = []

    def note(what, th):
        j = metrics.j_out(intmodel.build(layers, params, th, act_bits, pure_shift), images, z_float)
        history.append((what, j))
        if log:
            log(f"  {what}: J_out {j:.6g}")
        return j

    theta = minmax_theta(layers, params, images, per_channel=True)
    note('per-channel min/max', theta)
    moments = input_second_moments(layers, params, images)
    for layer in _weight_layers(layers):
        clips, ratios = search_weight_clips(layer, params[layer['name'] + '.w'], moments[layer['name']])
        theta[layer['name']].update(w_clip=clips, w_ratio=ratios)
    note('step 1 (weight clipping)', theta)
    theta = calibrate_activations(layers, params, theta, images, act_bits, pure_shift, z_float)
    note('step 2 (activation clipping)', theta)
    theta, j, _ = coordinate_descent(layers, params, theta, images, z_float, act_bits, pure_shift,
                                     line=line, log=log)
    history.append(('step 3 (coordinate descent)', j))
    return theta, history
