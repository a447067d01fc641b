#!/usr/bin/env bash
# The control plane alone, without the analysis (bench/MixFleet.Benchmarks, mode control-plane): one scan job of TRACKS
# tracks recorded through the real job store, then one TrackAnalyzed / TrackFailed per track published to the real
# RabbitMQ, settled into the real PostgreSQL by HOSTS hosts of the settlement consumer (as the worker hosts it), with
# every album's aggregation claimed once. Prints settlements/s (overall and steady, 10–90 %) and album claims/s.
#
#   bash bench/control-plane.sh [TRACKS] [TRACKS_PER_ALBUM] [HOSTS]      # default 100000 10 2
#
# Uses MIXFLEET_RABBITMQ / MIXFLEET_POSTGRES when set; otherwise starts them the way scripts/test.sh does
# (scripts/real-parts.sh) and stops them afterwards. Its PostgreSQL keeps fsync and synchronous commits on
# (MIXFLEET_PG_DURABLE=1). Published events reach every settlement queue on the broker's virtual host: run it alone
# (no other fleet on the same virtual host), on an otherwise idle machine. The figures are measurements, never assertions.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
export MIXFLEET_PG_DURABLE="${MIXFLEET_PG_DURABLE:-1}"
# shellcheck source=scripts/real-parts.sh
source scripts/real-parts.sh

dotnet build -c Release -nologo -v q bench/MixFleet.Benchmarks >/dev/null
dotnet bench/MixFleet.Benchmarks/bin/Release/net10.0/MixFleet.Benchmarks.dll control-plane "${1:-100000}" "${2:-10}" "${3:-2}"
