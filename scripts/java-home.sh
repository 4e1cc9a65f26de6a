# Sourced by ./achatlas, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# The machine's default java may be older (17 here); we look at JAVA_HOME, then /usr/lib/jvm, then PATH.
_achatlas_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1
}
_achatlas_pick_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/*; do [ -x "$d/bin/javac" ] && candidates+=("$d"); done
  if command -v javac >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"); fi
  local best="" best_major=0 major
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(_achatlas_java_major "$c")
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$c"; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "Achatlas needs a JDK 21 or newer (none found in JAVA_HOME, /usr/lib/jvm or PATH)." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
_achatlas_pick_jdk
