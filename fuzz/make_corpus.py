#!/usr/bin/python3
"""Writes the fuzz targets' seed corpora: valid files and near-misses, small so each runs fast.

    fuzz/make_corpus.py --cli build/app/shufflescope-cli

Files it writes are named seed-*. Others are kept: regression-* (inputs that found a bug, fixed
since) and made-* (files other tools made: the JPEGs, written once with ImageMagick's convert from a
16x12 gradient — baseline, progressive, 4:2:0, gray and CMYK — since there is no JPEG encoder here). Deterministic: the same script writes the same bytes. Needs numpy
(Debian's python3-numpy) and the CLI (for a valid checkpoint of a small configuration)."""

import argparse
import gzip
import json
import pathlib
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"seed-{name}").write_bytes(data)


# [SECTION] safetensors and checkpoints

def safetensors(tensors, metadata=None, header_override=None):
    header, blobs, offset = {}, [], 0
    for name, array in tensors.items():
        raw = array.tobytes()
        dtype = {np.float32: "F32", np.float16: "F16", np.int64: "I64"}[array.dtype.type]
        header[name] = {"dtype": dtype, "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata is not None:
        header["__metadata__"] = metadata
    text = header_override if header_override is not None else json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def container_seeds(target):
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    write(target, "two-tensors", safetensors(
        {"a": x, "b": np.ones(4, np.float16)}, {"note": "seed"}))
    write(target, "empty-header", safetensors({}, header_override=b"{}"))
    write(target, "zero-size", safetensors({"z": np.zeros((0, 3), np.float32)}))
    write(target, "int64-counter", safetensors({"n": np.array([7], np.int64)}))
    write(target, "lying-offsets", safetensors({}, header_override=json.dumps(
        {"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 4096]}}).encode()))
    write(target, "lying-length", struct.pack("<Q", 1 << 40) + b"{}")
    write(target, "nested", safetensors({}, header_override=b"[" * 64 + b"]" * 64))
    write(target, "nan", safetensors({"a": np.array([np.nan, np.inf], np.float32)}))


def checkpoint_seeds(cli):
    with tempfile.TemporaryDirectory() as scratch:
        path = pathlib.Path(scratch) / "small.safetensors"
        subprocess.run([cli, "init", "--preset", "fashion", "--groups", "2", "--scale", "0.25",
                        "-o", str(path)], check=True, stdout=subprocess.DEVNULL)
        valid = path.read_bytes()
        # A training checkpoint (recipe, history, momentum): one short epoch on 64 images.
        run = pathlib.Path(scratch) / "run.safetensors"
        subprocess.run([cli, "train", "--preset", "fashion", "--groups", "2", "--scale", "0.25", "--epochs", "1",
                        "--limit", "64", "--test-limit", "64", "--out", str(run)],
                       check=True, stdout=subprocess.DEVNULL)
        write("checkpoint", "training-run", run.read_bytes())
    write("checkpoint", "fashion-g2-quarter", valid)
    write("safetensors", "fashion-g2-quarter", valid)
    length = struct.unpack("<Q", valid[:8])[0]
    header = json.loads(valid[8:8 + length])
    body = valid[8 + length:]

    def rewritten(edit):
        changed = json.loads(json.dumps(header))
        edit(changed)
        text = json.dumps(changed).encode()
        text += b" " * (-len(text) % 8)
        return struct.pack("<Q", len(text)) + text + body

    first = sorted(k for k in header if k != "__metadata__")[0]
    write("checkpoint", "no-metadata", rewritten(lambda h: h.pop("__metadata__")))
    write("checkpoint", "wrong-shape", rewritten(
        lambda h: h[first].__setitem__("shape", [1] + h[first]["shape"][1:])))
    write("checkpoint", "missing-tensor", rewritten(lambda h: h.pop(first)))
    config = header["__metadata__"]["shufflescope.config"]
    write("checkpoint", "config-g9", rewritten(lambda h: h["__metadata__"].__setitem__(
        "shufflescope.config", config.replace('"groups":2', '"groups":9'))))
    write("checkpoint", "config-not-json", rewritten(lambda h: h["__metadata__"].__setitem__(
        "shufflescope.config", "{")))
    write("checkpoint", "truncated", valid[:len(valid) // 2])


# [SECTION] .npy

def npy_seeds():
    def saved(array, **kwargs):
        import io
        buffer = io.BytesIO()
        np.save(buffer, array, **kwargs)
        return buffer.getvalue()

    rng = np.random.default_rng(7)
    image = rng.standard_normal((1, 32, 32)).astype(np.float32)
    write("npy", "chw", saved(image))
    write("npy", "nchw", saved(image[None]))
    write("npy", "float64", saved(image.astype(np.float64)))
    write("npy", "big-endian", saved(image.astype(">f4")))
    write("npy", "fortran", saved(np.asfortranarray(image[0])))
    header = b"{'descr': '<f4', 'fortran_order': False, 'shape': (2147483647,), }"
    header += b" " * (-(10 + len(header) + 1) % 64) + b"\n"
    write("npy", "lying-shape", b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header)
    write("npy", "truncated", saved(image)[:200])


# [SECTION] Images

def png(width, height, color_type, bit_depth, rows, extra_chunks=(), split_idat=False):
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)
    compressed = zlib.compress(raw, 9)
    idat = [chunk(b"IDAT", b""), chunk(b"IDAT", compressed)] if split_idat \
        else [chunk(b"IDAT", compressed)]
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
            b"".join(chunk(k, d) for k, d in extra_chunks) + b"".join(idat) + chunk(b"IEND", b""))


def bmp(width, height, bits, pixel_rows, palette=b"", compression=0, masks=b""):
    row_bytes = (width * bits + 31) // 32 * 4
    data = b"".join(row.ljust(row_bytes, b"\x00") for row in pixel_rows)
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, bits, compression, len(data), 2835,
                       2835, len(palette) // 4, 0)
    offset = 14 + len(info) + len(masks) + len(palette)
    return (b"BM" + struct.pack("<IHHI", offset + len(data), 0, 0, offset) + info + masks +
            palette + data)


def gif(width, height, pixels, palette_bits=2):
    # LZW with a clear code before every 254 literals keeps every code 9 bits wide: a valid
    # stream any decoder reads, built without an encoder.
    minimum = 8
    clear, end = 1 << minimum, (1 << minimum) + 1
    codes = []
    for i, value in enumerate(pixels):
        if i % 254 == 0:
            codes.append(clear)
        codes.append(value)
    codes.append(end)
    bits, count, stream = 0, 0, bytearray()
    for code in codes:
        bits |= code << count
        count += 9
        while count >= 8:
            stream.append(bits & 0xFF)
            bits >>= 8
            count -= 8
    if count:
        stream.append(bits & 0xFF)
    blocks = b"".join(bytes([len(stream[i:i + 255])]) + bytes(stream[i:i + 255])
                      for i in range(0, len(stream), 255)) + b"\x00"
    colours = 1 << palette_bits
    table = bytes(v for i in range(colours) for v in (i * 80 % 256, i * 40 % 256, 255 - i * 60 % 256))
    screen = struct.pack("<HHBBB", width, height, 0x80 | (palette_bits - 1), 0, 0)
    image = b"," + struct.pack("<HHHHB", 0, 0, width, height, 0) + bytes([minimum]) + blocks
    return b"GIF89a" + screen + table + image + b";"


def image_seeds():
    w, h = 6, 4
    rgb_rows = [b"".join(bytes((x * 40, y * 60, 128)) for x in range(w)) for y in range(h)]
    write("image", "png-rgb", png(w, h, 2, 8, rgb_rows))
    write("image", "png-gray", png(w, h, 0, 8, [bytes(range(y, y + w)) for y in range(h)]))
    write("image", "png-rgba16", png(w, h, 6, 16, [bytes(8 * w) for _ in range(h)]))
    write("image", "png-palette", png(w, h, 3, 8, [bytes((x + y) % 2 for x in range(w))
                                                   for y in range(h)],
                                      extra_chunks=[(b"PLTE", b"\x00\x00\x00\xff\xff\xff"),
                                                    (b"tRNS", b"\x00")]))
    write("image", "png-empty-first-idat", png(w, h, 2, 8, rgb_rows, split_idat=True))
    write("image", "png-truncated", png(w, h, 2, 8, rgb_rows)[:60])
    bgr_rows = [b"".join(bytes((128, y * 60, x * 40)) for x in range(w)) for y in range(h)]
    write("image", "bmp-24", bmp(w, h, 24, bgr_rows))
    write("image", "bmp-24-top-down", bmp(w, -h, 24, bgr_rows))
    palette = b"".join(bytes((i, i, i, 0)) for i in range(0, 256, 64))
    write("image", "bmp-8-palette", bmp(w, h, 8, [bytes(x % 4 for x in range(w))] * h, palette))
    masks = struct.pack("<III", 0x00FF0000, 0x0000FF00, 0x000000FF)
    write("image", "bmp-32-bitfields", bmp(w, h, 32, [bytes(4 * w)] * h, compression=3,
                                            masks=masks))
    write("image", "bmp-zero-width-int-min", bmp(0, -2**31, 24, []))
    write("image", "gif", gif(w, h, [(x + y) % 4 for y in range(h) for x in range(w)]))
    write("image", "gif-huge-screen", gif(65535, 65535, [0, 1, 2, 3])[:35])
    write("image", "gif-no-frame", gif(w, h, [])[:13 + 12] + b";")
    for sample in ["fashion-sneaker.png", "fashion-bag.png"]:
        write("image", sample.replace(".png", ""), (ROOT / "assets" / "samples" / sample).read_bytes())


# [SECTION] Fashion-MNIST IDX

def idx_seeds():
    def images(count, rows=28, cols=28, magic=0x803):
        return struct.pack(">IIII", magic, count, rows, cols) + bytes(
            (i * 7) % 256 for i in range(count * rows * cols))

    def labels(count, magic=0x801):
        return struct.pack(">II", magic, count) + bytes(i % 10 for i in range(count))

    def pair(image_bytes, label_bytes):
        # The fuzzer splits its input at the fraction the first byte gives (see idx_fuzzer.cpp).
        total = len(image_bytes) + len(label_bytes)
        split = max(0, min(255, round(len(image_bytes) * 255 / max(total, 1))))
        while total * split // 255 < len(image_bytes):
            split += 1
        while split and total * split // 255 > len(image_bytes):
            split -= 1
        return bytes([split]) + image_bytes + label_bytes

    def gz(data):
        return gzip.compress(data, mtime=0)

    write("idx", "plain", pair(images(2), labels(2)))
    write("idx", "gzip", pair(gz(images(3)), gz(labels(3))))
    write("idx", "count-mismatch", pair(images(2), labels(3)))
    write("idx", "swapped", pair(labels(2), images(2)))
    write("idx", "huge-count", pair(struct.pack(">IIII", 0x803, 10**9, 28, 28), labels(1)))
    write("idx", "gzip-trailing", pair(gz(images(1)) + b"junk", gz(labels(1))))
    write("idx", "label-11", pair(images(1), struct.pack(">II", 0x801, 1) + b"\x0b"))


# [SECTION] Lessons, scenes, demos

def lesson_seeds():
    for lesson in sorted((ROOT / "assets" / "lessons").glob("*.lesson")):
        write("lesson", lesson.stem, lesson.read_bytes())
    text = (ROOT / "assets" / "lessons" / "04-channel-shuffle.lesson").read_bytes()
    write("lesson", "truncated", text[: len(text) // 3])
    write("lesson", "no-version", text.replace(b"shufflescope-lesson 1", b""))
    write("lesson", "bad-utf8", text.replace(b"\xe9\x80\x9a", b"\xe9\x80"))


def scene_seeds():
    for i, scene in enumerate([
            "preset=imagenet groups=3 shuffle=on scale=1 step=stages.0.1.shuffle view=operation",
            "groups=8 shuffle=off step=stem.conv channel=7",
            "preset=fashion scale=0.5 compare=shuffle",
            "compare=8 view=flow channel=none",
            "groups=9 step=nowhere",
            "scale=1.5 channel=-1"]):
        write("scene", f"{i}", scene.encode())


def demo_seeds():
    base = {"format": "shufflescope-demo", "version": 2, "sample": "fashion-sneaker.png",
            "preset": "fashion", "g": 8, "shuffle": True, "width": 0.5,
            "step": "stages.1.3.shuffle", "channel": 7, "view": "operation", "compare": "off",
            "theme": "dark", "textSize": 1.8, "presenter": True}
    write("demo", "full", json.dumps(base, indent=2).encode())
    write("demo", "lesson", json.dumps({"format": "shufflescope-demo", "version": 2,
                                         "lesson": "channel-shuffle", "lessonStep": 3}).encode())
    write("demo", "minimal", b'{"format": "shufflescope-demo", "version": 1}')
    write("demo", "wrong-types", json.dumps(dict(base, g="eight", shuffle=1)).encode())
    write("demo", "newer", json.dumps(dict(base, version=99)).encode())
    write("demo", "image-path", json.dumps({"format": "shufflescope-demo", "version": 2,
                                             "image": "../photos/cat.jpg"}).encode())
    write("demo", "syntax", b'{"format": "shufflescope-demo",\n "version": 2,\n "g": }')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="shufflescope-cli, for a valid checkpoint")
    args = parser.parse_args()
    for folder in CORPUS.glob("*"):
        for seed in folder.glob("seed-*"):
            seed.unlink()
    container_seeds("safetensors")
    checkpoint_seeds(args.cli)
    npy_seeds()
    image_seeds()
    idx_seeds()
    lesson_seeds()
    scene_seeds()
    demo_seeds()
    for folder in sorted(CORPUS.iterdir()):
        files = list(folder.iterdir())
        print(f"{folder.name}: {len(files)} files, {sum(f.stat().st_size for f in files):,} bytes")


if __name__ == "__main__":
    sys.exit(main())
