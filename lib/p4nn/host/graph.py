"""The model graph of docs/p4nn-model.md: parse its text, infer shapes, run it in float.

A graph is a list of layers (dicts with 'kind' and the keys of its line).
Float parameters are a dict name -> numpy array in the contract's layouts:
conv X.w [F][KH][KW][C], depthwise X.w [KH][KW][C], dense X.w [N_out][N_in]
(input flattened HWC), biases X.b [out]. Activations are N x H x W x C.
"""
import numpy as np

# the models of issue 13 (and the 8x8 digits smoke-test model)
GRAPHS = {
    'cnn': """input h=28 w=28 c=1
conv2d name=c1 k=3 stride=1 pad=1 out=16 relu=1
maxpool2
conv2d name=c2 k=3 stride=1 pad=1 out=32 relu=1
maxpool2
dense name=f1 out=128 relu=1
dense name=f2 out=10 logits=1
""",
    'convgap': """input h=28 w=28 c=1
conv2d name=c1 k=3 stride=1 pad=1 out=16 relu=1
maxpool2
conv2d name=c2 k=3 stride=1 pad=1 out=32 relu=1
maxpool2
conv2d name=c3 k=3 stride=1 pad=1 out=64 relu=1 requant=0
gap name=g
dense name=f out=10 logits=1
""",
    'digits': """input h=8 w=8 c=1
conv2d name=c1 k=3 stride=1 pad=1 out=16 relu=1
maxpool2
dense name=f1 out=10 logits=1
""",
}

KINDS = {
    'input': ('h', 'w', 'c'),
    'conv2d': ('name', 'k', 'stride', 'pad', 'out', 'relu'),
    'dwconv2d': ('name', 'k', 'stride', 'pad', 'relu'),
    'dense': ('name', 'out'),
    'maxpool2': (),
    'avgpool2': (),
    'gap': ('name',),
}
OPTIONAL = {'conv2d': ('requant',), 'dense': ('relu', 'logits')}


class GraphError(ValueError):
    pass


def parse(text):
    """Graph text -> list of layer dicts, with shapes ('in', 'out' as (h, w, c))."""
    layers = []
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split()
        if not words:
            continue
        kind = words[0]
        if kind not in KINDS:
            raise GraphError(f"line {number}: unknown layer kind {kind!r}")
        layer = {'kind': kind}
        for word in words[1:]:
            key, eq, value = word.partition('=')
            if not eq or key in layer:
                raise GraphError(f"line {number}: bad or repeated field {word!r}")
            if key not in KINDS[kind] + OPTIONAL.get(kind, ()):
                raise GraphError(f"line {number}: {kind} has no field {key!r}")
            layer[key] = value if key == 'name' else int(value)
        missing = [k for k in KINDS[kind] if k not in layer]
        if missing:
            raise GraphError(f"line {number}: {kind} needs {', '.join(missing)}")
        layer.setdefault('relu', 0)
        layer.setdefault('requant', 1)
        layer.setdefault('logits', 0)
        layers.append(layer)
    if not layers or layers[0]['kind'] != 'input':
        raise GraphError("the first layer must be 'input'")
    _infer_shapes(layers)
    return layers


