#!/usr/bin/env python3
"""check_file_messages.py CLI WORKDIR SAMPLE_IMAGE TRAINING_CHECKPOINT DATA_DIR

Messages about files, through the real command line:
  - a path with a newline and a terminal escape is shown escaped (\\n, \\x1b), on one line;
  - --json output prints for an input path that is not UTF-8 (nlohmann::json threw on it, an
    "internal error"), with U+FFFD for the bad byte;
  - export of a training checkpoint whose stored recipe is out of range names the file.
Exits 1 with what went wrong.
"""

import json
import os
import shutil
import struct
import subprocess
import sys

cli, work, sample, checkpoint, data = sys.argv[1:6]
work = os.fsencode(work)
failures = []


def run(*args):
    result = subprocess.run([cli, *args], capture_output=True)
    return result.returncode, result.stdout, result.stderr


def check(condition, what, result=None):
    if not condition:
        failures.append(what + ("" if result is None else f": {result!r}"))


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)

# A name that would break the message's line and recolour the terminal.
evil = os.path.join(work, b"missing\n\x1b[31mred.npy")
status, out, err = run("run", "--preset", "fashion", "--input", evil)
check(status == 1, "run --input EVIL exits 1", (status, err))
check(b"missing\\n\\x1b[31mred.npy: file does not exist" in err, "the path is shown escaped", err)
check(err.count(b"\n") == 1 and b"\x1b" not in err, "the message is one line, no ESC", err)
status, out, err = run("eval", "--weights", evil, "--data", data)
check(status == 1 and b"missing\\n\\x1b[31mred.npy: file does not exist" in err,
      "eval --weights EVIL is named escaped", (status, err))

# Not UTF-8: the JSON still prints, the bad byte replaced.
latin1 = os.path.join(work, b"bag\xff.png")
shutil.copyfile(sample, latin1)
status, out, err = run("run", "--preset", "fashion", "--input", latin1, "--json")
check(status == 0, "run --json with a non-UTF-8 input path exits 0", (status, err))
if status == 0:
    check(json.loads(out)["input"].endswith("bag\ufffd.png"), "input shows U+FFFD", out[-200:])

# A training checkpoint whose recipe has a learning rate of 100 (each field in its own range, the
# recipe out of range): the message names the file.
with open(checkpoint, "rb") as f:
    raw = f.read()
length = struct.unpack("<Q", raw[:8])[0]
header = json.loads(raw[8:8 + length])
training = json.loads(header["__metadata__"]["training"])
training["recipe"]["learning_rate"] = 100
header["__metadata__"]["training"] = json.dumps(training)
text = json.dumps(header).encode()
text += b" " * ((8 - len(text) % 8) % 8)
edited = os.path.join(work, b"lr100.safetensors")
with open(edited, "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + raw[8 + length:])
status, out, err = run("export", "--weights", edited, "--out", os.path.join(work, b"x.safetensors"),
                       "--data", data)
check(status == 1 and b"lr100.safetensors: the training recipe in the metadata: learning rate"
      in err, "export names the checkpoint with the bad learning rate", (status, err))

for failure in failures:
    print("FAILED:", failure, file=sys.stderr)
sys.exit(1 if failures else 0)
