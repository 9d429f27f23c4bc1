#!/usr/bin/python3
"""ShuffleNet v1 in PyTorch: the reference the C++ engine is checked against.

Follows the project's model conventions (README, "Checkpoints"):
  * state_dict keys are exactly the checkpoint keys: stem.conv.weight, stem.bn.*,
    stages.{i}.{j}.{pw1,bn1,dw,bn2,pw2,bn3}.*, fc.weight, fc.bias;
  * channel shuffle in the PAPER convention: (N, g, n, H, W) -> (N, n, g, H, W) -> flatten,
    i.e. output channel j*g + i takes input channel i*n + j;
  * stages.0.0's first 1x1 conv is dense (unless group_first_pointwise), the shuffle after it still
    applies when g > 1; no ReLU after the depthwise conv; stride-2 units concatenate
    [avg_pool(x), main].

`forward` is the lean path (returns logits, scriptable); `forward_capture` records every step's
output under the names the engine's parity test uses.
"""

from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

UNITS_PER_STAGE = (4, 8, 4)
BN_EPS = 1e-5

# Paper Table 1: 1x stage widths per group count (stem 24).
PAPER_STAGE_CHANNELS = {
    1: [144, 288, 576],
    2: [200, 400, 800],
    3: [240, 480, 960],
    4: [272, 544, 1088],
    8: [384, 768, 1536],
}


# =================================================================================================
# [SECTION] Channel shuffle
# =================================================================================================

def channel_shuffle(x: torch.Tensor, groups: int) -> torch.Tensor:
    """x is (N, C, H, W) with C = groups * n. Paper convention: view channels as (g, n), transpose
    to (n, g), flatten, so output channel j*g + i is input channel i*n + j."""
    n, c, h, w = x.shape
    per_group = c // groups
    return x.reshape(n, groups, per_group, h, w).transpose(1, 2).reshape(n, c, h, w)


def channel_shuffle_permutation(channels, groups):
    """perm[k] = the input channel that output channel k takes (same convention as above)."""
    n = channels // groups
    perm = [0] * channels
    for i in range(groups):
        for j in range(n):
            perm[j * groups + i] = i * n + j
    return perm


# =================================================================================================
# [SECTION] Modules
# =================================================================================================

class Stem(nn.Module):
    """conv 3x3 (stride 2 'paper' / 1 'small-input'), pad 1, no bias -> BN -> ReLU
    [-> max-pool 3x3/2 pad 1 for 'paper']."""

    def __init__(self, in_channels: int, out_channels: int, paper: bool):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, 3, stride=2 if paper else 1, padding=1,
                              bias=False)
        self.bn = nn.BatchNorm2d(out_channels, eps=BN_EPS)
        self.pool = paper

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.bn(self.conv(x)))
        if self.pool:
            x = F.max_pool2d(x, 3, 2, 1)
        return x

    def steps(self, x):
        x = self.conv(x)
        yield "conv", x
        x = self.bn(x)
        yield "bn", x
        x = F.relu(x)
        yield "relu", x
        if self.pool:
            x = F.max_pool2d(x, 3, 2, 1)
            yield "pool", x


class ShuffleUnit(nn.Module):
    """One ShuffleNet v1 unit. x is (N, in_channels, H, W); the output is (N, out_channels, H', W')
    with H' = H for stride 1 and ceil(H / 2) for stride 2."""

    def __init__(self, in_channels: int, out_channels: int, stride: int, groups: int,
                 first_groups: int, shuffle: bool):
        super().__init__()
        if stride not in (1, 2):
            raise ValueError(f"stride must be 1 or 2, got {stride}")
        mid = out_channels // 4
        out_main = out_channels - in_channels if stride == 2 else out_channels
        checks = [
            (out_channels % 4 == 0, f"out_channels {out_channels} is not a multiple of 4"),
            (mid % groups == 0, f"bottleneck {mid} is not divisible by groups {groups}"),
            (mid % first_groups == 0, f"bottleneck {mid} not divisible by first groups {first_groups}"),
            (in_channels % first_groups == 0,
             f"in_channels {in_channels} not divisible by first groups {first_groups}"),
            (out_main > 0, f"main branch width {out_main} must be positive"),
            (out_main % groups == 0, f"main branch width {out_main} not divisible by groups {groups}"),
            (stride == 2 or in_channels == out_channels,
             f"stride-1 unit needs in == out channels, got {in_channels} -> {out_channels}"),
        ]
        for ok, message in checks:
            if not ok:
                raise ValueError(message)
        self.stride = stride
        self.groups = groups
        # The shuffle is a no-op for one group; 0 means "skip" (kept an int for TorchScript).
        self.shuffle_groups = groups if (shuffle and groups > 1) else 0
        self.pw1 = nn.Conv2d(in_channels, mid, 1, groups=first_groups, bias=False)
        self.bn1 = nn.BatchNorm2d(mid, eps=BN_EPS)
        self.dw = nn.Conv2d(mid, mid, 3, stride=stride, padding=1, groups=mid, bias=False)
        self.bn2 = nn.BatchNorm2d(mid, eps=BN_EPS)
        self.pw2 = nn.Conv2d(mid, out_main, 1, groups=groups, bias=False)
        self.bn3 = nn.BatchNorm2d(out_main, eps=BN_EPS)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(self.pw1(x)))
        if self.shuffle_groups > 0:
            out = channel_shuffle(out, self.shuffle_groups)
        out = self.bn2(self.dw(out))
        out = self.bn3(self.pw2(out))
        if self.stride == 2:
            return F.relu(torch.cat([F.avg_pool2d(x, 3, 2, 1), out], dim=1))
        return F.relu(x + out)

    def steps(self, x):
        out = self.pw1(x)
        yield "pw1", out
        out = self.bn1(out)
        yield "bn1", out
        out = F.relu(out)
        yield "relu1", out
        if self.shuffle_groups > 0:
            out = channel_shuffle(out, self.shuffle_groups)
        yield "shuffle", out
        out = self.dw(out)
        yield "dw", out
        out = self.bn2(out)
        yield "bn2", out
        out = self.pw2(out)
        yield "pw2", out
        out = self.bn3(out)
        yield "bn3", out
        if self.stride == 2:
            shortcut = F.avg_pool2d(x, 3, 2, 1)  # count_include_pad=True (PyTorch default)
            yield "shortcut", shortcut
            out = torch.cat([shortcut, out], dim=1)
            yield "concat", out
        else:
            out = x + out
            yield "add", out
        yield "relu", F.relu(out)


