#!/usr/bin/env bash
# Checks the shared library's interface to the outside world:
#   - no exported symbol is named in curl_*, nlohmann::, httplib:: or
#     paradigm::detail:: (the implementation stays private; a user may link
#     another nlohmann/json or libcurl without clashing with ours);
#   - the SONAME is libparadigm.so.0.MINOR while the major version is 0
#     (every 0.x release may break the ABI), libparadigm.so.MAJOR after.
#
#   check_exports.sh LIBRARY VERSION        e.g. build/src/libparadigm.so 0.2.0
#
# "Named" means the entity itself, after demangling: `typeinfo for X`, the
# return type of a template and the parameter list are not its name, so the
# public paradigm::to_json(nlohmann::json&, ...) is fine, and so is
# std::vector<paradigm::Turn>; std::vector<nlohmann::json> would not be.
set -euo pipefail

library="$1"
version="$2"
major="${version%%.*}"
minor="${version#*.}"
minor="${minor%%.*}"

fail=0

if [ "$major" = 0 ]; then expected="libparadigm.so.0.$minor"; else expected="libparadigm.so.$major"; fi
soname=$(readelf -d "$library" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
if [ "$soname" != "$expected" ]; then
  echo "FAILED: SONAME is '$soname', expected '$expected' for version $version" >&2
  fail=1
fi

# The entity name of each demangled dynamic symbol, one per line.
entities() {
  nm -D --defined-only -C "$library" | cut -d' ' -f3- | awk '
    {
      s = $0
      # Special symbols name the entity after a prefix.
      sub(/^(typeinfo name for |typeinfo for |vtable for |VTT for |construction vtable for |guard variable for |non-virtual thunk to |virtual thunk to |covariant return thunk to |TLS init function for |TLS wrapper function for |transaction clone for )/, "", s)
      # Operators would confuse the bracket counting below.
      gsub(/operator [^(]+/, "operator_", s)
      gsub(/operator(<<=|>>=|<=>|<<|>>|<=|>=|->\*|->|<|>|\(\)|\[\])/, "operator_", s)
      gsub(/operator_ </, "operator_<", s)  # operator< <int>: a template argument list
      # The name ends at the parameter list; a return type ends at a space,
      # both outside any <...>.
      depth = 0; start = 1; stop = length(s)
      for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "<") depth++
        else if (c == ">") depth--
        else if (depth == 0 && c == " ") start = i + 1
        else if (depth == 0 && c == "(") { stop = i - 1; break }
      }
      print substr(s, start, stop - start + 1)
    }'
}

names=$(entities)
if ! grep -qx 'paradigm::version' <<< "$names"; then
  echo "FAILED: paradigm::version() is not exported: is $library the paradigm library?" >&2
  fail=1
fi
leaked=$(grep -E '^[Cc]url_|nlohmann::|httplib::|paradigm::detail::' <<< "$names" | sort -u || true)
if [ -n "$leaked" ]; then
  echo "FAILED: $(wc -l <<< "$leaked") internal symbols exported from $library, e.g.:" >&2
  head -n 10 <<< "$leaked" | cut -c1-200 >&2
  fail=1
fi

[ "$fail" = 0 ] && echo "$library: SONAME $soname, $(wc -l <<< "$names") exported symbols, none internal"
exit "$fail"
