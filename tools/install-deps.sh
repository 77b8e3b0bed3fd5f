#!/usr/bin/env bash
# Installs what newsgraph needs to build and test on Debian 12, and only
# what is missing: the compiler and CMake, RE2, Boost.Graph, RapidJSON,
# libxml2, doctest, Google Benchmark, GNU parallel, and Node.js with npm for
# the JSON-LD interoperability tests.
set -euo pipefail

packages=(g++ cmake make pkg-config libre2-dev libboost-graph-dev rapidjson-dev libxml2-dev
          doctest-dev libbenchmark-dev parallel ca-certificates)
# Node.js: keep one that is already installed (any source); else Debian's.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
