"""J, J_out (whole model and per layer), accuracy and int8/float agreement of h_theta."""
import numpy as np

import graph
import intmodel

BATCH = 500


def cross_entropy(z, y):
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(y)), y].mean())


def float_logits(layers, params, images):
    return np.concatenate([graph.float_forward(layers, params, images[i:i + BATCH])
                           for i in range(0, len(images), BATCH)])


def evaluate(Q, params, images, labels, per_layer=True, z_float=None):
    """Everything the report needs, on one image set. z_float: the float logits if known."""
    results = evaluate_many([Q], params, images, labels, per_layer, z_float)
    return results[0]


def evaluate_many(Qs, params, images, labels, per_layer=True, z_float=None):
    """evaluate() for several integer models of one float model, running the float model once."""
    layers = Qs[0]['layers']
    err = [{} for _ in Qs]
    ref = {}
    zq_all = [[] for _ in Qs]
    zf_all = []
    for i in range(0, len(images), BATCH):
        xb = images[i:i + BATCH]
        if per_layer or z_float is None:
            zf, fouts = graph.float_forward(layers, params, xb, collect=True)
            zf_all.append(zf)
            if per_layer:
                for name, v in fouts.items():
                    ref[name] = ref.get(name, 0.0) + float((v.astype(np.float64) ** 2).sum())
        for k, Q in enumerate(Qs):
            zi, outs = intmodel.forward_batch(Q, xb, collect=per_layer)
            zq_all[k].append(zi)
            for name, yi in (outs.items() if per_layer else ()):
                if name not in Q['scales'] or name == layers[-1]['name']:
                    continue
                d = yi * Q['scales'][name] - fouts[name]
                err[k][name] = err[k].get(name, 0.0) + float((d * d).sum())
    zf = np.concatenate(zf_all) if zf_all else z_float
    y = np.asarray(labels, dtype=np.int64)
    pred_f = zf.argmax(axis=1)
    out = []
    for k, Q in enumerate(Qs):
        z_int = np.concatenate(zq_all[k])
        zq = z_int * Q['scales']['logits']
        pred = z_int.argmax(axis=1)
        result = {
            'J': cross_entropy(zq, y),
            'J_float': cross_entropy(zf, y),
            'J_out': float(((zq - zf) ** 2).sum() / (zf.astype(np.float64) ** 2).sum()),
            'accuracy': 100.0 * float((pred == y).mean()),
            'float_accuracy': 100.0 * float((pred_f == y).mean()),
            'agreement': 100.0 * float((pred == pred_f).mean()),
            'n': len(y),
        }
        if per_layer:
            result['layer_J_out'] = {n: err[k][n] / ref[n] if ref[n] else 0.0 for n in err[k]}
        out.append((result, z_int))
    return out


def j_out(Q, images, z_float):
    """The label-free objective alone (logits noise-to-signal ratio)."""
    zq = intmodel.forward(Q, images) * Q['scales']['logits']
    return float(((zq - z_float) ** 2).sum() / (z_float ** 2).sum())
