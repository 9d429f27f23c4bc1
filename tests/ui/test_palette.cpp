// The group colours stay apart for every student: under normal vision and under simulated
// protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1.0),
// measured as CIEDE2000 differences in CIELAB. Pure maths, no display: sRGB -> linear RGB ->
// (simulated) -> XYZ (D65) -> CIELAB -> CIEDE2000. scripts/palette_search.py found the colours
// with the same maths in NumPy.

#include <catch2/catch.hpp>

#include <QColor>
#include <array>
#include <cmath>
#include <vector>

#include "style/palette.h"

using namespace shufflescope::ui;

namespace {

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<Vec3, 3>;

enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };
constexpr std::array<Vision, 4> kVisions = {Vision::Normal, Vision::Protanopia,
                                            Vision::Deuteranopia, Vision::Tritanopia};
const char* visionName(Vision v) {
    switch (v) {
        case Vision::Normal:
            return "normal";
        case Vision::Protanopia:
            return "protanopia";
        case Vision::Deuteranopia:
            return "deuteranopia";
        case Vision::Tritanopia:
            return "tritanopia";
    }
    return "?";
}

// Machado et al. 2009, severity 1.0, for linear RGB.
const Mat3& machado(Vision v) {
    static const Mat3 protan = {{{0.152286, 1.052583, -0.204868},
                                 {0.114503, 0.786281, 0.099216},
                                 {-0.003882, -0.048116, 1.051998}}};
    static const Mat3 deutan = {{{0.367322, 0.860646, -0.227968},
                                 {0.280085, 0.672501, 0.047413},
                                 {-0.011820, 0.042940, 0.968881}}};
    static const Mat3 tritan = {{{1.255528, -0.076749, -0.178779},
                                 {-0.078411, 0.930809, 0.147602},
                                 {0.004733, 0.691367, 0.303900}}};
    return v == Vision::Protanopia ? protan : v == Vision::Deuteranopia ? deutan : tritan;
}

Vec3 multiply(const Mat3& m, const Vec3& x) {
    Vec3 y{};
    for (int r = 0; r < 3; ++r) y[r] = m[r][0] * x[0] + m[r][1] * x[1] + m[r][2] * x[2];
    return y;
}

double srgbToLinear(int channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

Vec3 simulate(const Vec3& linear, Vision v) {
    if (v == Vision::Normal) return linear;
    Vec3 out = multiply(machado(v), linear);
    for (double& c : out) c = std::clamp(c, 0.0, 1.0);
    return out;
}

Vec3 linearToLab(const Vec3& linear) {
    static const Mat3 toXyz = {{{0.4124564, 0.3575761, 0.1804375},
                                {0.2126729, 0.7151522, 0.0721750},
                                {0.0193339, 0.1191920, 0.9503041}}};
    const Vec3 white = multiply(toXyz, {1, 1, 1});
    const Vec3 xyz = multiply(toXyz, linear);
    Vec3 f{};
    const double d = 6.0 / 29.0;
    for (int i = 0; i < 3; ++i) {
        const double t = xyz[i] / white[i];
        f[i] = t > d * d * d ? std::cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
    }
    return {116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])};
}

Vec3 labOf(const QColor& c, Vision v) {
    return linearToLab(
        simulate({srgbToLinear(c.red()), srgbToLinear(c.green()), srgbToLinear(c.blue())}, v));
}

// CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1.
double ciede2000(const Vec3& lab1, const Vec3& lab2) {
    const double pi = 3.14159265358979323846;
    const auto deg = [&](double r) { return r * 180.0 / pi; };
    const auto rad = [&](double d) { return d * pi / 180.0; };
    const double C1 = std::hypot(lab1[1], lab1[2]), C2 = std::hypot(lab2[1], lab2[2]);
    const double Cm = (C1 + C2) / 2, Cm7 = std::pow(Cm, 7);
    const double G = 0.5 * (1 - std::sqrt(Cm7 / (Cm7 + std::pow(25.0, 7))));
    const double a1 = (1 + G) * lab1[1], a2 = (1 + G) * lab2[1];
    const double C1p = std::hypot(a1, lab1[2]), C2p = std::hypot(a2, lab2[2]);
    const auto hue = [&](double b, double a) {
        if (a == 0 && b == 0) return 0.0;
        const double h = deg(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(lab1[2], a1), h2 = hue(lab2[2], a2);
    const double dL = lab2[0] - lab1[0], dC = C2p - C1p;
    double dh = 0;
    if (C1p * C2p != 0) {
        dh = h2 - h1;
        if (dh > 180) dh -= 360;
        if (dh < -180) dh += 360;
    }
    const double dH = 2 * std::sqrt(C1p * C2p) * std::sin(rad(dh / 2));
    const double Lm = (lab1[0] + lab2[0]) / 2, Cpm = (C1p + C2p) / 2;
    double hm = h1 + h2;
    if (C1p * C2p != 0) {
        if (std::abs(h1 - h2) <= 180)
            hm /= 2;
        else
            hm = hm < 360 ? (hm + 360) / 2 : (hm - 360) / 2;
    }
    const double T = 1 - 0.17 * std::cos(rad(hm - 30)) + 0.24 * std::cos(rad(2 * hm)) +
                     0.32 * std::cos(rad(3 * hm + 6)) - 0.20 * std::cos(rad(4 * hm - 63));
    const double dTheta = 30 * std::exp(-std::pow((hm - 275) / 25, 2));
    const double Cpm7 = std::pow(Cpm, 7);
    const double RC = 2 * std::sqrt(Cpm7 / (Cpm7 + std::pow(25.0, 7)));
    const double SL = 1 + 0.015 * (Lm - 50) * (Lm - 50) / std::sqrt(20 + (Lm - 50) * (Lm - 50));
    const double SC = 1 + 0.045 * Cpm, SH = 1 + 0.015 * Cpm * T;
    const double RT = -std::sin(rad(2 * dTheta)) * RC;
    return std::sqrt(std::pow(dL / SL, 2) + std::pow(dC / SC, 2) + std::pow(dH / SH, 2) +
                     RT * (dC / SC) * (dH / SH));
}

// The smallest difference between two of `colours` under `vision`.
double minimumPairwise(const std::vector<QColor>& colours, Vision vision, int* first = nullptr,
                       int* second = nullptr) {
    double least = 1e9;
    for (std::size_t i = 0; i < colours.size(); ++i)
        for (std::size_t j = i + 1; j < colours.size(); ++j) {
            const double d = ciede2000(labOf(colours[i], vision), labOf(colours[j], vision));
            if (d < least) {
                least = d;
                if (first) *first = int(i);
                if (second) *second = int(j);
            }
        }
    return least;
}

std::vector<QColor> groupColours() {
    std::vector<QColor> colours;
    for (int g = 0; g < 8; ++g) colours.push_back(groupColor(g));
    return colours;
}

}  // namespace

TEST_CASE("CIEDE2000 matches Sharma, Wu and Dalal's published test pairs", "[palette]") {
    const struct {
        Vec3 a, b;
        double expected;
    } pairs[] = {{{50, 2.6772, -79.7751}, {50, 0, -82.7485}, 2.0425},
                 {{50, 3.1571, -77.2803}, {50, 0, -82.7485}, 2.8615},
                 {{50, 0, 0}, {50, -1, 2}, 2.3669},
                 {{50, 2.5, 0}, {73, 25, -18}, 27.1492},
                 {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644}};
    for (const auto& p : pairs) {
        CAPTURE(p.expected);
        CHECK(ciede2000(p.a, p.b) == Approx(p.expected).margin(1e-4));
        CHECK(ciede2000(p.b, p.a) == Approx(p.expected).margin(1e-4));
    }
    // sRGB white is L* 100, a* = b* = 0; the simulations keep greys grey.
    const Vec3 white = labOf(QColor(255, 255, 255), Vision::Normal);
    CHECK(white[0] == Approx(100).margin(1e-3));
    for (Vision v : kVisions) {
        CAPTURE(visionName(v));
        const Vec3 grey = labOf(QColor(128, 128, 128), v);
        CHECK(std::abs(grey[1]) < 0.6);
        CHECK(std::abs(grey[2]) < 0.6);
    }
}

TEST_CASE(
    "the eight group colours stay apart under normal vision and every simulated "
    "colour-vision deficiency",
    "[palette]") {
    // Measured minimum pairwise CIEDE2000 (palette.cpp, README): normal 22.12, protanopia 16.22,
    // deuteranopia 16.11, tritanopia 15.75. The old Okabe-Ito + grey palette had 21.25, 12.25,
    // 6.17 (groups 6 and 7, the classroom's complaint) and 10.87.
    const std::array<double, 4> required = {22.0, 16.0, 16.0, 15.5};
    const std::vector<QColor> colours = groupColours();
    for (std::size_t v = 0; v < kVisions.size(); ++v) {
        int i = -1, j = -1;
        const double least = minimumPairwise(colours, kVisions[v], &i, &j);
        CAPTURE(visionName(kVisions[v]), least, i, j);
        CHECK(least >= required[v]);
    }
}

TEST_CASE("no group colour is the neutral grey of shortcuts and ungrouped channels, nor near it",
          "[palette]") {
    const QColor neutral = neutralColor();
    CHECK(groupColor(-1) == neutral);
    for (int g = 0; g < 8; ++g) {
        CHECK(groupColor(g) != neutral);
        for (Vision v : kVisions) {
            const double d = ciede2000(labOf(groupColor(g), v), labOf(neutral, v));
            CAPTURE(g, visionName(v), d);
            CHECK(d >= 20.0);
        }
        // Wraps beyond 8.
        CHECK(groupColor(g + 8) == groupColor(g));
    }
}

TEST_CASE("every group colour reads on the light and the dark theme's backgrounds", "[palette]") {
    const QColor backgrounds[] = {QColor(255, 255, 255), QColor(0xEF, 0xEF, 0xEF),
                                  QColor(37, 37, 40), QColor(28, 28, 30)};
    for (int g = 0; g < 8; ++g) {
        for (const QColor& background : backgrounds) {
            for (Vision v : kVisions) {
                const double d = ciede2000(labOf(groupColor(g), v), labOf(background, v));
                CAPTURE(g, background.name(), visionName(v), d);
                CHECK(d >= (v == Vision::Normal ? 25.0 : 15.0));
            }
        }
    }
}
