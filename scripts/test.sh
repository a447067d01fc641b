#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need when it is missing (ffmpeg/ffprobe for compressed
# formats, loudgain as the libebur128 reference meter, chromium to render the HTML report, node/npm for s3rver and
# fauxqs (the SQS emulator, with node@22 from npm beside it),
# rabbitmq-server for the fleet's integration tests, postgresql for the fleet's job state). It starts the
# S3-compatible server the storage tests use (s3rver on loopback), the SQS-compatible server of the SQS source's tests
# (fauxqs on loopback), when no broker answers on 127.0.0.1:5672, RabbitMQ
# on loopback in a throw-away data directory, and a throw-away PostgreSQL cluster on loopback (a free port, fsync off;
# skipped when MIXFLEET_POSTGRES is set); on exit it stops what it started (a broker it did not start is used and
# left alone).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
command -v loudgain >/dev/null 2>&1 || missing+=(loudgain)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)   # renders the HTML report in a test
# Deployment files (compose, k8s, helm): static checks in about a second, before anything is started; no Docker
# engine or cluster needed (scripts/validate-deploy.sh says what it checks and what it cannot).
bash scripts/validate-deploy.sh

# s3rver, RabbitMQ and PostgreSQL on loopback (and node/npm, rabbitmq-server, postgresql when missing):
# MIXFLEET_S3_ENDPOINT, MIXFLEET_SQS_ENDPOINT (fauxqs), MIXFLEET_RABBITMQ, MIXFLEET_POSTGRES.
# shellcheck source=scripts/real-parts.sh
source scripts/real-parts.sh

log=$(mktemp)
set +e
dotnet test MixFleet.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The short chaos run (bench/chaos.sh --short, about two minutes): kill -9 of the ingestion service and of workers, S3
# and RabbitMQ outages and a PostgreSQL crash restart during one job, on parts of its own; 0 lost, 0 stuck, nothing in
# _error, or the run fails.
chaos=0
if [ "$status" -eq 0 ]; then
  bash bench/chaos.sh --short || chaos=$?
fi

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped; chaos run: $([ "$status" -ne 0 ] && echo "not run" || ([ "$chaos" -eq 0 ] && echo passed || echo FAILED))"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
[ "$status" -eq 0 ] && status=$chaos
exit "$status"
