#!/usr/bin/env bash
# Fleet throughput on the real parts, all on loopback: the worker in process (as services/MixFleet.Worker builds it)
# over s3rver and RabbitMQ, on buckets and queues of its own that it deletes afterwards (bench/MixFleet.Benchmarks,
# mode fleet-throughput). Prints the analysis time alone, the latency AnalyzeTrack sent → TrackAnalyzed received
# with one track in flight (its difference: the per-track overhead of S3 + broker + report write), and the throughput
# (tracks/s, audio-seconds/s) with one worker host and with two on the same queue.
#
#   bash bench/fleet-throughput.sh [TRACKS] [SECONDS]      # default 20 tracks of 5 s
#
# Uses MIXFLEET_S3_ENDPOINT / MIXFLEET_RABBITMQ when set (your own servers; S3 keys MIXFLEET_S3_ACCESS_KEY/SECRET_KEY,
# default S3RVER) and MIXFLEET_POSTGRES; otherwise starts s3rver, RabbitMQ and PostgreSQL the way scripts/test.sh does
# (scripts/real-parts.sh) and stops them afterwards; its PostgreSQL keeps fsync and synchronous commits on
# (MIXFLEET_PG_DURABLE=1, unlike the tests), so commits cost what they cost in production. Run it on an otherwise idle
# machine: the figures are measurements, never assertions.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
export MIXFLEET_PG_DURABLE="${MIXFLEET_PG_DURABLE:-1}"
# shellcheck source=scripts/real-parts.sh
source scripts/real-parts.sh

dotnet build -c Release -nologo -v q bench/MixFleet.Benchmarks >/dev/null
dotnet bench/MixFleet.Benchmarks/bin/Release/net10.0/MixFleet.Benchmarks.dll fleet-throughput "${1:-20}" "${2:-5}"
