#!/usr/bin/python3
"""Search for the eight group colours (ui/style/palette.cpp).

Goal: eight colours that stay apart for every student - under normal vision and under simulated
protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1.0, applied
to linear RGB) - measured as the smallest CIEDE2000 difference between any two of them under any of
the four. Constraints: each colour is also far from the neutral grey that means "no group /
shortcut" (under all four), and visible on the light and on the dark theme's background.

Method: a grid of sRGB candidates (steps of 15) that pass the limits; coordinate ascent (replace
one colour at a time by the candidate that raises the smallest difference most) from random
starts finds the largest achievable smallest difference (17.7); then, giving up at most
FAMILIAR_SLACK (2.0) of it, a second ascent from the old palette finds the eight closest to the
old Okabe-Ito order index by index (2 green, 4 blue, 5 orange), because some views use an index
by meaning. Deterministic (seeded); about two minutes on one core.

    /usr/bin/python3 scripts/palette_search.py          # prints the palette and its distances
    SLACK=1.0 /usr/bin/python3 scripts/palette_search.py  # less like the old palette, further apart

tests/ui/test_palette.cpp re-checks the chosen colours with the same maths in C++.
"""
import itertools
import os
import sys

import numpy as np

MACHADO = {  # severity 1.0, linear RGB
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
VISIONS = ["normal", "protanopia", "deuteranopia", "tritanopia"]
NEUTRAL = (0x80, 0x80, 0x80)          # palette.cpp neutralColor(): shortcut / no group
BACKGROUNDS = {"light": (0xFF, 0xFF, 0xFF), "light window": (0xEF, 0xEF, 0xEF),
               "dark": (37, 37, 40), "dark base": (28, 28, 30)}
MIN_FROM_NEUTRAL = 20.0               # CIEDE2000, every vision
MIN_FROM_BACKGROUND = (25.0, 15.0)    # CIEDE2000 from each background: normal, simulated vision
LIGHTNESS = (30.0, 92.0)              # CIELAB L*: no near-black or near-white "colours"
MIN_CHROMA = 30.0                     # CIELAB C*, normal vision: a colour one can name
RESTARTS = 40
FAMILIAR_SLACK = float(os.environ.get("SLACK", "2.0"))  # CIEDE2000 given up for familiarity
OLD = [(0xE6, 0x9F, 0x00), (0x56, 0xB4, 0xE9), (0x00, 0x9E, 0x73), (0xF0, 0xE4, 0x42),
       (0x00, 0x72, 0xB2), (0xD5, 0x5E, 0x00), (0xCC, 0x79, 0xA7), (0x99, 0x99, 0x99)]


def srgb_to_linear(c):
    c = np.asarray(c, dtype=float) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def simulate(linear, vision):
    if vision == "normal":
        return linear
    return np.clip(linear @ MACHADO[vision].T, 0.0, 1.0)


M_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                  [0.2126729, 0.7151522, 0.0721750],
                  [0.0193339, 0.1191920, 0.9503041]])
WHITE = M_XYZ @ np.ones(3)


def linear_to_lab(linear):
    xyz = linear @ M_XYZ.T / WHITE
    d = 6.0 / 29.0
    f = np.where(xyz > d ** 3, np.cbrt(xyz), xyz / (3 * d * d) + 4.0 / 29.0)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]),
                     200 * (f[..., 1] - f[..., 2])], axis=-1)


