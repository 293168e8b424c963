# shellcheck shell=bash
# Finds a JDK >= 25 and exports JAVA_HOME. Sourced by bin/spec-kitty, bin/test, bin/demo.

SPEC_KITTY_MIN_JAVA=25

# Sets SPEC_KITTY_JAVA_MAJOR to the major version of the JDK at $1 (empty if there is no usable java
# there). Reads the JDK's `release` file when there is one, into a variable rather than through a
# command substitution: this runs on every launch, and each fork is a few ms of a one-shot.
spec_kitty_java_major() {
  local java="$1/bin/java" line version=""
  SPEC_KITTY_JAVA_MAJOR=""
  [ -x "$java" ] || return 0
  if [ -f "$1/release" ]; then
    while IFS= read -r line; do
      case "$line" in JAVA_VERSION=*) version="${line#JAVA_VERSION=}"; version="${version//\"/}" ;; esac
    done <"$1/release"
    version="${version%%[!0-9]*}"
    if [ -n "$version" ]; then
      SPEC_KITTY_JAVA_MAJOR="$version"
      return 0
    fi
  fi
  SPEC_KITTY_JAVA_MAJOR="$("$java" -version 2>&1 | sed -n -E '1s/.*version "([0-9]+)(\.[0-9]+)*[^"]*".*/\1/p')"
}

spec_kitty_is_usable_jdk() {
  spec_kitty_java_major "$1"
  [ -n "$SPEC_KITTY_JAVA_MAJOR" ] && [ "$SPEC_KITTY_JAVA_MAJOR" -ge "$SPEC_KITTY_MIN_JAVA" ] \
    && [ -x "$1/bin/javac" -o -x "$1/bin/java" ]
}

# Sets and exports JAVA_HOME to the first JDK >= 25 found, or prints what to install and fails.
spec_kitty_require_java_home() {
  local candidate
  for candidate in "${JAVA_HOME:-}" \
      /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 \
      /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    if [ -n "$candidate" ] && spec_kitty_is_usable_jdk "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  # Last, the java on PATH (three forks, so only when nothing above matched).
  if command -v java >/dev/null 2>&1; then
    candidate="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    if spec_kitty_is_usable_jdk "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  echo "spec-kitty: no JDK ${SPEC_KITTY_MIN_JAVA} or newer found (looked at JAVA_HOME, /usr/lib/jvm, /opt/java, java on PATH)." >&2
  echo "Install a JDK ${SPEC_KITTY_MIN_JAVA}, e.g. Eclipse Temurin 25 (https://adoptium.net), and set JAVA_HOME to it." >&2
  return 1
}
