#!/usr/bin/env bash
# Validates the deployment files without a Docker engine or a cluster (none exist on the dev/CI machines):
#  - docker-compose config -q with the variables of .env.example (copied to a temporary env file),
#  - yamllint -s (config: .yamllint) on docker-compose.yml, deploy/compose, k8s/ and the chart's values.yaml/Chart.yaml,
#  - k8s/: kubectl apply --dry-run=client only when an API server answers (client dry-run still needs API discovery
#    to map kinds); otherwise every document is parsed with python3-yaml and checked for apiVersion, kind,
#    metadata.name and the mixfleet namespace,
#  - helm/mixfleet/templates: no helm binary here (not in Debian), so the templates are not rendered; every
#    `.Values.a.b` they reference must exist in values.yaml.
# Installs docker-compose, yamllint and (only when no kubectl exists) kubernetes-client from Debian, as root.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
# Debian's python3 (yamllint's), not a pyenv one that may lack PyYAML.
/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 || missing+=(python3-yaml)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "validate-deploy: installing ${missing[*]} (Debian packages)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

env_file=$(mktemp)
trap 'rm -f "$env_file"' EXIT
cp .env.example "$env_file"

echo "validate-deploy: docker-compose config"
docker-compose --env-file "$env_file" -f docker-compose.yml config -q

echo "validate-deploy: yamllint"
yamllint -s docker-compose.yml deploy/compose k8s helm/mixfleet/values.yaml helm/mixfleet/Chart.yaml .yamllint

echo "validate-deploy: k8s manifests"
if kubectl version --request-timeout=3s >/dev/null 2>&1; then
  kubectl apply --dry-run=client --validate=false -f k8s/ >/dev/null
  echo "validate-deploy: kubectl apply --dry-run=client passed (API server answered)"
else
  /usr/bin/python3 - <<'PY'
import glob, sys, yaml
errors, count = [], 0
for path in sorted(glob.glob("k8s/*.yaml")):
    with open(path, encoding="utf-8") as f:
        for doc in yaml.safe_load_all(f):
            if doc is None:
                continue
            count += 1
            meta = doc.get("metadata") or {}
            where = f"{path}: {doc.get('kind')}/{meta.get('name')}"
            if not doc.get("apiVersion") or not doc.get("kind") or not meta.get("name"):
                errors.append(f"{where}: apiVersion, kind and metadata.name are required")
            if doc.get("kind") != "Namespace" and meta.get("namespace") != "mixfleet":
                errors.append(f"{where}: metadata.namespace must be mixfleet")
            if doc.get("kind") == "Deployment":
                spec = doc["spec"]
                labels = spec["template"]["metadata"]["labels"]
                for k, v in spec["selector"]["matchLabels"].items():
                    if labels.get(k) != v:
                        errors.append(f"{where}: selector {k}={v} does not match the pod labels")
if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(1)
print(f"validate-deploy: {count} k8s documents parsed and checked (no API server: kubectl client dry-run needs one)")
PY
fi

echo "validate-deploy: helm values references"
/usr/bin/python3 - <<'PY'
import glob, re, sys, yaml
with open("helm/mixfleet/values.yaml", encoding="utf-8") as f:
    values = yaml.safe_load(f)
missing = []
for path in sorted(glob.glob("helm/mixfleet/templates/*")):
    text = open(path, encoding="utf-8").read()
    for ref in sorted(set(re.findall(r"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)", text))):
        node = values
        for part in ref.strip(".").split("."):
            if not isinstance(node, dict) or part not in node:
                missing.append(f"{path}: .Values{ref} is not in values.yaml")
                break
            node = node[part]
if missing:
    print("\n".join(missing), file=sys.stderr)
    sys.exit(1)
print("validate-deploy: every .Values reference of the chart's templates exists in values.yaml")
PY
echo "validate-deploy: OK (not run here: docker build, docker compose up, helm template/lint, a real cluster)"