class ShuffleNetV1(nn.Module):
    def __init__(self, in_channels=3, classes=1000, groups=3, stem_channels=24,
                 stage_channels=(240, 480, 960), shuffle=True, stem="paper",
                 group_first_pointwise=False):
        super().__init__()
        if stem not in ("paper", "small-input"):
            raise ValueError(f"stem must be 'paper' or 'small-input', got {stem!r}")
        if len(stage_channels) != 3:
            raise ValueError(f"stage_channels needs 3 widths, got {list(stage_channels)}")
        self.groups = groups
        self.shuffle = shuffle
        self.stem_kind = stem
        self.group_first_pointwise = group_first_pointwise
        self.stem = Stem(in_channels, stem_channels, paper=(stem == "paper"))
        stages = []
        cin = stem_channels
        for i, (units, cout) in enumerate(zip(UNITS_PER_STAGE, stage_channels)):
            stage = []
            for j in range(units):
                first_groups = 1 if (i == 0 and j == 0 and not group_first_pointwise) else groups
                try:
                    stage.append(ShuffleUnit(cin, cout, 2 if j == 0 else 1, groups, first_groups,
                                             shuffle))
                except ValueError as e:
                    raise ValueError(f"stages.{i}.{j}: {e}") from None
                cin = cout
            stages.append(nn.Sequential(*stage))
        self.stages = nn.Sequential(*stages)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x is (N, in_channels, H, W); returns logits (N, classes). The softmax is left out."""
        x = self.stages(self.stem(x))
        return self.fc(x.mean(dim=(2, 3)))

    def forward_capture(self, x):
        """Returns (logits (N, classes), OrderedDict name -> 4-D tensor) with every step's output:
        input, stem.*, stages.i.j.*, head.pool / head.fc / head.softmax as (N, C, 1, 1)."""
        captured = OrderedDict()
        captured["input"] = x
        for name, value in self.stem.steps(x):
            captured[f"stem.{name}"] = value
            x = value
        for i, stage in enumerate(self.stages):
            for j, unit in enumerate(stage):
                for name, value in unit.steps(x):
                    captured[f"stages.{i}.{j}.{name}"] = value
                x = value
        pooled = x.mean(dim=(2, 3))
        logits = self.fc(pooled)
        captured["head.pool"] = pooled[:, :, None, None]
        captured["head.fc"] = logits[:, :, None, None]
        captured["head.softmax"] = torch.softmax(logits, dim=1)[:, :, None, None]
        return logits, captured


# =================================================================================================
# [SECTION] Construction from the engine's configuration, BN randomisation
# =================================================================================================

def from_summary(summary_or_config):
    """Builds the module from `shufflescope-cli summary --json`'s "config" object (which carries
    "widths"); the whole summary object is accepted too."""
    config = summary_or_config.get("config", summary_or_config)
    if "widths" not in config:
        raise ValueError("config has no 'widths' (take it from `summary --json`, not a checkpoint)")
    widths = config["widths"]
    return ShuffleNetV1(
        in_channels=int(config["in_channels"]),
        classes=int(config["classes"]),
        groups=int(config["groups"]),
        stem_channels=int(widths["stem"]),
        stage_channels=[int(c) for c in widths["stages"]],
        shuffle=bool(config["shuffle"]),
        stem=config["stem"],
        group_first_pointwise=bool(config["group_first_pointwise"]),
    )


@torch.no_grad()
def randomize_bn_statistics(module, generator):
    """Gives every BatchNorm non-trivial statistics and affine parameters so parity tests exercise
    them: running_mean ~ N(0, 0.2), running_var ~ U(0.5, 2), weight ~ U(0.5, 1.5), bias ~ N(0, 0.2).
    """
    for m in module.modules():
        if isinstance(m, nn.BatchNorm2d):
            c = m.num_features
            m.running_mean.copy_(torch.randn(c, generator=generator) * 0.2)
            m.running_var.copy_(torch.rand(c, generator=generator) * 1.5 + 0.5)
            m.weight.copy_(torch.rand(c, generator=generator) + 0.5)
            m.bias.copy_(torch.randn(c, generator=generator) * 0.2)
    return module


def load_state_dict_from_arrays(module, arrays, strict=True):
    """load_state_dict from numpy arrays (e.g. safetensors_io.load_file's result). Checkpoints
    need not carry num_batches_tracked; missing ones are filled with zeros so strict loading works.
    """
    state = {name: torch.from_numpy(value.copy()) for name, value in arrays.items()}
    for name, buffer in module.state_dict().items():
        if name.endswith("num_batches_tracked") and name not in state:
            state[name] = torch.zeros_like(buffer)
    module.load_state_dict(state, strict=strict)
    return module


# =================================================================================================
# [SECTION] Complexity, counted analytically (no forward pass)
# =================================================================================================

def _conv_out(size, stride):
    return (size + 2 - 3) // stride + 1  # 3x3, padding 1


def complexity(in_channels, height, width, classes, groups, stem_channels, stage_channels,
               stem="paper", group_first_pointwise=False):
    """Multiply-adds and parameters of the network, by formula.
    MACs of a conv = Cout * Hout * Wout * (Cin / groups) * k * k; the FC adds C * classes.
    Parameters = conv weights + BN weight and bias + FC weight and bias (no running statistics).
    Returns dict(backbone_macs, depthwise_macs, classifier_macs, macs, params)."""
    paper = stem == "paper"
    h, w = _conv_out(height, 2 if paper else 1), _conv_out(width, 2 if paper else 1)
    macs = stem_channels * h * w * in_channels * 9
    params = stem_channels * in_channels * 9 + 2 * stem_channels
    if paper:
        h, w = _conv_out(h, 2), _conv_out(w, 2)
    dw_macs = 0
    cin = stem_channels
    for i, (units, cout) in enumerate(zip(UNITS_PER_STAGE, stage_channels)):
        for j in range(units):
            stride = 2 if j == 0 else 1
            g1 = 1 if (i == 0 and j == 0 and not group_first_pointwise) else groups
            mid = cout // 4
            out_main = cout - cin if stride == 2 else cout
            ho, wo = _conv_out(h, stride), _conv_out(w, stride)
            macs += mid * h * w * (cin // g1)            # pw1
            dw_macs += mid * ho * wo * 9                 # dw
            macs += out_main * ho * wo * (mid // groups)  # pw2
            params += mid * (cin // g1) + 2 * mid + mid * 9 + 2 * mid + out_main * (mid // groups) \
                + 2 * out_main
            h, w, cin = ho, wo, cout
    macs += dw_macs
    classifier = cin * classes
    params += cin * classes + classes
    return {"backbone_macs": macs, "depthwise_macs": dw_macs, "classifier_macs": classifier,
            "macs": macs + classifier, "params": params}


def count_by_hooks(module, input_shape):
    """The same counts measured on a real forward pass (conv/linear hooks), as a cross-check of
    `complexity` and of the module's actual layer shapes."""
    totals = {"backbone_macs": 0, "classifier_macs": 0}

    def conv_hook(m, inputs, output):
        _, cout, ho, wo = output.shape
        k = m.kernel_size[0] * m.kernel_size[1]
        totals["backbone_macs"] += cout * ho * wo * (m.in_channels // m.groups) * k

    def fc_hook(m, inputs, output):
        totals["classifier_macs"] += m.in_features * m.out_features

    handles = []
    for m in module.modules():
        if isinstance(m, nn.Conv2d):
            handles.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            handles.append(m.register_forward_hook(fc_hook))
    try:
        with torch.inference_mode():
            module.eval()(torch.zeros(*input_shape))
    finally:
        for h in handles:
            h.remove()
    params = sum(p.numel() for p in module.parameters())  # buffers (running stats) excluded
    totals["macs"] = totals["backbone_macs"] + totals["classifier_macs"]
    totals["params"] = params
    return totals


if __name__ == "__main__":
    import runpy
    import os

    runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "selfcheck.py"),
                   run_name="__main__")
