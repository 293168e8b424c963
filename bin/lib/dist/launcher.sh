#!/usr/bin/env bash
# spec-kitty from a self-contained distribution (made by bin/dist): runs the bundled Java runtime
# only, never JAVA_HOME or a java on PATH. The JVM arguments are in lib/launch.args, generated at
# build time from bin/lib/fast-launch.sh (the same flags as the repository's launcher) with the
# AOT cache trained against this very runtime; @APP@ stands for this distribution's app/ directory.
set -euo pipefail
# A core dump of this process could hold a decrypted session: never write one.
ulimit -c 0 2>/dev/null || true

DIST="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SPEC_KITTY_LAUNCH_ARGS=()
while IFS= read -r arg; do
  # The cache install.sh trained where the distribution now lives, when there is one: the JVM checks
  # a moved cache's build-time paths again for every class it takes from it (docs/distribution.md).
  if [ "$arg" = "-XX:AOTCache=@APP@/spec-kitty.aot" ] && [ -f "$DIST/app/spec-kitty.local.aot" ]; then
    arg="-XX:AOTCache=@APP@/spec-kitty.local.aot"
  fi
  SPEC_KITTY_LAUNCH_ARGS+=("$arg")
done <"$DIST/lib/launch.args" # no mapfile: bash 3 too
exec "$DIST/runtime/bin/java" "${SPEC_KITTY_LAUNCH_ARGS[@]//@APP@/$DIST/app}" "$@"
