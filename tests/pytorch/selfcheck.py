#!/usr/bin/python3
"""Checks the PyTorch reference against the spec's published numbers, without the engine.

  /usr/bin/python3 tests/pytorch/selfcheck.py

  * backbone MACs, MACs with the FC, parameters of the 1x paper models, g = 1, 2, 3, 4, 8, counted
    two ways (formula, and hooks on a real 224x224 forward pass) against the spec's exact figures;
  * the official-code width lists (g = 3, 8 at 0.5x / 1.5x / 2x) against the spec's totals;
  * the shuffle permutation (C = 6, g = 3 -> [0, 2, 4, 1, 3, 5]) and its inverse relation;
  * state_dict keys, forward_capture names/shapes, forward == forward_capture, TorchScript.
Exits non-zero on the first failed group of checks and prints "N passed, M failed".
"""

import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402
from shufflenet_v1 import (PAPER_STAGE_CHANNELS, ShuffleNetV1, channel_shuffle,  # noqa: E402
                           channel_shuffle_permutation, complexity, count_by_hooks,
                           randomize_bn_statistics)

GROUPS = [1, 2, 3, 4, 8]
SPEC_BACKBONE = [142_502_976, 140_036_512, 136_500_672, 133_251_776, 136_829_952]
SPEC_WITH_FC = [143_078_976, 140_836_512, 137_460_672, 134_339_776, 138_365_952]
SPEC_PARAMS = [1_531_936, 1_733_848, 1_865_728, 1_968_344, 2_434_768]

# (g, scale): (stem, stages, MACs with 1000-way FC, params)
SPEC_OFFICIAL = {
    (3, 0.5): (12, [120, 240, 480], 37_589_856, 718_324),
    (3, 1.5): (24, [360, 720, 1440], 292_443_552, 3_442_168),
    (3, 2.0): (48, [480, 960, 1920], 524_045_184, 5_450_776),
    (8, 0.5): (16, [192, 384, 768], 40_469_760, 1_011_448),
    (8, 1.5): (24, [576, 1152, 2304], 290_188_800, 4_269_952),
    (8, 2.0): (48, [768, 1536, 3072], 521_942_016, 6_522_232),
}

passed = 0
failed = 0


def check(ok, message):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {message}")


