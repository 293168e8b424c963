#!/usr/bin/env bash
# Prepares the launcher's fast layout (the extracted jars merged into one + a JDK AOT cache from a
# training run) for the shell-app exec jar: bin/lib/build-fast-launch.sh [<exec jar>]. Waits for a
# concurrent build.
# bin/spec-kitty does this on first use; `./mvnw verify` / `install` run it (pre-integration-test).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
# shellcheck source=java-home.sh
source "$ROOT/bin/lib/java-home.sh"
spec_kitty_require_java_home
# shellcheck source=fast-launch.sh
source "$ROOT/bin/lib/fast-launch.sh"

JAR="${1:-}"
if [ -z "$JAR" ]; then
  for candidate in "$ROOT"/shell-app/target/shell-app-*-exec.jar; do
    [ -f "$candidate" ] && JAR="$candidate"
  done
fi
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "build-fast-launch: no shell-app exec jar (build first: ./mvnw -q -B -DskipTests install)" >&2; exit 2; }
JAR="$(readlink -f "$JAR")"

if spec_kitty_fast_launch_build "$JAR" wait; then
  echo "build-fast-launch: ready: $(dirname "$SPEC_KITTY_FAST_JAR")" >&2
else
  echo "build-fast-launch: failed; see $(spec_kitty_fast_launch_base "$JAR")/build.log" >&2
  exit 1
fi
