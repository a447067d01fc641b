#!/usr/bin/env bash
# Publishes the mixfleet CLI for linux-x64 as one native executable (Native AOT) or as a ReadyToRun app.
#
#   bash scripts/publish-cli.sh [--aot | --ready-to-run] [--native] [--output DIR] [--install-toolchain]
#
#   --aot             Native AOT: one self-contained executable, no .NET runtime needed where it runs, start-up
#                     without JIT (docs/performance.md, "Start-up"). Needs a C toolchain to link: clang, or gcc when
#                     clang is missing. Every trim/AOT warning fails the publish.
#   --ready-to-run    ReadyToRun (precompiled IL, framework-dependent): needs the .NET 10 runtime where it runs.
#   (neither)         Native AOT when clang or gcc is installed, ReadyToRun otherwise.
#   --native          Native AOT for this machine's CPU (e.g. AVX-512), as the JIT compiles for the CPU it runs on:
#                     the fastest build here (the benches use it), but it may not start on another CPU. Without it
#                     Native AOT targets x86-64-v3 (AVX2/FMA), the portable build to ship.
#   --output DIR      Where to put it (default: artifacts/mixfleet). The executable is DIR/mixfleet.
#   --install-toolchain  apt-get install clang first when it is missing (root or sudo).
#
# The last line of standard output is "aot DIR/mixfleet" or "ready-to-run DIR/mixfleet": what was published, where.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=auto
output=artifacts/mixfleet
install=0
native=0
while [ $# -gt 0 ]; do
  case "$1" in
    --aot) mode=aot; shift ;;
    --ready-to-run|--r2r) mode=ready-to-run; shift ;;
    --output|-o) output=$2; shift 2 ;;
    --install-toolchain) install=1; shift ;;
    --native) native=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "publish-cli.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi; }

if [ "$install" -eq 1 ] && ! command -v clang >/dev/null 2>&1; then
  echo "publish-cli.sh: installing clang (Debian package)" >&2
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends clang >/dev/null
fi

# Native AOT links with clang by default; gcc links it as well (CppCompilerAndLinker=gcc).
linker=
if command -v clang >/dev/null 2>&1; then
  linker=clang
elif command -v gcc >/dev/null 2>&1; then
  linker=gcc
fi

if [ "$mode" = auto ]; then
  if [ -n "$linker" ]; then mode=aot; else mode=ready-to-run; fi
fi

rm -rf "$output"
case "$mode" in
  aot)
    if [ -z "$linker" ]; then
      echo "publish-cli.sh: --aot needs clang or gcc to link (apt-get install clang, or pass --install-toolchain)" >&2
      exit 1
    fi
    isa=x86-64-v3
    [ "$native" -eq 1 ] && isa=native
    echo "publish-cli.sh: publishing services/MixFleet.Cli, Native AOT (linux-x64, instruction set $isa, linked with $linker)" >&2
    dotnet publish services/MixFleet.Cli -c Release -nologo -v q -r linux-x64 -p:PublishAot=true -p:IlcInstructionSet="$isa" \
      -p:CppCompilerAndLinker="$linker" -p:PublishDocumentationFiles=false -o "$output" >&2
    ;;
  ready-to-run)
    echo "publish-cli.sh: publishing services/MixFleet.Cli, ReadyToRun (linux-x64, framework-dependent)" >&2
    dotnet publish services/MixFleet.Cli -c Release -nologo -v q -r linux-x64 --self-contained false \
      -p:PublishReadyToRun=true -p:PublishDocumentationFiles=false -o "$output" >&2
    ;;
esac

[ -x "$output/mixfleet" ] || { echo "publish-cli.sh: $output/mixfleet not found after the publish" >&2; exit 1; }
echo "$mode $output/mixfleet"