def main():
    torch.manual_seed(0)

    # --- Table 1 geometry, counted by formula and by hooks -----------------------------------
    print(f"{'g':>2} {'backbone MACs':>14} {'spec':>14} {'+FC MACs':>14} {'spec':>14} "
          f"{'params':>10} {'spec':>10}  dw MACs")
    for g, backbone, with_fc, params in zip(GROUPS, SPEC_BACKBONE, SPEC_WITH_FC, SPEC_PARAMS):
        stages = PAPER_STAGE_CHANNELS[g]
        formula = complexity(3, 224, 224, 1000, g, 24, stages)
        model = ShuffleNetV1(3, 1000, g, 24, stages, shuffle=True, stem="paper")
        hooks = count_by_hooks(model, (1, 3, 224, 224))
        print(f"{g:>2} {formula['backbone_macs']:>14,} {backbone:>14,} {formula['macs']:>14,} "
              f"{with_fc:>14,} {formula['params']:>10,} {params:>10,}  {formula['depthwise_macs']:,}")
        for key in ("backbone_macs", "macs", "params"):
            check(formula[key] == hooks[key],
                  f"g={g} {key}: formula {formula[key]:,} != hooks {hooks[key]:,}")
        check(formula["backbone_macs"] == backbone,
              f"g={g} backbone MACs {formula['backbone_macs']:,} != spec {backbone:,}")
        check(formula["macs"] == with_fc, f"g={g} MACs+FC {formula['macs']:,} != spec {with_fc:,}")
        check(formula["params"] == params, f"g={g} params {formula['params']:,} != spec {params:,}")

    # --- Official-code widths --------------------------------------------------------------------
    for (g, scale), (stem, stages, macs, params) in SPEC_OFFICIAL.items():
        formula = complexity(3, 224, 224, 1000, g, stem, stages)
        print(f"g={g} {scale}x {stem} {stages}: MACs {formula['macs']:,} (spec {macs:,}), "
              f"params {formula['params']:,} (spec {params:,})")
        check(formula["macs"] == macs, f"g={g} {scale}x MACs {formula['macs']:,} != spec {macs:,}")
        check(formula["params"] == params,
              f"g={g} {scale}x params {formula['params']:,} != spec {params:,}")

    # --- Channel shuffle ---------------------------------------------------------------------------
    x = torch.arange(6, dtype=torch.float32).reshape(1, 6, 1, 1)
    order = channel_shuffle(x, 3).flatten().long().tolist()
    print(f"shuffle C=6 g=3 -> {order}")
    check(order == [0, 2, 4, 1, 3, 5], f"shuffle C=6 g=3 gave {order}")
    check(channel_shuffle_permutation(6, 3) == [0, 2, 4, 1, 3, 5], "permutation helper")
    for c, g in [(12, 3), (24, 8), (8, 2), (30, 3), (5, 1)]:
        x = torch.arange(c, dtype=torch.float32).reshape(1, c, 1, 1)
        got = channel_shuffle(x, g).flatten().long().tolist()
        check(got == channel_shuffle_permutation(c, g), f"shuffle C={c} g={g}")
        n = c // g
        check(all(got[j * g + i] == i * n + j for i in range(g) for j in range(n)),
              f"out[j*g+i] == in[i*n+j] for C={c} g={g}")
        # Shuffling with g, then with n, restores the order (the two conventions are inverses).
        back = channel_shuffle(channel_shuffle(x, g), n).flatten().long().tolist()
        check(back == list(range(c)), f"shuffle(g) then shuffle(n) is the identity, C={c} g={g}")

    # --- state_dict keys, capture ------------------------------------------------------------------
    for stem, size, g in [("paper", 64, 3), ("small-input", 32, 8), ("paper", 64, 1)]:
        base = g * 16 if g > 1 else 48
        model = ShuffleNetV1(3 if stem == "paper" else 1, 10, g, 24, [base, 2 * base, 4 * base],
                             shuffle=True, stem=stem)
        randomize_bn_statistics(model, torch.Generator().manual_seed(1))
        model.eval()
        keys = list(model.state_dict())
        expected = ["stem.conv.weight"] + [f"stem.bn.{k}" for k in
                                            ("weight", "bias", "running_mean", "running_var",
                                             "num_batches_tracked")]
        for i, units in enumerate((4, 8, 4)):
            for j in range(units):
                for layer in ("pw1", "bn1", "dw", "bn2", "pw2", "bn3"):
                    if layer.startswith("bn"):
                        expected += [f"stages.{i}.{j}.{layer}.{k}" for k in
                                     ("weight", "bias", "running_mean", "running_var",
                                      "num_batches_tracked")]
                    else:
                        expected.append(f"stages.{i}.{j}.{layer}.weight")
        expected += ["fc.weight", "fc.bias"]
        check(keys == expected, f"state_dict keys differ: {set(keys) ^ set(expected)}")
        check(tuple(model.state_dict()["stages.0.0.pw1.weight"].shape) == (base // 4, 24, 1, 1),
              "stages.0.0.pw1 is dense")
        check(tuple(model.state_dict()["stages.0.1.pw1.weight"].shape) == (base // 4, base // g, 1, 1),
              "stages.0.1.pw1 is grouped")

        x = torch.randn(1, 3 if stem == "paper" else 1, size, size)
        with torch.inference_mode():
            logits, captured = model.forward_capture(x)
            lean = model(x)
            scripted = torch.jit.script(model)(x)
        check(torch.allclose(lean, logits, atol=1e-5), "forward == forward_capture logits")
        check(torch.allclose(lean, scripted, atol=1e-5), "TorchScript forward == forward")
        names = list(captured)
        expected_names = ["input", "stem.conv", "stem.bn", "stem.relu"]
        expected_names += ["stem.pool"] if stem == "paper" else []
        for i, units in enumerate((4, 8, 4)):
            for j in range(units):
                expected_names += [f"stages.{i}.{j}.{s}" for s in
                                   ("pw1", "bn1", "relu1", "shuffle", "dw", "bn2", "pw2", "bn3")]
                expected_names += [f"stages.{i}.{j}.{s}" for s in
                                   (("shortcut", "concat") if j == 0 else ("add",))]
                expected_names.append(f"stages.{i}.{j}.relu")
        expected_names += ["head.pool", "head.fc", "head.softmax"]
        check(names == expected_names, f"capture names differ ({stem}, g={g})")
        check(all(t.dim() == 4 for t in captured.values()), "every captured tensor is 4-D")
        check(tuple(captured["head.fc"].shape) == (1, 10, 1, 1), "head.fc is [N, classes, 1, 1]")
        check(abs(captured["head.softmax"].sum().item() - 1) < 1e-5, "softmax sums to 1")
        shuffled = captured["stages.1.3.shuffle"]
        relu1 = captured["stages.1.3.relu1"]
        if g > 1:
            perm = channel_shuffle_permutation(relu1.shape[1], g)
            check(torch.equal(shuffled, relu1[:, perm]), "captured shuffle is the permutation")
        else:
            check(torch.equal(shuffled, relu1), "g=1: shuffle capture equals relu1")
        # Activation scale through the net: the parity tolerances assume nothing vanishes.
        scales = {k: captured[k].abs().max().item() for k in
                  ("stem.relu", "stages.0.3.relu", "stages.1.7.relu", "stages.2.3.relu", "head.fc")}
        print(f"capture ({stem}, g={g}) max|x|: " +
              ", ".join(f"{k} {v:.3g}" for k, v in scales.items()))

    # No-shuffle model: the shuffle step equals relu1.
    model = ShuffleNetV1(3, 10, 8, 24, [384, 768, 1536], shuffle=False).eval()
    with torch.inference_mode():
        _, captured = model.forward_capture(torch.randn(1, 3, 64, 64))
    check(torch.equal(captured["stages.0.0.shuffle"], captured["stages.0.0.relu1"]),
          "shuffle off: shuffle capture equals relu1")

    # Strict load of a state_dict through safetensors_io, without num_batches_tracked.
    import tempfile
    from shufflenet_v1 import load_state_dict_from_arrays
    src = ShuffleNetV1(1, 10, 3, 12, [120, 240, 480], stem="small-input")
    randomize_bn_statistics(src, torch.Generator().manual_seed(2))
    arrays = {k: v.numpy() for k, v in src.state_dict().items()
              if not k.endswith("num_batches_tracked")}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "m.safetensors")
        safetensors_io.save_file(arrays, path)
        loaded, _ = safetensors_io.load_file(path)
    dst = load_state_dict_from_arrays(ShuffleNetV1(1, 10, 3, 12, [120, 240, 480],
                                                   stem="small-input"), loaded)
    check(all(torch.equal(a, b) for a, b in zip(src.state_dict().values(),
                                                dst.state_dict().values())),
          "safetensors round trip + strict load")

    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
