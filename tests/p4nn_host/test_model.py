"""The committed MNIST model and the device's test files: the .p4nn file runs bit for bit
as the host integer model says (the logits the device must reproduce), its accuracy on the
fixed 1,000-image subset is asserted, the pure-loop reference agrees on some images, and
the file is what the exporter writes from the committed weights and theta."""
import json
import os
import unittest

import numpy as np

import common
import datasets
import export
import idx
import intmodel
import quantize
import reference

MODEL = os.path.join(common.MODELS, 'cnn_mnist.p4nn')
SUBSET = os.path.join(common.MODELS, 'mnist_test1000')
# the committed model is exported in the shift-per-layer form (make_results.sh)
RESULTS = os.path.join(common.MODELS, 'results', 'cnn_mnist_a8_puretensor.json')


class CommittedModel(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.Q = export.read_model(MODEL)
        cls.images = idx.read_idx(SUBSET + '-images.idx')
        cls.labels = idx.read_idx(SUBSET + '-labels.idx')
        cls.logits = idx.read_idx(SUBSET + '-logits.idx')
        cls.z = intmodel.forward(cls.Q, cls.images)

    def test_subset_is_the_first_1000_test_images(self):
        x, y = datasets.load('mnist', 'test')
        np.testing.assert_array_equal(self.images, x[:1000])
        np.testing.assert_array_equal(self.labels, y[:1000])

    def test_logits_bit_exact(self):
        self.assertEqual(self.logits.dtype, np.int32)
        np.testing.assert_array_equal(self.z, self.logits)

    def test_accuracy_on_the_subset(self):
        acc = 100.0 * float((self.z.argmax(axis=1) == self.labels).mean())
        self.assertGreaterEqual(acc, 98.5)
        layers, params, _ = quantize.load_weights(os.path.join(common.MODELS, 'cnn_mnist.npz'))
        import metrics
        zf = metrics.float_logits(layers, params, self.images)
        agree = 100.0 * float((zf.argmax(axis=1) == self.z.argmax(axis=1)).mean())
        self.assertGreaterEqual(agree, 99.5)

    def test_reference_agrees(self):
        for i in (0, 1):
            z, _ = reference.run(self.Q['layers'], self.Q['tensors'], [int(p) for p in self.images[i].ravel()])
            self.assertEqual(z, self.logits[i].tolist())

    def test_file_is_reproduced_from_weights_and_theta(self):
        with open(RESULTS) as f:
            res = json.load(f)
        layers, params, _ = quantize.load_weights(os.path.join(common.MODELS, 'cnn_mnist.npz'))
        Q = intmodel.build(layers, params, quantize.theta_from_json(res['theta']), 8, res['pure_shift'])
        with open(MODEL, 'rb') as f:
            self.assertEqual(export.p4nnfile.encode(export.model_tensors(Q)), f.read())


if __name__ == '__main__':
    unittest.main()
