#!/usr/bin/env bash
# Builds the Debian package to install ShuffleScope like any application:
#   scripts/package.sh             then: sudo apt install ./build-package/shufflescope_*.deb
# A clean Release build of its own in build-package/ (the tests' build/ is left alone), made for
# any x86-64 machine — no -march=native (SHUFFLESCOPE_NATIVE=OFF) — with Debian's hardening flags
# (dpkg-buildflags); then CPack writes build-package/shufflescope_<version>_<arch>.deb with its
# Depends computed by dpkg-shlibdeps, and lintian checks it when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh package  # the run packages and dpkg-dev; builds nothing

# Debian's hardening flags: stack protector, _FORTIFY_SOURCE, read-only relocations (the
# optimisation level stays the project's -O3).
CXXFLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
LDFLAGS="$(dpkg-buildflags --get LDFLAGS)"
export CXXFLAGS LDFLAGS
cmake -S . -B build-package -DCMAKE_BUILD_TYPE=Release -DSHUFFLESCOPE_NATIVE=OFF \
    -DSHUFFLESCOPE_BUILD_TESTS=OFF
cmake --build build-package -j "$(nproc)"
(cd build-package && cpack -G DEB)
deb=$(ls build-package/shufflescope_*.deb)
if command -v lintian >/dev/null; then
    lintian --tag-display-limit 0 "$deb" || true
fi
echo "Built $deb: install it with  sudo apt install ./$deb"
