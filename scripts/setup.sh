#!/usr/bin/env bash
# Installs the Debian 12 packages ShuffleScope needs (only those missing) and builds it (Release).
#   scripts/setup.sh run    packages to build and run the application
#   scripts/setup.sh test   those, plus what the test suite needs (PyTorch for the interop test)
#   scripts/setup.sh package  the run packages and the .deb's tools, no build (scripts/package.sh)
#   scripts/setup.sh bench  the test packages, plus Node.js and npm for ONNX Runtime in the
#                           side-by-side benchmark (scripts/bench.sh)
# Every dependency is a Debian package; nothing is downloaded at build time.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
packages=(
    build-essential cmake pkg-config  # compiler and build
    libeigen3-dev                     # Eigen: the GEMMs of the dense stem convolution and the FC
    nlohmann-json3-dev                # JSON: checkpoint headers, CLI output
    libpng-dev libjpeg62-turbo-dev    # libpng, libjpeg-turbo: user images are untrusted input, so
                                      # maintained decoders read them (libpng also writes PNGs)
    zlib1g-dev                        # reading Fashion-MNIST's gzip-compressed IDX files
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
                                      # Qt 6: the desktop app, its cost chart, translations
    libimgui-dev libgl-dev            # Dear ImGui (OpenGL 3 renderer): the feature-map canvas
    libgl1-mesa-dri                   # OpenGL in software where there is no GPU driver
    libgif-dev                        # giflib: reading GIF input, and File → Export animation's GIFs
    fonts-dejavu-core fonts-noto-cjk  # the canvas's font; Simplified Chinese text
    dataset-fashion-mnist             # the data the Train panel and `shufflescope-cli train` learn from
)
case $mode in run | test | package | bench) ;; *)
    echo "usage: scripts/setup.sh [run|test|package|bench] (not '$mode')" >&2
    exit 2 ;;
esac
if [[ $mode == test || $mode == package || $mode == bench ]]; then
    packages+=(
        dpkg-dev                      # CPack's .deb: dpkg-shlibdeps computes its Depends
    )
fi
if [[ $mode == test || $mode == bench ]]; then
    packages+=(
        catch2                        # the C++ test framework (2.13)
        libbenchmark-dev              # Google Benchmark: the micro-benchmarks in bench/
        clang-format                  # the style test: every C++ file follows .clang-format
        xvfb xauth                    # a virtual display for the GUI tests
        clang-14 libclang-rt-14-dev libomp-14-dev llvm-14
                                      # the checked build: ASan + UBSan and libFuzzer (clang 14's
                                      # runtime), OpenMP for clang, llvm-symbolizer for reports
        python3 python3-numpy python3-torch  # PyTorch interop test and fixture regeneration
        lintian                       # the package test: no lintian error in the .deb
        desktop-file-utils            # the package test: desktop-file-validate on the menu entry
        groff-base file               # the package test: the manual pages render without warnings
                                      # (groff), the icons' and screenshot's sizes (file)
        librsvg2-bin                  # packaging/icons/make_pngs.sh: the icon's PNGs from its SVG
    )
fi
# bench/bench_vs_onnxruntime.py runs ONNX Runtime through npm's onnxruntime-node (installed into
# a cache folder). A Node.js that is already there (e.g. NodeSource's, which ships npm inside its
# nodejs package and conflicts with Debian's npm) serves as well.
if [[ $mode == bench ]] && ! { command -v node && command -v npm; } >/dev/null; then
    packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing missing Debian packages: ${missing[*]}"
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# scripts/package.sh makes a build of its own.
[[ $mode == package ]] && exit 0
tests=OFF
[[ $mode == test || $mode == bench ]] && tests=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSHUFFLESCOPE_BUILD_TESTS=$tests
cmake --build build -j "$(nproc)"
