#!/usr/bin/env bash
# The ingestion service's SQS source, as deployed (bench/MixFleet.Benchmarks, mode sqs-ingestion): EVENTS S3
# notifications wait in a queue of fauxqs (the SQS-compatible server scripts/test.sh uses); the built ingestion service
# starts with POLLERS pollers on it, over PostgreSQL and RabbitMQ (no worker), and the rate at which the events become
# confirmed AnalyzeTrack commands in RabbitMQ is measured (overall and steady 10–90 %). Checks the count at the end.
#
#   bash bench/sqs-ingestion.sh [EVENTS] [POLLERS]      # default 10000 4
#
# Uses MIXFLEET_SQS_ENDPOINT / MIXFLEET_RABBITMQ / MIXFLEET_POSTGRES when set; otherwise starts them the way
# scripts/test.sh does (scripts/real-parts.sh) and stops them afterwards. Its PostgreSQL keeps fsync and synchronous
# commits on (MIXFLEET_PG_DURABLE=1). The figures are measurements, never assertions; fauxqs is an emulator, so they
# say what the service costs, not what AWS SQS delivers. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
export MIXFLEET_PG_DURABLE="${MIXFLEET_PG_DURABLE:-1}"
# shellcheck source=scripts/real-parts.sh
source scripts/real-parts.sh

for project in services/MixFleet.Ingestion bench/MixFleet.Benchmarks; do
  dotnet build -c Release -nologo -v q "$project" >/dev/null
done
export MIXFLEET_BENCH_INGESTION=$PWD/services/MixFleet.Ingestion/bin/Release/net10.0/MixFleet.Ingestion.dll
dotnet bench/MixFleet.Benchmarks/bin/Release/net10.0/MixFleet.Benchmarks.dll sqs-ingestion "${1:-10000}" "${2:-4}"
