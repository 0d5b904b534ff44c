"""The .p4nn writer and its checking reader: round trip, layout, CRC, every kind of
corrupt file rejected with a message naming the fault, and a mutation fuzz."""
import struct
import unittest
import zlib

import numpy as np

import common  # noqa: F401
import p4nnfile


def sample():
    rng = np.random.default_rng(3)
    return [('graph', 'input h=2 w=2 c=1\ndense name=f out=3 logits=1\n'),
            ('f.w', rng.integers(-127, 128, (3, 4)).astype(np.int8)),
            ('f.b', rng.integers(-2**31, 2**31, 3).astype(np.int32)),
            ('f.s_out', np.float32(0.125)),
            ('odd_1', rng.integers(-127, 128, (1, 3, 5, 7)).astype(np.int8))]


def recrc(data):
    data = bytearray(data)
    data[-4:] = struct.pack('<I', zlib.crc32(bytes(data[:-4])) & 0xFFFFFFFF)
    return bytes(data)


class P4nnFile(unittest.TestCase):
    def test_round_trip(self):
        tensors = sample()
        data = p4nnfile.encode(tensors)
        out = p4nnfile.decode(data)
        self.assertEqual(list(out), [n for n, _ in tensors])
        for name, value in tensors:
            if isinstance(value, str):
                self.assertEqual(out[name], value)
            else:
                self.assertEqual(out[name].dtype.kind, np.asarray(value).dtype.kind)
                np.testing.assert_array_equal(out[name], value)

    def test_layout(self):
        data = p4nnfile.encode(sample())
        magic, major, minor, size, count, table, flags = struct.unpack_from('<4sHHIIII', data)
        self.assertEqual((magic, major, minor, size, count, table, flags), (b'P4NN', 1, 0, len(data), 5, 24, 0))
        self.assertEqual(struct.unpack('<I', data[-4:])[0], zlib.crc32(data[:-4]))
        # first entry: "graph", type 'u', one dimension = its byte length, 16-aligned offset
        n = struct.unpack_from('<H', data, 24)[0]
        self.assertEqual(data[26:26 + n], b'graph')
        t, nd, dim, off, length = struct.unpack_from('<BBIII', data, 26 + n)
        self.assertEqual((chr(t), nd, length), ('u', 1, dim))
        self.assertEqual(off % 16, 0)
        self.assertEqual(data[off:off + length].decode(), sample()[0][1])

    def test_weights_are_not_copied(self):
        data = p4nnfile.encode(sample())
        out = p4nnfile.decode(data)
        self.assertFalse(out['f.w'].flags.owndata)
        base = out['f.w']
        while isinstance(base, np.ndarray):
            base = base.base
        self.assertIs(base, data)

    def test_writer_rejects_bad_tensors(self):
        for tensors in ([], [('bad name', np.int8(1))], [('a', np.int8(1)), ('a', np.int8(2))],
                        [('x' * 64, np.int8(1))], [('a', np.zeros(3, np.int64))],
                        [('a', np.zeros((1,) * 5, np.int8))]):
            with self.assertRaises(p4nnfile.P4nnError):
                p4nnfile.encode(tensors)

    def test_corrupt_files_rejected(self):
        good = p4nnfile.encode(sample())
        name_len = struct.unpack_from('<H', good, 24)[0]
        entry = 26 + name_len          # type byte of the first entry
        def patch(offset, fmt, value, fix_crc=True):
            d = bytearray(good)
            struct.pack_into(fmt, d, offset, value)
            return recrc(d) if fix_crc else bytes(d)
        cases = {
            'too short': good[:20],
            'bad magic': patch(0, '<4s', b'P4NX'),
            'major version': patch(4, '<H', 2),
            'newer than this reader': patch(6, '<H', 1),
            'header says': good + b'\0',
            'CRC-32 mismatch': patch(40, '<B', good[40] ^ 1, fix_crc=False),
            'tensor count 0': patch(12, '<I', 0),
            'tensor count 2000': patch(12, '<I', 2000),
            'tensor table at': patch(16, '<I', 32),
            'flags': patch(20, '<I', 1),
            'name length': patch(24, '<H', 0),
            'characters outside': patch(26, '<B', ord('-')),
            'unknown type': patch(entry, '<B', ord('q')),
            'dimensions, at most 4': patch(entry + 1, '<B', 5),
            'does not match dimensions': patch(entry + 2, '<I', 1),
            'not a multiple of 16': patch(entry + 6, '<I', struct.unpack_from('<I', good, entry + 6)[0] + 1),
            'outside the file': patch(entry + 6, '<I', len(good) // 16 * 16),
            'overlaps the tensor table': patch(entry + 6, '<I', 16),
        }
        for what, data in cases.items():
            with self.assertRaises(p4nnfile.P4nnError, msg=what) as e:
                p4nnfile.decode(data)
            self.assertIn(what, str(e.exception))
        # two blocks at the same place
        out = p4nnfile.decode(good)
        d = bytearray(good)
        pos = 24
        offsets = []
        for name in out:
            n = struct.unpack_from('<H', d, pos)[0]
            nd = d[pos + 2 + n + 1]
            offsets.append(pos + 2 + n + 2 + 4 * nd)
            pos = offsets[-1] + 8
        struct.pack_into('<I', d, offsets[2], struct.unpack_from('<I', d, offsets[1])[0])
        with self.assertRaises(p4nnfile.P4nnError) as e:
            p4nnfile.decode(recrc(d))
        self.assertIn('overlap', str(e.exception))
        # a repeated name
        d = bytearray(good)
        at = good.index(b'\x03\x00f.w')
        d[at + 2:at + 5] = b'f.b'                       # two tensors named f.b
        with self.assertRaises(p4nnfile.P4nnError) as e:
            p4nnfile.decode(recrc(d))
        self.assertIn('repeated', str(e.exception))

    def test_mutation_fuzz(self):
        """Random byte changes with the CRC fixed up, so the field checks are reached: the
        reader either accepts (a change inside data) or raises P4nnError, nothing else."""
        good = p4nnfile.encode(sample())
        rng = np.random.default_rng(11)
        accepted = rejected = 0
        for _ in range(3000):
            d = bytearray(good)
            for _ in range(int(rng.integers(1, 4))):
                d[int(rng.integers(0, len(d) - 4))] = int(rng.integers(0, 256))
            if rng.integers(0, 8) == 0:
                d = d[:int(rng.integers(0, len(d)))] + d[-4:]
            try:
                p4nnfile.decode(recrc(bytes(d)))
                accepted += 1
            except p4nnfile.P4nnError:
                rejected += 1
        self.assertGreater(accepted, 100)
        self.assertGreater(rejected, 100)


if __name__ == '__main__':
    unittest.main()
