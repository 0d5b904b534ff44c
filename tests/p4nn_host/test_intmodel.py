"""The vectorised integer model (h_theta) against the pure-loop reference of the contract,
on random small graphs: shapes of 1, odd sizes, channel counts that are not multiples of 16,
every layer kind, 8- and 4-bit activations, the pure-shift option."""
import unittest

import numpy as np

import common  # noqa: F401
import graph
import intmodel
import reference
import requant
import search


def random_graph(rng):
    h, w, c = int(rng.integers(1, 10)), int(rng.integers(1, 10)), int(rng.choice([1, 2, 3]))
    lines = [f"input h={h} w={w} c={c}"]
    n = 0
    for _ in range(int(rng.integers(1, 4))):
        n += 1
        kind = rng.choice(['conv2d', 'conv2d', 'dwconv2d', 'maxpool2', 'avgpool2'])
        if kind in ('maxpool2', 'avgpool2'):
            if h >= 2 and w >= 2:
                lines.append(str(kind))
                h, w = h // 2, w // 2
            continue
        k = int(rng.choice([1, 3]))
        stride = int(rng.choice([1, 2]))
        pad = int(rng.choice([0, k // 2]))
        if h + 2 * pad < k or w + 2 * pad < k:
            pad = k // 2
        relu = int(rng.integers(0, 2))
        if kind == 'conv2d':
            c = int(rng.choice([1, 3, 5, 16, 17]))
            lines.append(f"conv2d name=l{n} k={k} stride={stride} pad={pad} out={c} relu={relu}")
        else:
            lines.append(f"dwconv2d name=l{n} k={k} stride={stride} pad={pad} relu={relu}")
        h, w = (h + 2 * pad - k) // stride + 1, (w + 2 * pad - k) // stride + 1
    if rng.integers(0, 2):
        lines.append(f"conv2d name=g1 k=3 stride=1 pad=1 out={int(rng.choice([1, 7, 16]))} relu=1 requant=0")
        lines.append("gap name=g2")
    if rng.integers(0, 2):
        lines.append(f"dense name=d1 out={int(rng.choice([1, 5, 19]))} relu={int(rng.integers(0, 2))}")
    lines.append(f"dense name=d2 out={int(rng.integers(1, 11))} logits=1")
    return graph.parse('\n'.join(lines) + '\n')


def random_params(layers, rng):
    params = {}
    for layer in layers:
        if layer['kind'] in ('conv2d', 'dwconv2d', 'dense'):
            shape = graph.weight_shape(layer)
            fan_in = np.prod(shape[1:]) if layer['kind'] != 'dwconv2d' else shape[0] * shape[1]
            params[layer['name'] + '.w'] = (rng.normal(size=shape) * 1.5 / np.sqrt(fan_in)).astype(np.float32)
            params[layer['name'] + '.b'] = (rng.normal(size=shape[-1] if layer['kind'] == 'dwconv2d' else shape[0])
                                            * 0.1).astype(np.float32)
    return params


class IntModelAgainstReference(unittest.TestCase):
    def test_random_graphs(self):
        rng = np.random.default_rng(2026)
        kinds = set()
        for trial in range(40):
            layers = random_graph(rng)
            params = random_params(layers, rng)
            h, w, c = layers[0]['h'], layers[0]['w'], layers[0]['c']
            images = rng.integers(0, 256, size=(5, h, w, c), dtype=np.uint8)
            bits = int(rng.choice([8, 8, 4]))
            pure = bool(rng.integers(0, 4) == 0)
            theta = search.minmax_theta(layers, params, images, per_channel=bool(rng.integers(0, 2)))
            for t in theta.values():                 # clip some activations to make saturation happen
                if 'a_clip' in t:
                    t['a_clip'] *= float(rng.choice([0.3, 1.0]))
            Q = intmodel.build(layers, params, theta, bits, pure)
            z, outs = intmodel.forward(Q, images, collect=True)
            for i, image in enumerate(images):
                zr, ref_outs = reference.run(layers, Q['tensors'], [int(p) for p in image.ravel()], bits)
                self.assertEqual(z[i].tolist(), zr, f"trial {trial}: logits differ")
                for name, v in ref_outs.items():
                    self.assertEqual(outs[name][i].ravel().tolist(), v, f"trial {trial}: layer {name} differs")
                self.assertEqual(int(np.argmax(z[i])), reference.argmax(zr))
            kinds.update(l['kind'] for l in layers)
        self.assertEqual(kinds, set(graph.KINDS), "the random graphs did not cover every layer kind")


class Requantize(unittest.TestCase):
    def test_rule_on_random_values(self):
        rng = np.random.default_rng(7)
        c = 13
        pre = rng.integers(0, 6, c)
        mult = rng.integers(0, 2**14, c)
        shift = rng.integers(1, 20, c)
        acc = rng.integers(-2**16, 2**16, size=(50, c))
        got = requant.requantize(acc, pre, mult, shift, -128, 127)
        for n in range(50):
            for k in range(c):
                want = reference.requant(int(acc[n, k]), int(pre[k]), int(mult[k]), int(shift[k]), -128, 127)
                self.assertEqual(int(got[n, k]), want)

    def test_choose_keeps_the_int32_guarantee_and_precision(self):
        rng = np.random.default_rng(8)
        m = 2.0 ** rng.uniform(-20, 0, 300)
        # the worst-case output bound * m, in output steps, up to 2**16 (a layer's real
        # worst case is far above its clip, but not 500 times)
        bound = np.minimum(2.0 ** rng.uniform(0, 16, 300) / m, 2**28).astype(np.int64)
        pre, mult, shift, _ = requant.choose(m, bound)
        for k in range(300):
            self.assertTrue(((int(bound[k]) >> int(pre[k])) + 1) * int(mult[k]) + (1 << int(shift[k] - 1)) < 2**31)
            self.assertGreaterEqual(int(shift[k]), 1)
            # the multiplier error at full scale plus the step `>> pre` drops: below 0.1 output step
            err = 127 * abs(requant.effective(pre[k], mult[k], shift[k]) / m[k] - 1) + (0.5 * m[k] * 2**int(pre[k]) if pre[k] else 0)
            self.assertLess(err, 0.1, k)
        # and the guarantee holds even where precision must give way
        m = 2.0 ** rng.uniform(-20, 0, 300)
        bound = (2.0 ** rng.uniform(4, 28, 300)).astype(np.int64)
        pre, mult, shift, _ = requant.choose(m, bound)
        for k in range(300):
            self.assertTrue(((int(bound[k]) >> int(pre[k])) + 1) * int(mult[k]) + (1 << int(shift[k] - 1)) < 2**31)
        # no parameters exist for a multiplier near 1 on an accumulator near 2**31: a clear error
        with self.assertRaises(requant.OverflowError32):
            requant.choose(np.array([0.9]), np.array([2**31 - 2]))

    def test_pure_shift(self):
        pre, mult, shift, _ = requant.choose(np.array([2.0**-7, 2.0**-1]), np.array([1000, 1000]), pure_shift=True)
        self.assertEqual((pre.tolist(), mult.tolist(), shift.tolist()), ([0, 0], [1, 1], [7, 1]))
        with self.assertRaises(ValueError):
            requant.choose(np.array([0.3]), np.array([10]), pure_shift=True)

    def test_overflow_is_reported(self):
        with self.assertRaises(requant.OverflowError32):
            requant.requantize(np.array([[2**31]]), np.array([0]), np.array([1]), np.array([1]), -128, 127)
        with self.assertRaises(requant.OverflowError32):
            requant.requantize(np.array([[2**20]]), np.array([0]), np.array([2**12]), np.array([1]), -128, 127)


if __name__ == '__main__':
    unittest.main()
