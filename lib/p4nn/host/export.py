"""From the integer model Q to the .p4nn file, and the device's test files."""
import os

import numpy as np

import idx
import intmodel
import p4nnfile


def graph_text(layers):
    """The graph lines of the contract (the shapes are not part of it)."""
    lines = []
    for layer in layers:
        words = [layer['kind']]
        for key, value in layer.items():
            if key in ('kind', 'in', 'out_shape'):
                continue
            # defaults filled in by the parser are written only when they say something
            if (key == 'requant' and value == 1) or (key == 'logits' and value == 0) \
                    or (key == 'relu' and (layer['kind'] not in ('conv2d', 'dwconv2d', 'dense')
                                           or (value == 0 and layer.get('logits')))):
                continue
            words.append(f"{key}={value}")
        lines.append(' '.join(words))
    return '\n'.join(lines) + '\n'


def model_tensors(Q):
    """(name, value) pairs in file order: the graph, then each layer's tensors."""
    T = Q['tensors']
    out = [('graph', graph_text(Q['layers']))]
    for layer in Q['layers']:
        name = layer.get('name')
        if not name:
            continue
        for suffix in ('.w', '.b', '.pre', '.mult', '.shift'):
            if name + suffix in T:
                out.append((name + suffix, T[name + suffix]))
        scale = Q['scales']['logits'] if layer.get('logits') else Q['scales'].get(name)
        if scale is not None and np.ndim(scale) == 0:
            out.append((name + '.s_out', np.float32(scale)))
    return out


def write_model(path, Q):
    return p4nnfile.write(path, model_tensors(Q))


def write_test_set(prefix, Q, images, labels):
    """prefix-images.idx (uint8 N x H x W), prefix-labels.idx (uint8 N) and
    prefix-logits.idx (int32 N x classes: the host's integer logits, for a bit-exact check)."""
    os.makedirs(os.path.dirname(prefix) or '.', exist_ok=True)
    logits = intmodel.forward(Q, images)
    idx.write_idx(prefix + '-images.idx', np.asarray(images, np.uint8))
    idx.write_idx(prefix + '-labels.idx', np.asarray(labels, np.uint8))
    idx.write_idx(prefix + '-logits.idx', logits.astype(np.int32))
    return logits


def read_model(path):
    """A .p4nn file back into Q (what intmodel.forward runs): the device's view of the model."""
    import graph
    t = p4nnfile.read(path)
    layers = graph.parse(t['graph'])
    tensors = {k: np.asarray(v) for k, v in t.items() if k != 'graph' and not k.endswith('.s_out')}
    scales = {}
    for layer in layers:
        name = layer.get('name')
        if name and name + '.s_out' in t:
            scales['logits' if layer.get('logits') else name] = float(t[name + '.s_out'])
    return {'layers': layers, 'tensors': tensors, 'scales': scales, 'act_bits': 8}
