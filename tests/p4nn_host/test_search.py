"""The quantizer's search: each 1-D search finds (within a tolerance) the minimum a brute-force
grid finds on a small problem, and the full minimisation lowers J_out step by step on the
8x8 digits model (the seconds-long smoke test), keeping accuracy."""
import os
import unittest

import numpy as np

import common
import datasets
import graph
import intmodel
import metrics
import search
import quantize


class OneDimensionalSearches(unittest.TestCase):
    def test_minimise_batch_on_known_functions(self):
        centres = np.array([0.3, 0.55, 0.9, 0.21])
        x, f = search.minimise_batch(lambda v: (v - centres) ** 2 + 1.0, np.zeros(4), np.ones(4))
        np.testing.assert_allclose(x, centres, atol=1e-3)
        np.testing.assert_allclose(f, 1.0, atol=1e-6)

    def test_weight_clips_against_brute_force(self):
        rng = np.random.default_rng(5)
        for kind, shape in (('dense', (7, 12)), ('conv2d', (5, 3, 3, 2)), ('dwconv2d', (3, 3, 4)),
                            ('dense', (32, 144))):
            layer = {'kind': kind, 'logits': 0}
            w = rng.standard_t(3, size=shape) * 0.2            # heavy tails: clipping pays
            n = int(np.prod(shape[1:])) if kind != 'dwconv2d' else 9
            x = np.abs(rng.normal(size=(400, n)))
            h = x.T @ x / len(x)
            if kind == 'dwconv2d':
                h = np.stack([h] * shape[-1])
            clips, ratios = search.search_weight_clips(layer, w, h)
            found = search.weight_error(layer, w, h, clips)
            # the scale the model uses is the refitted one the error is measured at
            _, s = search.refit_scales(layer, w, h, clips)
            np.testing.assert_allclose(s, ratios * clips / 127)
            cm = intmodel.channel_max(layer, w)
            grid = np.linspace(0.2, 1.0, 4001)
            brute = np.min([search.weight_error(layer, w, h, g * cm) for g in grid], axis=0)
            if shape[-1] < 100:
                self.assertTrue(np.all(found <= brute * 1.05 + 1e-12), (kind, found / brute))
            # with 144 non-negative correlated inputs a channel's error has many narrow dips
            # (lucky roundings) and its grid minimum is a lottery; the layer's output error,
            # the sum over channels, must still be within 5% of the brute-force grid's
            self.assertLessEqual(found.sum(), brute.sum() * 1.05, kind)
            # better than the brute-force grid without the refit, and than no clipping at all
            plain = np.min([search.weight_error(layer, w, h, g * cm, refit=False) for g in grid], axis=0)
            if shape[-1] < 100:
                self.assertTrue(np.all(found <= plain + 1e-12), (kind, found / plain))
            self.assertLess(found.sum(), plain.sum(), kind)

    def test_logits_layer_has_one_scale(self):
        rng = np.random.default_rng(6)
        layer = {'kind': 'dense', 'logits': 1}
        w = rng.normal(size=(4, 9))
        h = np.eye(9)
        clip, ratio = search.search_weight_clips(layer, w, h)
        self.assertEqual((np.ndim(clip), np.ndim(ratio)), (0, 0))
        top = np.abs(w).max()
        err = lambda c: search.weight_error(layer, w, h, np.full(4, c), shared=True).sum()
        brute = min(err(g * top) for g in np.linspace(0.2, 1, 4001))
        self.assertLessEqual(err(clip), brute * 1.05)

    def test_histogram_clip_against_brute_force(self):
        rng = np.random.default_rng(9)
        for qmax, values in ((127, rng.exponential(1.0, 20000)), (7, np.maximum(rng.normal(size=20000), 0)),
                             (127, rng.standard_t(2, 20000))):
            relu = values.min() >= 0
            v = np.maximum(values, 0) if relu else np.abs(values)

            def mse(t):
                s = t / qmax
                return float(((v - np.minimum(np.rint(v / s), qmax) * s) ** 2).mean())
            found = mse(search.histogram_clip(values, qmax, relu=relu))
            brute = min(mse(t) for t in np.linspace(v.max() / 2000, v.max(), 2000))
            self.assertLessEqual(found, brute * 1.05, qmax)


class Minimisation(unittest.TestCase):
    def test_digits_end_to_end(self):
        layers, params, _ = quantize.load_weights(os.path.join(common.MODELS, 'digits_digits.npz'))
        x, y = datasets.load('digits', 'train')
        xt, yt = datasets.load('digits', 'test')
        cal = datasets.calibration_indices(len(x))
        for bits in (8, 4):
            theta, history = search.minimise(layers, params, x[cal], act_bits=bits)
            js = [j for _, j in history]
            # min/max start, weights, activations, descent: J_out never rises, and falls overall
            for a, b in zip(js[2:], js[3:]):
                self.assertLessEqual(b, a * (1 + 1e-12), history)
            self.assertLess(js[-1], js[0] * 0.9, history)
            before = intmodel.build(layers, params, search.minmax_theta(layers, params, x[cal]), bits)
            after = intmodel.build(layers, params, theta, bits)
            r_before, _ = metrics.evaluate(before, params, xt, yt)
            r_after, _ = metrics.evaluate(after, params, xt, yt)
            self.assertLess(r_after['J_out'], r_before['J_out'], bits)     # held-out images too
            self.assertGreaterEqual(r_after['accuracy'], 95.0 if bits == 8 else 90.0)
            self.assertGreaterEqual(r_after['float_accuracy'], 96.0)

    def test_line_scan_descends_further(self):
        # step 3 with the line scan (quantize.py --line) starts where the factor steps start and
        # keeps only improvements, so its J_out on the calibration images is at most theirs; on
        # the digits model at 4 bits it is lower, and the held-out J_out is lower than min/max's
        layers, params, _ = quantize.load_weights(os.path.join(common.MODELS, 'digits_digits.npz'))
        x, _ = datasets.load('digits', 'train')
        xt, yt = datasets.load('digits', 'test')
        cal = datasets.calibration_indices(len(x))
        _, plain = search.minimise(layers, params, x[cal], act_bits=4)
        theta, line = search.minimise(layers, params, x[cal], act_bits=4, line=True)
        self.assertEqual(plain[:3], line[:3])               # steps 1 and 2 are the same
        self.assertLess(line[-1][1], plain[-1][1], (plain, line))
        Q = intmodel.build(layers, params, theta, 4)
        before = intmodel.build(layers, params, search.minmax_theta(layers, params, x[cal], per_channel=True), 4)
        self.assertLess(metrics.evaluate(Q, params, xt, yt)[0]['J_out'],
                        metrics.evaluate(before, params, xt, yt)[0]['J_out'])


if __name__ == '__main__':
    unittest.main()
