#!/usr/bin/env bash
# A/B include cost: compiles each bench/include_cost file RUNS times against
# each header tree given (interleaved, so that machine noise hits both alike)
# and prints the median seconds of `-std=c++17 -O3 -c`.
#
#   bench/include_cost/measure.sh RUNS NAME=INCLUDE_DIRS... [-- FILES...]
#   e.g. measure.sh 11 before=/tmp/old/include:build/include after=include:build/include
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="$1"; shift
trees=()
while [[ $# -gt 0 && "$1" != "--" ]]; do trees+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
files=("$@")
[[ ${#files[@]} -eq 0 ]] && files=(paradigm_client paradigm_turn_copy)
cxx="${CXX:-c++}"
declare -A times
for ((rep = 0; rep < runs; ++rep)); do
  for tree in "${trees[@]}"; do
    name="${tree%%=*}"
    includes=()
    IFS=: read -r -a dirs <<<"${tree#*=}"
    for dir in "${dirs[@]}"; do includes+=(-I "$dir"); done
    for file in "${files[@]}"; do
      start=$(date +%s%N)
      "$cxx" -std=c++17 -O3 -DNDEBUG -DPARADIGM_STATIC_DEFINE "${includes[@]}" -c "$here/$file.cpp" -o /dev/null
      end=$(date +%s%N)
      times["$name $file"]+="$(((end - start) / 1000000)) "
    done
  done
done
for key in "${!times[@]}"; do
  median=$(tr ' ' '\n' <<<"${times[$key]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-40s median %5d ms of %s\n' "$key" "$median" "$runs"
done | sort
