#!/usr/bin/env python3
"""make_idx_fixture.py DIR TRAIN_COUNT TEST_COUNT [--leave-out NAME] [--fifo NAME]

Writes a small Fashion-MNIST look-alike into DIR for the CLI's tests: the four IDX files under
their standard names, gzip-compressed, 28x28 items of a fixed pattern, labels cycling 0..9.
--leave-out NAME skips one file (to test the message naming it); --fifo NAME makes that file a
named pipe instead (to test that it is refused rather than waited on).
"""

import argparse
import gzip
import os
import struct


def images(count):
    pixels = bytes((i * 37 + i // 7) % 256 for i in range(count * 28 * 28))
    return struct.pack(">IIII", 0x803, count, 28, 28) + pixels


def labels(count):
    return struct.pack(">II", 0x801, count) + bytes(i % 10 for i in range(count))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("train", type=int)
    parser.add_argument("test", type=int)
    parser.add_argument("--leave-out", default=None)
    parser.add_argument("--fifo", default=None)
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)
    files = {
        "train-images-idx3-ubyte.gz": images(args.train),
        "train-labels-idx1-ubyte.gz": labels(args.train),
        "t10k-images-idx3-ubyte.gz": images(args.test),
        "t10k-labels-idx1-ubyte.gz": labels(args.test),
    }
    for name, data in files.items():
        path = os.path.join(args.directory, name)
        if os.path.lexists(path):
            os.remove(path)
        if name == args.leave_out:
            continue
        if name == args.fifo:
            os.mkfifo(path)
            continue
        with gzip.open(path, "wb") as out:
            out.write(data)


if __name__ == "__main__":
    main()
