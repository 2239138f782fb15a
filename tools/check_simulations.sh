#!/usr/bin/env bash
# Regenerate every cached simulation output (make simulations) and fail if data/ then differs from
# the committed files: the outputs are bit-for-bit functions of the code and the seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
make simulations
if git diff --exit-code --stat -- data/; then
  echo "check_simulations: data/ regenerated bit for bit"
else
  echo "check_simulations: the regenerated data/ differ from git (above); commit them with the code that made them" >&2
  exit 1
fi