def ciede2000(lab1, lab2):
    """Sharma, Wu & Dalal (2005), vectorised; broadcasts over leading axes."""
    L1, a1, b1 = lab1[..., 0], lab1[..., 1], lab1[..., 2]
    L2, a2, b2 = lab2[..., 0], lab2[..., 1], lab2[..., 2]
    C1, C2 = np.hypot(a1, b1), np.hypot(a2, b2)
    Cm = (C1 + C2) / 2
    G = 0.5 * (1 - np.sqrt(Cm ** 7 / (Cm ** 7 + 25.0 ** 7)))
    a1p, a2p = (1 + G) * a1, (1 + G) * a2
    C1p, C2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    dLp = L2 - L1
    dCp = C2p - C1p
    dh = h2p - h1p
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(C1p * C2p == 0, 0.0, dh)
    dHp = 2 * np.sqrt(C1p * C2p) * np.sin(np.radians(dh / 2))
    Lpm = (L1 + L2) / 2
    Cpm = (C1p + C2p) / 2
    hsum = h1p + h2p
    hpm = np.where(np.abs(h1p - h2p) > 180, np.where(hsum < 360, (hsum + 360) / 2, (hsum - 360) / 2),
                   hsum / 2)
    hpm = np.where(C1p * C2p == 0, hsum, hpm)
    T = (1 - 0.17 * np.cos(np.radians(hpm - 30)) + 0.24 * np.cos(np.radians(2 * hpm))
         + 0.32 * np.cos(np.radians(3 * hpm + 6)) - 0.20 * np.cos(np.radians(4 * hpm - 63)))
    dtheta = 30 * np.exp(-(((hpm - 275) / 25) ** 2))
    RC = 2 * np.sqrt(Cpm ** 7 / (Cpm ** 7 + 25.0 ** 7))
    SL = 1 + 0.015 * (Lpm - 50) ** 2 / np.sqrt(20 + (Lpm - 50) ** 2)
    SC = 1 + 0.045 * Cpm
    SH = 1 + 0.015 * Cpm * T
    RT = -np.sin(np.radians(2 * dtheta)) * RC
    return np.sqrt((dLp / SL) ** 2 + (dCp / SC) ** 2 + (dHp / SH) ** 2
                   + RT * (dCp / SC) * (dHp / SH))


def labs(rgb):
    """Lab of sRGB colours (N x 3) under each vision: (4, N, 3)."""
    lin = srgb_to_linear(rgb)
    return np.stack([linear_to_lab(simulate(lin, v)) for v in VISIONS])


def report(palette):
    lab = labs(np.array(palette))
    worst = {}
    for v, name in enumerate(VISIONS):
        d = ciede2000(lab[v][:, None, :], lab[v][None, :, :])
        i, j = np.triu_indices(len(palette), 1)
        k = np.argmin(d[i, j])
        worst[name] = (d[i, j][k], i[k], j[k])
    return worst


