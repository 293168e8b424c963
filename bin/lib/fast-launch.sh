# shellcheck shell=bash
# The launcher's fast layout for one build of shell-app: the exec jar extracted (`-Djarmode=tools
# extract`) and merged into one jar (bin/lib/JarMerge.java: one jar to open instead of 55), plus a JDK AOT cache (JEP 483/514/515) recorded by a training run (logged-in `auth status`,
# `auth whoami`, `auth status --short`), used
# with the Spring AOT bean definitions (`-Dspring.aot.enabled=true`). Sourced by bin/spec-kitty and
# bin/lib/build-fast-launch.sh; needs JAVA_HOME set (bin/lib/java-home.sh). See docs/performance.md.
#
# Layout: shell-app/target/fast-launch/<key>/{app/<exec jar name> (the merged jar), app/spec-kitty.aot, stamp}.
# The key is cheap to compute on every launch (no fork but one `stat`): the exec jar's size and
# mtime in ns, and the JDK's runtime version. A rebuilt jar or another JDK gives another key, so a
# stale layout is never used; `stamp` is written last, only after the cache was verified, and
# records the jar's SHA-256, the JDK and the directory the cache was trained in.

# Every launch, the one list of JVM flags (a jlink distribution reuses it; docs/performance.md has
# the measurements behind each):
# - JVM warnings (e.g. a rejected AOT cache) go to stderr, never stdout;
# - C1 only, the serial GC: C2 and G1 set-up cannot pay back in a process of a few hundred ms;
# - C1 compiles only what runs 10x as often as by default (-XX:CompileThresholdScaling=10): most
#   methods of a one-shot run a few times, and compiling them cost more CPU than interpreting;
# - no hsperfdata file (-XX:-UsePerfData): nothing reads it, and it is a file and a mapping per process;
# - native access (SQLite, Netty, OpenSSL's scrypt through FFM) granted on the command line as well
#   as in the manifest, so the AOT cache also matches a launch with -cp (the black-box tests put
#   their hermetic guard beside the app that way; the cache records it).
SPEC_KITTY_JVM_FLAGS=(-Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
  -XX:CompileThresholdScaling=10 -XX:-UsePerfData --enable-native-access=ALL-UNNAMED)
# Bump when the training run, the flags or the layout change: old layouts then stop matching.
SPEC_KITTY_FAST_LAUNCH_LAYOUT=4
# The training run's main class: auth status, auth whoami and auth status --short in one JVM, on a
# throwaway home holding a placeholder session (dev.speckitty.shell.FastLaunchTraining).
SPEC_KITTY_FAST_LAUNCH_TRAINING_MAIN=dev.speckitty.shell.FastLaunchTraining
SPEC_KITTY_FAST_LAUNCH_AOT_NAME=spec-kitty.aot
# The fast layout starts the merged jar with `-cp <jar> <main class>`, not `-jar <jar>`: the java
# launcher opens a -jar jar once for its manifest and, closed again, the class path opens it anew,
# reading its 19,000-entry central directory twice (~15 ms CPU per one-shot; docs/performance.md,
# fourth round). The exec jar's Main-Class; the verification below fails if they differ.
SPEC_KITTY_MAIN_CLASS=dev.speckitty.shell.SpecKittyApplication
# The tool that merges the extracted jars, a single-file program run by the java launcher, which
# compiles it (so it needs a JDK's jdk.compiler: a jlink runtime sets SPEC_KITTY_FAST_LAUNCH_TOOL_JAVA).
SPEC_KITTY_FAST_LAUNCH_MERGE_TOOL="${BASH_SOURCE[0]%/*}/JarMerge.java"

# Sets SPEC_KITTY_FAST_LAUNCH_KEY to the key of the exec jar at $1 and JAVA_HOME, or fails (no stat,
# no release file). A variable, not printed: a command substitution would fork on every launch.
spec_kitty_fast_launch_key() {
  local jar="$1" line runtime="" stat_out
  [ -f "$JAVA_HOME/release" ] || return 1
  while IFS= read -r line; do
    case "$line" in JAVA_RUNTIME_VERSION=*) runtime="${line#JAVA_RUNTIME_VERSION=}"; runtime="${runtime//\"/}" ;; esac
  done <"$JAVA_HOME/release"
  [ -n "$runtime" ] || return 1
  stat_out="$(stat -c '%s-%.9Y' "$jar" 2>/dev/null)" || return 1
  case "$stat_out" in *[!0-9.-]*|"") return 1 ;; esac
  SPEC_KITTY_FAST_LAUNCH_KEY="v${SPEC_KITTY_FAST_LAUNCH_LAYOUT}-${stat_out}-${runtime//[^A-Za-z0-9.+_-]/_}"
}

# The directory holding every layout of the exec jar at $1.
spec_kitty_fast_launch_base() {
  echo "${1%/*}/fast-launch"
}

