#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks use, when they are missing:
# independent real clients (python3-grpcio, python3-boto3), PostgreSQL for the multi-node store,
# jq for the log-file benchmark, Chromium to render the report. The .NET SDK is assumed present.
set -euo pipefail
packages=(python3-grpcio python3-grpc-tools python3-boto3 python3-botocore postgresql jq chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
