#!/usr/bin/python3
"""Minimal reader and writer of the safetensors format (no dependency beyond numpy).

Layout: an 8-byte little-endian header length N, N bytes of JSON
    {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
     "__metadata__": {"key": "string value", ...}}
then the tensor bytes; offsets are relative to the end of the header.

Writing (F32, F16, BF16, I64) follows the reference implementation: header keys sorted, header padded with spaces to a
multiple of 8 bytes, tensor data packed without gaps. Data is laid out by element size (largest
first) and then by name, as the reference implementation does, so every tensor starts at an offset
aligned to its element size even when F32 and F16 tensors are mixed (the engine checks alignment).

Reading validates the header (offsets inside the file, sizes equal to shape x element size, no
overlaps, no unaccounted bytes) and returns F32, F16 and BF16 tensors as float32 numpy arrays
(I64 as int64, which is what PyTorch's num_batches_tracked buffers are).
"""

import json
import os
import struct
import tempfile

import numpy as np

# dtype name -> (numpy little-endian storage type, element size in bytes)
_STORAGE = {
    "F32": (np.dtype("<f4"), 4),
    "F16": (np.dtype("<f2"), 2),
    "BF16": (np.dtype("<u2"), 2),
    "I64": (np.dtype("<i8"), 8),
}
_WRITABLE = ("F32", "F16", "BF16", "I64")


class SafetensorsError(ValueError):
    pass


def _bf16_to_float32(bits):
    return (bits.astype(np.uint32) << 16).view(np.float32)


def _float32_to_bf16(values):
    """Round to nearest even (finite values; the only kind checkpoints hold)."""
    bits = np.ascontiguousarray(values, dtype=np.float32).view(np.uint32).astype(np.uint64)
    return ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype("<u2")


