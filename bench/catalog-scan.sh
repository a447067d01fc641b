#!/usr/bin/env bash
# The fleet at catalog scale, as deployed: the built ingestion service and two worker processes over s3rver, RabbitMQ
# and PostgreSQL on loopback (bench/MixFleet.Benchmarks, mode catalog-scan). A bucket of TRACKS one-second WAVs in
# ALBUMS album folders is scanned twice, each time with a database, reports bucket and queues of its own:
#   clean  time to the 202, listing and publish rate, GET /v1/jobs/{id} latency p50/p99 (polled every 100 ms during
#          the run), end-to-end tracks/s, album-report writes and claims per album, each process's peak RSS;
#   kill   kill -9 of every process one second after the 202, a restart, and the job must complete with every track
#          settled and every album report in the bucket (exit status 1 otherwise).
#
#   bash bench/catalog-scan.sh [TRACKS] [ALBUMS] [WORKERS]      # default 20000 2000 2
#
# Uses MIXFLEET_S3_ENDPOINT / MIXFLEET_RABBITMQ / MIXFLEET_POSTGRES when set; otherwise starts them the way
# scripts/test.sh does (scripts/real-parts.sh) and stops them afterwards. Its PostgreSQL keeps fsync and synchronous
# commits on (MIXFLEET_PG_DURABLE=1), so commits cost what they cost in production. Process logs go to
# $TMPDIR/mixfleet-catalog-scan-<run>/. The figures are measurements, never assertions; run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
export MIXFLEET_PG_DURABLE="${MIXFLEET_PG_DURABLE:-1}"
# shellcheck source=scripts/real-parts.sh
source scripts/real-parts.sh

for project in services/MixFleet.Ingestion services/MixFleet.Worker bench/MixFleet.Benchmarks; do
  dotnet build -c Release -nologo -v q "$project" >/dev/null
done
export MIXFLEET_BENCH_INGESTION=$PWD/services/MixFleet.Ingestion/bin/Release/net10.0/MixFleet.Ingestion.dll
export MIXFLEET_BENCH_WORKER=$PWD/services/MixFleet.Worker/bin/Release/net10.0/MixFleet.Worker.dll
dotnet bench/MixFleet.Benchmarks/bin/Release/net10.0/MixFleet.Benchmarks.dll catalog-scan "${1:-20000}" "${2:-2000}" "${3:-2}"