def _infer_shapes(layers):
    shape = None
    for i, layer in enumerate(layers):
        kind = layer['kind']
        if kind == 'input':
            if i:
                raise GraphError("'input' must come first and once")
            out = (layer['h'], layer['w'], layer['c'])
        elif kind in ('conv2d', 'dwconv2d'):
            h, w, c = shape
            k, s, p = layer['k'], layer['stride'], layer['pad']
            oh, ow = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1
            if oh < 1 or ow < 1:
                raise GraphError(f"{layer['name']}: output would be empty")
            out = (oh, ow, layer['out'] if kind == 'conv2d' else c)
        elif kind in ('maxpool2', 'avgpool2'):
            h, w, c = shape
            if h < 2 or w < 2:
                raise GraphError(f"{kind} on a {h}x{w} tensor")
            out = (h // 2, w // 2, c)
        elif kind == 'gap':
            out = (1, 1, shape[2])
        elif kind == 'dense':
            out = (1, 1, layer['out'])
        if i and layers[i - 1].get('requant', 1) == 0 and kind != 'gap':
            raise GraphError(f"requant=0 must be followed by gap")
        layer['in'], layer['out_shape'] = shape, out
        shape = out
    if not layers[-1].get('logits'):
        raise GraphError("the last layer must be 'dense ... logits=1'")


def param_layers(layers):
    """The layers that own tensors (name=X)."""
    return [l for l in layers if 'name' in l]


def weight_shape(layer):
    h, w, c = layer['in']
    if layer['kind'] == 'conv2d':
        return (layer['out'], layer['k'], layer['k'], c)
    if layer['kind'] == 'dwconv2d':
        return (layer['k'], layer['k'], c)
    if layer['kind'] == 'dense':
        return (layer['out'], h * w * c)
    return None


def patches(x, k, stride, pad):
    """N x H x W x C -> N x OH x OW x (K*K*C) windows in [KH][KW][C] order (a view where possible)."""
    if pad:
        x = np.pad(x, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    win = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(1, 2))  # N,OH',OW',C,KH,KW
    win = win[:, ::stride, ::stride]
    n, oh, ow, c = win.shape[:4]
    return win.transpose(0, 1, 2, 4, 5, 3).reshape(n, oh, ow, k * k * c)


def maxpool2(x):
    n, h, w, c = x.shape
    x = x[:, :h // 2 * 2, :w // 2 * 2].reshape(n, h // 2, 2, w // 2, 2, c)
    return x.max(axis=(2, 4))


def float_forward(layers, params, images, collect=False, hook=None):
    """The float model on uint8 images (N x H x W, or N x H x W x C): logits (N x classes).
    With collect=True also returns {layer name: the tensor it passes on (after ReLU,
    and after the pooling layer that follows it, if one does)};
    hook(layer, x) is called with the input of every layer that has a name."""
    x = images.astype(np.float32) / np.float32(255.0)
    if x.ndim == 3:                    # N x H x W grey images: one channel
        x = x[..., None]
    outs = {}
    last = None
    for layer in layers[1:]:
        kind = layer['kind']
        if hook and 'name' in layer:
            hook(layer, x)
        if kind == 'conv2d':
            w = params[layer['name'] + '.w']
            p = patches(x, layer['k'], layer['stride'], layer['pad'])
            x = p @ w.reshape(w.shape[0], -1).T + params[layer['name'] + '.b']
        elif kind == 'dwconv2d':
            w = params[layer['name'] + '.w']
            k, c = layer['k'], x.shape[3]
            p = patches(x, k, layer['stride'], layer['pad']).reshape(*x.shape[:1], -1, k * k, c)
            x = (p * w.reshape(k * k, c)).sum(axis=-2) + params[layer['name'] + '.b']
            oh, ow = layer['out_shape'][:2]
            x = x.reshape(-1, oh, ow, c)
        elif kind == 'dense':
            x = x.reshape(len(x), -1) @ params[layer['name'] + '.w'].T + params[layer['name'] + '.b']
            x = x.reshape(len(x), 1, 1, -1)
        elif kind == 'maxpool2':
            x = maxpool2(x)
        elif kind == 'avgpool2':
            n, h, w, c = x.shape
            x = x[:, :h // 2 * 2, :w // 2 * 2].reshape(n, h // 2, 2, w // 2, 2, c).mean(axis=(2, 4))
        elif kind == 'gap':
            x = x.mean(axis=(1, 2), keepdims=True)
        if layer.get('relu'):
            x = np.maximum(x, 0.0)
        if 'name' in layer:
            last = layer['name']
        if collect and last and (kind in ('maxpool2', 'avgpool2') or 'name' in layer):
            outs[last] = x
    logits = x.reshape(len(x), -1)
    return (logits, outs) if collect else logits