# Succeeds when a verified layout matches the exec jar at $1 and this JDK; sets
# SPEC_KITTY_FAST_JAR (the merged jar), SPEC_KITTY_FAST_FLAGS (the extra JVM flags) and
# SPEC_KITTY_FAST_START (what starts it: -cp <merged jar> <main class>; the CLI's arguments follow).
spec_kitty_fast_launch_ready() {
  local jar="$1" key dir line stamp_dir="" stamp_java=""
  spec_kitty_fast_launch_key "$jar" || return 1
  key="$SPEC_KITTY_FAST_LAUNCH_KEY"
  dir="${jar%/*}/fast-launch/$key"
  [ -f "$dir/stamp" ] || return 1
  while IFS= read -r line; do
    case "$line" in
      dir=*) stamp_dir="${line#dir=}" ;;
      java_home=*) stamp_java="${line#java_home=}" ;;
    esac
  done <"$dir/stamp"
  # A moved checkout or another JDK at the same version: the cache would be rejected (with a JVM
  # warning on stderr), so do not use it at all.
  [ "$stamp_dir" = "$dir" ] && [ "$stamp_java" = "$JAVA_HOME" ] || return 1
  [ -f "$dir/app/${jar##*/}" ] && [ -f "$dir/app/$SPEC_KITTY_FAST_LAUNCH_AOT_NAME" ] || return 1
  SPEC_KITTY_FAST_JAR="$dir/app/${jar##*/}"
  SPEC_KITTY_FAST_FLAGS=(-XX:AOTCache="$dir/app/$SPEC_KITTY_FAST_LAUNCH_AOT_NAME" -Dspring.aot.enabled=true)
  SPEC_KITTY_FAST_START=(-cp "$SPEC_KITTY_FAST_JAR" "$SPEC_KITTY_MAIN_CLASS")
  return 0
}

# Builds the layout for the exec jar at $1 (no-op when it is ready). $2: "wait" to wait for a
# concurrent build and retry a failed one (explicit builds); "nowait" (the launcher) gives up at
# once if another process is building and does not retry a build that failed for this key. $3: a
# note for stderr, printed only by the process that builds. Output goes to <base>/build.log;
# returns non-zero if no verified layout exists afterwards.
spec_kitty_fast_launch_build() {
  local jar="$1" mode="${2:-nowait}" note="${3:-}" key base log status=0
  spec_kitty_fast_launch_ready "$jar" && return 0
  spec_kitty_fast_launch_key "$jar" || return 1
  key="$SPEC_KITTY_FAST_LAUNCH_KEY"
  base="$(spec_kitty_fast_launch_base "$jar")"
  if [ "$mode" != wait ] && [ -f "$base/$key.failed" ]; then
    return 1
  fi
  mkdir -p "$base" 2>/dev/null && [ -w "$base" ] || return 1
  log="$base/build.log"
  (
    if command -v flock >/dev/null 2>&1; then
      if [ "$mode" = wait ]; then flock -w 300 9 || exit 3; else flock -n 9 || exit 3; fi
    fi
    spec_kitty_fast_launch_ready "$jar" && exit 0 # built by the process we waited for
    [ -n "$note" ] && echo "$note" >&8
    : >"$log"
    rm -f "$base/$key.failed"
    _spec_kitty_fast_launch_build_locked "$jar" "$base" "$key" || { touch "$base/$key.failed"; exit 1; }
  ) 9>"$base/.lock" 8>&2 >>"$log" 2>&1 || status=$?
  [ "$status" -eq 0 ] && spec_kitty_fast_launch_ready "$jar"
}

# _spec_kitty_fast_launch_run <dir> <name> <java args...>: one run on a fresh throwaway home in a
# clean environment (no hosted URL, no SPEC_KITTY_* setting); <dir>/<name>.{out,err,rc}.
_spec_kitty_fast_launch_run() {
  local dir="$1" name="$2" code=0
  shift 2
  rm -rf "$dir/home" && mkdir -p "$dir/home" || return 1
  env -i PATH="$PATH" HOME="$dir" SPEC_KITTY_HOME="$dir/home" LANG="${LANG:-C.UTF-8}" \
    "$JAVA_HOME/bin/java" "$@" >"$dir/$name.out" 2>"$dir/$name.err" </dev/null || code=$?
  echo "$code" >"$dir/$name.rc"
}

