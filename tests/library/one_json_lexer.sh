#!/usr/bin/env bash
# nlohmann::json's lexer is compiled in one object of the library:
# json/parse_json.cpp, built alone even in a unity build. Any other object
# that parses (json::parse, sax_parse, accept) brings a copy of its own, and
# the linker keeps whichever it meets first: once it kept a copy compiled
# inside a unity batch, without its per-character calls inlined, and every
# answer took 30 % longer to decode (docs/benchmarks.md, section 11).
# Parse through detail::parse_json or detail::try_parse_json instead.
#
#   one_json_lexer.sh "OBJ1;OBJ2;..."      (the library's object files)
set -euo pipefail

IFS=';' read -r -a objects <<<"$1"
# nlohmann::json is basic_json<std::map, ...> (std::__1::map with libc++);
# ordered_json (cassettes) is another type.
lexer='detail::lexer<nlohmann::json_abi_v[0-9_]*::basic_json<std::(__[0-9a-z_]+::)?map'
home=0
strays=()
for object in "${objects[@]}"; do
  count=$(nm -C --defined-only "$object" | grep -cE "$lexer" || true)
  [ "$count" = 0 ] && continue
  case "$object" in
    */json/parse_json.cpp.o | */json/parse_json.cpp.obj) home=1 ;;
    *) strays+=("$object ($count symbols)") ;;
  esac
done

if [ "$home" = 0 ]; then
  echo "FAILED: json/parse_json.cpp's object defines no nlohmann::json lexer (${#objects[@]} objects read)" >&2
  exit 1
fi
if [ "${#strays[@]}" != 0 ]; then
  echo "FAILED: nlohmann::json's lexer is also compiled in:" >&2
  printf '  %s\n' "${strays[@]}" >&2
  exit 1
fi
echo "nlohmann::json's lexer: json/parse_json.cpp only (${#objects[@]} objects read)"
