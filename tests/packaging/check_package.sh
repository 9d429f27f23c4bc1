#!/usr/bin/env bash
# check_package.sh CPACK BUILD_DIR SCRATCH VERSION WITH_DISPLAY CHECK_SCREENSHOT CHECK_MAN_PAGES
# The Debian package made from this build's own binaries — cpack installs the built tree and packs
# it, no second compile (scripts/package.sh makes the one to ship, on a clean build) — checked as a
# user meets it:
#   1. its control fields: the version from project(), a maintainer, Depends from dpkg-shlibdeps;
#   2. lintian finds no error in it (warnings are printed; README "Install the package" explains
#      the ones left);
#   3. unpacked with `dpkg -x` into a scratch root, the installed programs find the bundled models,
#      samples and lessons there, with no path compiled in: shufflescope-cli summary, run with an
#      installed model, lesson list; shufflescope --screenshot of a bundled lesson (a real PNG);
#   4. the menu entry passes desktop-file-validate, the manual pages render without warnings, the
#      icons are where the hicolor theme looks, the file types are well-formed XML.
set -euo pipefail
cpack=$1 build=$2 scratch=$3 version=$4 with_display=$5 check_screenshot=$6 check_man_pages=$7
fail() {
    echo "FAILED: $*" >&2
    exit 1
}
step() { echo "== $* ($SECONDS s)"; }
rm -rf "$scratch"
mkdir -p "$scratch"
# Nothing may help the installed programs find their assets but their own place.
unset SHUFFLESCOPE_ASSETS

step "cpack -G DEB on $build"
(cd "$build" && "$cpack" -G DEB -B "$scratch/deb" >"$scratch/cpack.log" 2>&1) ||
    { cat "$scratch/cpack.log"; fail "cpack"; }
debs=("$scratch"/deb/shufflescope_"$version"_*.deb)
[[ -f ${debs[0]} ]] || { cat "$scratch/cpack.log"; fail "no shufflescope_${version}_*.deb made"; }
deb=${debs[0]}
echo "$deb: $(stat -c %s "$deb") bytes"

step "control fields"
dpkg-deb --field "$deb" Package Version Maintainer Section Depends Recommends | tee "$scratch/fields"
grep -qx "Package: shufflescope" "$scratch/fields" || fail "Package is not shufflescope"
grep -qx "Version: $version" "$scratch/fields" || fail "Version is not $version (project())"
grep -Eq "^Maintainer: .+ <[^ >]+@[^ >]+>$" "$scratch/fields" || fail "no Maintainer with an address"
for dependency in libc6 libstdc\\+\\+6 libqt6widgets6 libpng16-16 qt6-qpa-plugins; do
    grep -Eq "^Depends: (.*[ ,])?$dependency( |,|$)" "$scratch/fields" ||
        fail "Depends lacks $dependency (dpkg-shlibdeps should find it)"
done

step "lintian"
command -v lintian >/dev/null || fail "lintian is not installed (scripts/setup.sh test installs it)"
lintian --tag-display-limit 0 "$deb" >"$scratch/lintian.log" 2>&1 || true
cat "$scratch/lintian.log"
! grep -q "^E: " "$scratch/lintian.log" || fail "lintian reports errors"

step "dpkg -x into $scratch/root"
dpkg -x "$deb" "$scratch/root"
root=$scratch/root
prefix=$root/usr
assets=$prefix/share/shufflescope
for f in bin/shufflescope bin/shufflescope-cli share/applications/shufflescope.desktop \
    share/mime/packages/shufflescope.xml share/icons/hicolor/scalable/apps/shufflescope.svg \
    share/man/man1/shufflescope.1.gz share/man/man1/shufflescope-cli.1.gz \
    share/doc/shufflescope/copyright share/doc/shufflescope/changelog.gz \
    share/shufflescope/models/fashion-g3-shuffle.safetensors \
    share/shufflescope/samples/fashion-sneaker.png \
    share/shufflescope/lessons/04-channel-shuffle.lesson; do
    [[ -e $prefix/$f ]] || fail "the package has no /usr/$f"
done

# Run from elsewhere, so no relative path can help either.
cd "$scratch"
step "installed shufflescope-cli"
"$prefix/bin/shufflescope-cli" summary --preset fashion >"$scratch/summary.txt" ||
    fail "installed shufflescope-cli summary exited with $?"
grep -q "fashion, g=3, 0.5x" "$scratch/summary.txt" || fail "summary: unexpected output"
"$prefix/bin/shufflescope-cli" run --weights "$assets/models/fashion-g3-shuffle.safetensors" \
    --input "$assets/samples/fashion-sneaker.png" >"$scratch/run.txt" || fail "run exited with $?"
grep -q "1\. " "$scratch/run.txt" || fail "run: no prediction"
"$prefix/bin/shufflescope-cli" lesson list >"$scratch/lessons.txt" ||
    fail "installed shufflescope-cli lesson list exited with $?"
cat "$scratch/lessons.txt"
[[ $(grep -c "^    $assets/lessons/.*\.lesson$" "$scratch/lessons.txt") -eq 8 ]] ||
    fail "lesson list does not list the 8 installed lessons under $assets/lessons"

step "installed shufflescope --screenshot (Xvfb)"
"$check_screenshot" "$scratch/installed.png" 60000 "$with_display" "$prefix/bin/shufflescope" \
    --screenshot "$scratch/installed.png" --lesson channel-shuffle --lesson-step 3 \
    --size 1280x720
file "$scratch/installed.png" | grep -q "PNG image data, 1280 x 720" ||
    fail "the screenshot is not a 1280x720 PNG: $(file "$scratch/installed.png")"

step "desktop entry, manual pages, icons, file types"
desktop-file-validate "$prefix/share/applications/shufflescope.desktop" ||
    fail "desktop-file-validate"
"$check_man_pages" "$prefix"/share/man/man1/*.1.gz
for size in 16 22 24 32 48 64 128 256 512; do
    icon=$prefix/share/icons/hicolor/${size}x${size}/apps/shufflescope.png
    file "$icon" | grep -q "PNG image data, $size x $size" || fail "$icon is not ${size}x$size"
done
python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' \
    "$prefix/share/mime/packages/shufflescope.xml" || fail "the MIME types are not XML"
step "the package works when installed (done)"