# Runs in a subshell holding the lock; every step checks its own result (set -e does not apply
# on the left of `||`).
_spec_kitty_fast_launch_build_locked() {
  local jar="$1" base="$2" key="$3" java="$JAVA_HOME/bin/java"
  local dir="$base/$key" train app_jar aot sha
  echo "fast-launch: building $dir from $jar ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
  rm -rf "$dir" && mkdir -p "$dir/app" || return 1
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir/extracted" </dev/null || { rm -rf "$dir"; return 1; }
  app_jar="$dir/app/${jar##*/}"
  aot="$dir/app/$SPEC_KITTY_FAST_LAUNCH_AOT_NAME"
  [ -f "$dir/extracted/${jar##*/}" ] || { echo "fast-launch: extract made no $dir/extracted/${jar##*/}"; rm -rf "$dir"; return 1; }
  # The app jar and the jars of its Class-Path merged into one, in class-path order; a class in two
  # jars with different bytes fails the build (JarMerge names it).
  "${SPEC_KITTY_FAST_LAUNCH_TOOL_JAVA:-$java}" "$SPEC_KITTY_FAST_LAUNCH_MERGE_TOOL" "$dir/extracted/${jar##*/}" "$app_jar" \
    </dev/null || { echo "fast-launch: merging the extracted jars failed"; rm -rf "$dir"; return 1; }
  rm -rf "$dir/extracted"
  train="$dir/training"
  # Training run: the one-shots users run most (logged in, a session to decrypt) on a throwaway home,
  # no hosted URL, a clean environment; started with -cp as every launch starts it.
  _spec_kitty_fast_launch_run "$train" training "${SPEC_KITTY_JVM_FLAGS[@]}" -Dspring.aot.enabled=true \
    -XX:AOTCacheOutput="$aot" -cp "$app_jar" "$SPEC_KITTY_FAST_LAUNCH_TRAINING_MAIN"
  if [ ! -s "$aot" ] || [ "$(cat "$train/training.rc")" != 0 ]; then
    echo "fast-launch: the training run failed (exit $(cat "$train/training.rc")) or wrote no AOT cache; its stderr:"
    cat "$train/training.err"
    rm -rf "$dir"; return 1
  fi
  # Verification: the merged jar with the cache and Spring AOT, `auth status` and `help` (every
  # command must be registered) print exactly what the plain jar prints, with the same exit code, and nothing at
  # all on stderr (a JVM warning there means the cache was rejected: not worth using).
  local name
  for name in status help; do
    local -a words=(auth status)
    [ "$name" = help ] && words=(help)
    _spec_kitty_fast_launch_run "$train" "$name.expected" "${SPEC_KITTY_JVM_FLAGS[@]}" -jar "$jar" "${words[@]}"
    _spec_kitty_fast_launch_run "$train" "$name.actual" "${SPEC_KITTY_JVM_FLAGS[@]}" -Dspring.aot.enabled=true \
      -XX:AOTCache="$aot" -cp "$app_jar" "$SPEC_KITTY_MAIN_CLASS" "${words[@]}"
    if ! cmp -s "$train/$name.expected.out" "$train/$name.actual.out" \
        || ! cmp -s "$train/$name.expected.rc" "$train/$name.actual.rc" || [ -s "$train/$name.actual.err" ]; then
      echo "fast-launch: verification of '${words[*]}' failed. Plain jar (exit $(cat "$train/$name.expected.rc")):"
      cat "$train/$name.expected.out"
      echo "Fast layout (exit $(cat "$train/$name.actual.rc")), stdout:"; cat "$train/$name.actual.out"
      echo "stderr:"; cat "$train/$name.actual.err"
      rm -rf "$dir"; return 1
    fi
  done
  rm -rf "$train"
  sha="$(sha256sum "$jar" 2>/dev/null | cut -d' ' -f1)"
  {
    echo "# spec-kitty fast launch layout; written after a verified training run"
    echo "key=$key"
    echo "dir=$dir"
    echo "jar=$jar"
    echo "jar_sha256=$sha"
    echo "app=app/${jar##*/}: the extracted jars merged by bin/lib/JarMerge.java"
    echo "java_home=$JAVA_HOME"
    echo "flags=${SPEC_KITTY_JVM_FLAGS[*]} -Dspring.aot.enabled=true -XX:AOTCache=app/$SPEC_KITTY_FAST_LAUNCH_AOT_NAME -cp app/${jar##*/} $SPEC_KITTY_MAIN_CLASS"
    echo "training=$SPEC_KITTY_FAST_LAUNCH_TRAINING_MAIN: auth status, auth whoami, auth status --short (placeholder session, clean environment)"
    echo "verified=auth status, help: same stdout and exit code as the plain jar, empty stderr"
    echo "built_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } >"$dir/stamp.tmp" && mv "$dir/stamp.tmp" "$dir/stamp" || return 1
  # Layouts of older builds: removed once no launcher can still be starting from them.
  find "$base" -mindepth 1 -maxdepth 1 -name 'v*' ! -name "$key" -mmin +10 -exec rm -rf {} + 2>/dev/null
  echo "fast-launch: ready ($(du -sh "$dir" | cut -f1))"
  return 0
}
