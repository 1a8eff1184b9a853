#!/usr/bin/env bash
# Builds metrics-exporter for deployment and prints the binary's path:
#
#   scripts/build-exporter.sh [extra swift build arguments]
#
# A release build, statically linked (the Swift runtime, Foundation and glibc are linked in, so it
# runs without a Swift toolchain on the host), without debug information, with every Swift and C
# function in its own section, laid out by lld from the files in scripts/exporter-layout/: the
# code a running exporter executes sits together at the front of the text segment instead of
# spread over 15 MB of it. The kernel maps code in whole page-cache folios (up to 2 MB), so each
# stray call into cold code costs a folio of resident memory (README, "Building it for
# deployment"). `swift build -c release` builds the same program without the layout.
#
# EXPORTER_SCRATCH_PATH: the build directory (default .build/deployment).
# EXPORTER_LAYOUT: the directory of metrics-exporter.order and metrics-exporter-sections.ld
#   (default scripts/exporter-layout; scripts/generate-exporter-layout.py points it elsewhere).
set -euo pipefail

repository="$(cd "$(dirname "$0")/.." && pwd)"
layout="${EXPORTER_LAYOUT:-$repository/scripts/exporter-layout}"
scratch="${EXPORTER_SCRATCH_PATH:-$repository/.build/deployment}"
arguments=(
    --package-path "$repository" --scratch-path "$scratch" -c release
    -Xswiftc -static-executable -Xswiftc -use-ld=lld
    -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections
    -Xlinker --symbol-ordering-file="$layout/metrics-exporter.order" -Xlinker --no-warn-symbol-ordering
    -Xlinker -T -Xlinker "$layout/metrics-exporter-sections.ld"
    -Xlinker --strip-debug
    "$@"
)

binary="$(swift build "${arguments[@]}" --show-bin-path)/metrics-exporter"
rm -f "$binary" # SwiftPM relinks on changed sources, not on a changed layout file
swift build "${arguments[@]}" --product metrics-exporter >&2
echo "$binary"
