"""A slow, literal reading of docs/p4nn-model.md in pure Python ints (no numpy in the
arithmetic): flat HWC lists, one loop per index. The tests hold the vectorised
integer model (lib/p4nn/host/intmodel.py) to it."""

INT32 = (-2**31, 2**31 - 1)


def fits(v):
    assert INT32[0] <= v <= INT32[1], f"{v} leaves int32"
    return v


def requant(acc, pre, mult, shift, lo, hi):
    fits(acc)
    y = fits((acc >> pre) * mult + (1 << (shift - 1))) >> shift
    return min(max(y, lo), hi)


def conv2d(x, h, w, c, wt, bias, f, k, stride, pad):
    oh, ow = (h + 2 * pad - k) // stride + 1, (w + 2 * pad - k) // stride + 1
    out = [0] * (oh * ow * f)
    for oy in range(oh):
        for ox in range(ow):
            for o in range(f):
                acc = bias[o]
                for ky in range(k):
                    for kx in range(k):
                        iy, ix = oy * stride + ky - pad, ox * stride + kx - pad
                        if 0 <= iy < h and 0 <= ix < w:
                            for ci in range(c):
                                acc += x[(iy * w + ix) * c + ci] * wt[((o * k + ky) * k + kx) * c + ci]
                out[(oy * ow + ox) * f + o] = fits(acc)
    return out, oh, ow


def dwconv2d(x, h, w, c, wt, bias, k, stride, pad):
    oh, ow = (h + 2 * pad - k) // stride + 1, (w + 2 * pad - k) // stride + 1
    out = [0] * (oh * ow * c)
    for oy in range(oh):
        for ox in range(ow):
            for ci in range(c):
                acc = bias[ci]
                for ky in range(k):
                    for kx in range(k):
                        iy, ix = oy * stride + ky - pad, ox * stride + kx - pad
                        if 0 <= iy < h and 0 <= ix < w:
                            acc += x[(iy * w + ix) * c + ci] * wt[(ky * k + kx) * c + ci]
                out[(oy * ow + ox) * c + ci] = fits(acc)
    return out, oh, ow


def dense(x, wt, bias, n_out):
    n_in = len(x)
    return [fits(bias[o] + sum(x[i] * wt[o * n_in + i] for i in range(n_in))) for o in range(n_out)]


def pool2(x, h, w, c, kind):
    oh, ow = h // 2, w // 2
    out = []
    for oy in range(oh):
        for ox in range(ow):
            for ci in range(c):
                v = [x[((2 * oy + dy) * w + 2 * ox + dx) * c + ci] for dy in (0, 1) for dx in (0, 1)]
                out.append(max(v) if kind == 'maxpool2' else (sum(v) + 2) >> 2)
    return out, oh, ow


def run(layers, tensors, image, bits=8):
    """Integer logits of one uint8 image (a list of H*W pixels) and {name: output list}."""
    qmax = (1 << (bits - 1)) - 1
    t = {k: [int(v) for v in tensors[k].ravel()] for k in tensors}
    h, w, c = layers[0]['h'], layers[0]['w'], layers[0]['c']
    x = [p >> 1 for p in image]
    outs, last = {}, None
    for layer in layers[1:]:
        kind, name = layer['kind'], layer.get('name')
        if kind in ('conv2d', 'dwconv2d', 'dense'):
            if kind == 'conv2d':
                acc, h, w = conv2d(x, h, w, c, t[name + '.w'], t[name + '.b'], layer['out'],
                                   layer['k'], layer['stride'], layer['pad'])
                c = layer['out']
            elif kind == 'dwconv2d':
                acc, h, w = dwconv2d(x, h, w, c, t[name + '.w'], t[name + '.b'], layer['k'],
                                     layer['stride'], layer['pad'])
            else:
                acc = dense(x, t[name + '.w'], t[name + '.b'], layer['out'])
                h, w, c = 1, 1, layer['out']
            if layer.get('logits'):
                x = acc
            elif not layer.get('requant', 1):
                x = [max(a, 0) for a in acc] if layer.get('relu') else acc
            else:
                lo, hi = (0, qmax) if layer.get('relu') else (-qmax - 1, qmax)
                x = [requant(a, t[name + '.pre'][i % c], t[name + '.mult'][i % c], t[name + '.shift'][i % c], lo, hi)
                     for i, a in enumerate(acc)]
        elif kind in ('maxpool2', 'avgpool2'):
            x, h, w = pool2(x, h, w, c, kind)
            if last:
                outs[last] = x                 # what the layer passes on, as the host model reports it
        elif kind == 'gap':
            sums = [fits(sum(x[p * c + ci] for p in range(h * w))) for ci in range(c)]
            x = [requant(sums[ci], t[name + '.pre'][ci], t[name + '.mult'][ci], t[name + '.shift'][ci],
                         -qmax - 1, qmax) for ci in range(c)]
            h = w = 1
        if name:
            outs[name], last = x, name
    return x, outs


def argmax(z):
    best = 0
    for i, v in enumerate(z):
        if v > z[best]:
            best = i
    return best