def serialize(tensors, metadata=None, dtype_for=lambda name: "F32"):
    """Returns the file's bytes. `dtype_for(name)` picks the stored type: 'F32', 'F16', 'BF16' or
    'I64' (floating values are rounded to nearest even when narrowed)."""
    entries = []
    for name, value in tensors.items():
        if not isinstance(name, str) or name == "__metadata__":
            raise SafetensorsError(f"invalid tensor name {name!r}")
        dtype = dtype_for(name)
        if dtype not in _WRITABLE:
            raise SafetensorsError(f"{name}: cannot write dtype {dtype!r} (supported: {_WRITABLE})")
        storage, size = _STORAGE[dtype]
        array = np.asarray(value)
        if dtype == "I64" and not np.issubdtype(array.dtype, np.integer):
            raise SafetensorsError(f"{name}: I64 requested for a {array.dtype} array")
        if dtype != "I64" and not np.issubdtype(array.dtype, np.floating):
            raise SafetensorsError(f"{name}: {dtype} requested for a {array.dtype} array")
        if dtype == "BF16":
            data = _float32_to_bf16(array).tobytes()
        else:
            data = np.ascontiguousarray(array.astype(storage)).tobytes()
        entries.append((name, dtype, list(array.shape), size, data))

    # Largest element size first, then by name: keeps every tensor aligned without padding.
    entries.sort(key=lambda e: (-e[3], e[0]))
    header = {}
    offset = 0
    for name, dtype, shape, _, data in entries:
        header[name] = {"dtype": dtype, "shape": shape,
                        "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    if metadata:
        for key, value in metadata.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise SafetensorsError(f"metadata must map str to str; got {key!r}: {value!r}")
        header["__metadata__"] = dict(metadata)

    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    header_bytes += b" " * (-len(header_bytes) % 8)
    parts = [struct.pack("<Q", len(header_bytes)), header_bytes]
    parts.extend(e[4] for e in entries)
    return b"".join(parts)


def save_file(tensors, path, metadata=None, dtype_for=lambda name: "F32"):
    """Writes `tensors` (name -> numpy array) to `path`, atomically (temporary file + rename)."""
    blob = serialize(tensors, metadata, dtype_for)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".safetensors")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def deserialize(blob, context="<bytes>"):
    """Parses file bytes; returns (tensors, metadata). Errors name `context` and the key."""
    if len(blob) < 8:
        raise SafetensorsError(f"{context}: file too short for the 8-byte header length")
    (header_len,) = struct.unpack("<Q", blob[:8])
    if header_len > len(blob) - 8:
        raise SafetensorsError(f"{context}: header length {header_len} exceeds file size {len(blob)}")
    try:
        header = json.loads(blob[8:8 + header_len].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SafetensorsError(f"{context}: header is not valid JSON: {e}") from None
    if not isinstance(header, dict):
        raise SafetensorsError(f"{context}: header is not a JSON object")

    metadata = header.pop("__metadata__", None) or {}
    if not isinstance(metadata, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in metadata.items()):
        raise SafetensorsError(f"{context}: __metadata__ must map strings to strings")

    data = memoryview(blob)[8 + header_len:]
    tensors = {}
    spans = []
    for name, entry in header.items():
        where = f"{context}: tensor {name!r}"
        if not isinstance(entry, dict) or set(entry) != {"dtype", "shape", "data_offsets"}:
            raise SafetensorsError(f"{where}: expected keys dtype, shape, data_offsets")
        dtype = entry["dtype"]
        if dtype not in _STORAGE:
            raise SafetensorsError(f"{where}: unsupported dtype {dtype!r} (known: {list(_STORAGE)})")
        shape = entry["shape"]
        if not isinstance(shape, list) or not all(isinstance(d, int) and d >= 0 for d in shape):
            raise SafetensorsError(f"{where}: shape must be a list of non-negative ints, got {shape!r}")
        begin, end = entry["data_offsets"]
        storage, size = _STORAGE[dtype]
        count = int(np.prod(shape, dtype=np.int64))
        if not (0 <= begin <= end <= len(data)):
            raise SafetensorsError(f"{where}: data_offsets {begin},{end} outside data of {len(data)} bytes")
        if end - begin != count * size:
            raise SafetensorsError(f"{where}: {end - begin} bytes for shape {shape} x {dtype} "
                                   f"(expected {count * size})")
        raw = np.frombuffer(data[begin:end], dtype=storage).reshape(shape)
        if dtype == "F32":
            value = raw.astype(np.float32)
        elif dtype == "F16":
            value = raw.astype(np.float32)
        elif dtype == "BF16":
            value = _bf16_to_float32(raw)
        else:
            value = raw.astype(np.int64)
        tensors[name] = value
        spans.append((begin, end, name))

    spans.sort()
    position = 0
    for begin, end, name in spans:
        if begin < position:
            raise SafetensorsError(f"{context}: tensor {name!r} overlaps the previous tensor")
        if begin > position:
            raise SafetensorsError(f"{context}: {begin - position} unaccounted bytes before {name!r}")
        position = end
    if position != len(data):
        raise SafetensorsError(f"{context}: {len(data) - position} unaccounted bytes at the end")
    return tensors, metadata


def load_file(path):
    """Returns (tensors: dict[str, np.ndarray], metadata: dict[str, str])."""
    with open(path, "rb") as f:
        return deserialize(f.read(), context=path)


def header_of(path):
    """The raw JSON header (with dtypes), for tests that check how a file was stored."""
    with open(path, "rb") as f:
        (header_len,) = struct.unpack("<Q", f.read(8))
        return json.loads(f.read(header_len).decode("utf-8"))


if __name__ == "__main__":
    # Round-trip self-test: mixed dtypes, odd sizes (alignment), scalars, metadata.
    import sys

    rng = np.random.default_rng(0)
    tensors = {
        "b.half": rng.standard_normal((3, 1, 3)).astype(np.float32),  # 9 halves: odd byte count
        "a.float": rng.standard_normal((5,)).astype(np.float32),
        "c.count": np.array(7, dtype=np.int64),
        "d.empty": np.zeros((0, 4), dtype=np.float32),
    }
    dtypes = {"b.half": "F16", "c.count": "I64"}
    blob = serialize(tensors, {"k": "v"}, lambda n: dtypes.get(n, "F32"))
    assert (struct.unpack("<Q", blob[:8])[0]) % 8 == 0
    back, meta = deserialize(blob)
    assert meta == {"k": "v"}, meta
    assert set(back) == set(tensors)
    header = json.loads(blob[8:8 + struct.unpack("<Q", blob[:8])[0]])
    for name, entry in header.items():
        if name != "__metadata__":
            assert entry["data_offsets"][0] % _STORAGE[entry["dtype"]][1] == 0, (name, entry)
    np.testing.assert_array_equal(back["a.float"], tensors["a.float"])
    np.testing.assert_array_equal(back["b.half"], tensors["b.half"].astype(np.float16).astype(np.float32))
    assert back["c.count"] == 7 and back["c.count"].dtype == np.int64
    assert back["d.empty"].shape == (0, 4)
    # BF16 decoding: 1.0 is 0x3F80, -2.0 is 0xC000.
    bf = struct.pack("<HH", 0x3F80, 0xC000)
    hdr = json.dumps({"x": {"dtype": "BF16", "shape": [2], "data_offsets": [0, 4]}}).encode()
    hdr += b" " * (-len(hdr) % 8)
    back, _ = deserialize(struct.pack("<Q", len(hdr)) + hdr + bf)
    np.testing.assert_array_equal(back["x"], np.array([1.0, -2.0], dtype=np.float32))
    values = np.array([1.0, -2.0, 1.00390625, 1.01171875, 3.14159], dtype=np.float32)
    back, _ = deserialize(serialize({"y": values}, None, lambda n: "BF16"))
    # 1 + 2^-8 is a tie -> even (1.0); 1 + 3*2^-8 is a tie -> even (1 + 2^-6).
    np.testing.assert_array_equal(back["y"], np.array([1.0, -2.0, 1.0, 1.015625, 3.140625],
                                                      dtype=np.float32))
    print("safetensors_io: round trip OK")
    sys.exit(0)