def main():
    rng = np.random.default_rng(1)
    levels = np.arange(0, 256, 15)
    grid = np.array(list(itertools.product(levels, levels, levels)), dtype=float)
    lab = labs(grid)  # (4, N, 3)
    neutral = labs(np.array([NEUTRAL], dtype=float))
    ok = np.all(ciede2000(lab, neutral) >= MIN_FROM_NEUTRAL, axis=0)
    for bg in BACKGROUNDS.values():
        d = ciede2000(lab, labs(np.array([bg], dtype=float)))
        ok &= (d[0] >= MIN_FROM_BACKGROUND[0]) & np.all(d[1:] >= MIN_FROM_BACKGROUND[1], axis=0)
    ok &= (lab[0][:, 0] >= LIGHTNESS[0]) & (lab[0][:, 0] <= LIGHTNESS[1])
    ok &= np.hypot(lab[0][:, 1], lab[0][:, 2]) >= MIN_CHROMA
    cand, cand_lab = grid[ok], lab[:, ok]
    print(f"{len(cand)} of {len(grid)} candidates pass the neutral, background, lightness and "
          "chroma limits", file=sys.stderr)
    old_lab = labs(np.array(OLD, dtype=float))[0]
    # How far each candidate is from each old colour (normal vision); the old grey is no target.
    familiar = ciede2000(cand_lab[0][:, None, :], old_lab[None, :, :])
    familiar[:, 7] = 0.0

    def pairwise_min(idx):
        sub = cand_lab[:, idx]
        d = ciede2000(sub[:, :, None, :], sub[:, None, :, :])
        i, j = np.triu_indices(len(idx), 1)
        return d[:, i, j].min()

    def closest_to_others(idx, slot):
        """For every candidate: its smallest distance to the other seven, under any vision, and
        the smallest distance among the other seven themselves."""
        others = [idx[k] for k in range(8) if k != slot]
        o = cand_lab[:, others]
        d = ciede2000(cand_lab[:, :, None, :], o[:, None, :, :]).min(axis=(0, 2))
        return np.minimum(d, pairwise_min(others))

    # Phase 1: the largest achievable minimum distance (coordinate ascent, random starts).
    best, best_score = None, -1.0
    for restart in range(RESTARTS):
        idx = list(rng.choice(len(cand), 8, replace=False))
        improved = True
        while improved:
            improved = False
            for slot in range(8):
                obj = closest_to_others(idx, slot)
                k = int(np.argmax(obj))
                if obj[k] > pairwise_min(idx) + 1e-9:
                    idx[slot] = k
                    improved = True
        score = pairwise_min(idx)
        print(f"restart {restart}: {score:.2f}", file=sys.stderr)
        if score > best_score:
            best, best_score = list(idx), score

    # Phase 2: within FAMILIAR_SLACK of that optimum, the palette closest to the old one index by
    # index, so the views that use an index by meaning keep their look (5 warm, 4 blue, 2 green).
    # Coordinate ascent on min(distance, threshold) - a little familiarity, from the old palette
    # (each colour's nearest candidate), from perturbations of it, and from phase 1's best.
    threshold = best_score - FAMILIAR_SLACK

    def familiarity(idx):
        return sum(familiar[idx[slot], slot] for slot in range(8))

    def ascend(idx):
        improved = True
        while improved:
            improved = False
            current = min(pairwise_min(idx), threshold) - 1e-3 * familiarity(idx)
            for slot in range(8):
                obj = np.minimum(closest_to_others(idx, slot), threshold) - 1e-3 * (
                    familiarity(idx) - familiar[idx[slot], slot] + familiar[:, slot])
                k = int(np.argmax(obj))
                if obj[k] > current + 1e-9:
                    idx[slot] = k
                    current = obj[k]
                    improved = True
        return idx

    old_order = min(itertools.permutations(range(8)),
                    key=lambda p: sum(familiar[best[p[i]], i] for i in range(8)))
    nearest_old = [int(np.argmin(familiar[:, slot] + (slot == 7) * rng.random(len(cand))))
                   for slot in range(8)]
    starts = [[best[p] for p in old_order], nearest_old]
    for _ in range(RESTARTS // 2):
        starts.append([int(np.argmin(familiar[:, slot] + 25.0 * rng.random(len(cand))))
                       for slot in range(8)])
    chosen = None
    for start in starts:
        idx = ascend(list(start))
        if pairwise_min(idx) >= threshold - 1e-9 and (
                chosen is None or familiarity(idx) < familiarity(chosen)):
            chosen = idx
    idx = chosen
    colours = [tuple(int(v) for v in cand[k]) for k in idx]

    print(f"largest minimum distance found: {best_score:.2f}; chosen within {FAMILIAR_SLACK}")
    print("palette:")
    for i, c in enumerate(colours):
        print(f"  {i}: #{c[0]:02X}{c[1]:02X}{c[2]:02X}   "
              f"(was #{OLD[i][0]:02X}{OLD[i][1]:02X}{OLD[i][2]:02X})")
    for name, (d, i, j) in report(colours).items():
        print(f"  {name:13s} min pairwise CIEDE2000 {d:5.2f} (groups {i} and {j})")
    for name, (d, i, j) in report(OLD).items():
        print(f"  old palette, {name:13s} {d:5.2f} (groups {i} and {j})")
    lab = labs(np.array(colours, dtype=float))
    print(f"  from neutral grey, every vision: {ciede2000(lab, neutral).min():.2f}")
    for bg_name, bg in BACKGROUNDS.items():
        d = ciede2000(lab, labs(np.array([bg], dtype=float)))
        print(f"  from the {bg_name} background: {d[0].min():.2f} normal, "
              f"{d[1:].min():.2f} simulated")
    print(f"  L* {lab[0][:, 0].min():.1f}..{lab[0][:, 0].max():.1f}, "
          f"C* >= {np.hypot(lab[0][:, 1], lab[0][:, 2]).min():.1f}")


if __name__ == "__main__":
    main()
