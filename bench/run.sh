#!/usr/bin/env bash
# spec-kitty benchmark: prints tables measured side by side in one run on this machine.
#
#   bench/run.sh                      # startup + oneshot + kdf + burst + presence
#   bench/run.sh startup              # one section (startup | oneshot | kdf | startup-steps | burst | presence | sync | all)
#   BENCH_RUNS=20 bench/run.sh startup-steps
#
# Sections
#   startup        `auth status` one-shot start-up, median and min over BENCH_RUNS (>= 10) runs:
#                  (a) plain-JVM floor (`java -version`, a trivial main), (b) the unoptimised
#                  `java -jar <exec jar>`, (c) the optimised launcher bin/spec-kitty (and its java
#                  command without bash); ratios (c)/(b) and (c)/floor; peak RSS of one run.
#   startup-steps  what each start-up optimisation buys, one step at a time (trains 3 extra caches).
#   burst          BURST_SIZES (8 32) concurrent processes needing a token while the stored access
#                  token is expired, against the hosted emulator, hot path on and off: the emulator's
#                  refresh count and /me calls, the summed counters of every process, wall time.
#   presence       PRESENCE_N (32) concurrent presence-only commands, hot path on and off.
#   dist           the self-contained distribution (bin/dist, or BENCH_DIST_ARCHIVE) installed in the work
#                  dir: its one-shot `auth status` against bin/spec-kitty's, interleaved; archive and
#                  installed sizes. Not in the default sections (building it takes minutes).
#
#   oneshot        logged in (a session from the emulator): `auth status --short`, `auth status` and
#                  `auth whoami` through the launcher beside the `java -version` floor, wall, CPU and
#                  peak RSS per row, and the targets of issue 12 as met/MISSED.
#   kdf            one session-key derivation in a fresh JVM: OpenSSL (FFM) against Bouncy Castle.
#
# Wall time by `date +%s%N`, CPU (user + sys) and peak RSS per run by /usr/bin/time. Figures are
# printed, never asserted. The emulator sections need curl and
# hosted-emulator/target/hosted-emulator-*-exec.jar. Work files go to a temp dir (BENCH_KEEP=1 keeps it).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=../bin/lib/java-home.sh
source "$ROOT/bin/lib/java-home.sh"
spec_kitty_require_java_home
# shellcheck source=../bin/lib/fast-launch.sh
source "$ROOT/bin/lib/fast-launch.sh"
JAVA="$JAVA_HOME/bin/java"

RUNS="${BENCH_RUNS:-15}"
[ "$RUNS" -ge 10 ] 2>/dev/null || RUNS=10
WARMUP="${BENCH_WARMUP:-2}"
BURST_SIZES="${BURST_SIZES:-8 32}"
BURST_TOKEN_CMD="${BURST_TOKEN_CMD:-auth refresh}"
PRESENCE_CMD="${PRESENCE_CMD:-auth status --short}"
PRESENCE_N="${PRESENCE_N:-32}"
# CPU seconds and peak RSS of every run come from GNU time (Debian package "time").
TIME_BIN=""
[ -x /usr/bin/time ] && TIME_BIN=/usr/bin/time

# The CLI's environment variables must not leak into the measurements.
unset SPEC_KITTY_SAAS_URL SPEC_KITTY_ENABLE_SAAS_SYNC SPEC_KITTY_DEBUG_COUNTERS \
  SPEC_KITTY_DISABLE_SESSION_HOT_PATH SPEC_KITTY_FAST_LAUNCH SPEC_KITTY_CLIENT_ID SPEC_KITTY_HOME
export SPEC_KITTY_NON_INTERACTIVE=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/spec-kitty-bench.XXXXXX")"
EMULATOR_PID=""
cleanup() {
  if [ -n "$EMULATOR_PID" ]; then kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true; fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "work files kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

say() { printf '%s\n' "$*"; }
note() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------
# Build: the exec jar (bin/spec-kitty builds it on first use) and a verified fast layout.

find_exec_jar() {
  local jar
  for jar in "$ROOT"/shell-app/target/shell-app-*-exec.jar; do [ -f "$jar" ] && { echo "$jar"; return 0; }; done
  return 0
}

ensure_build() {
  JAR="$(find_exec_jar)"
  if [ -z "$JAR" ]; then
    note "bench: no exec jar yet; building through bin/spec-kitty (first use)..."
    "$ROOT/bin/spec-kitty" help >/dev/null
    JAR="$(find_exec_jar)"
  fi
  # bin/spec-kitty builds only when nothing is built, so an old build would be measured silently.
  STALE_SOURCE="$(find "$ROOT"/pom.xml "$ROOT"/*/pom.xml "$ROOT"/*/src/main -type f -newer "$JAR" -print -quit 2>/dev/null)"
  if [ -n "$STALE_SOURCE" ]; then
    note "bench: WARNING: the build is older than ${STALE_SOURCE#"$ROOT"/}; these figures are of the old build."
    note "bench: rebuild first: ./mvnw -o install -DskipTests"
  fi
  "$ROOT/bin/lib/build-fast-launch.sh" "$JAR" 2>/dev/null \
    || { note "bench: could not prepare the fast layout; see shell-app/target/fast-launch/build.log"; exit 1; }
  spec_kitty_fast_launch_ready "$JAR" || { note "bench: fast layout not ready"; exit 1; }
  FAST_JAR="$SPEC_KITTY_FAST_JAR"
  FAST_FLAGS=("${SPEC_KITTY_FAST_FLAGS[@]}")
  FAST_START=("${SPEC_KITTY_FAST_START[@]}")
}

# ---------------------------------------------------------------------------------------------
# Timing. Rows are measured interleaved (round-robin, one run of each row per round) so that
# load from other processes on a shared machine spreads over all rows alike:
#   ROWS=(); add_row <cmd...>; ...; measure_rows   ->   ROW_MED[i], ROW_MIN[i] in ms

ms_stats() { # reads one duration in microseconds per line
  sort -n | awk '{a[NR]=$1} END {
    if (NR == 0) { print "nan nan"; exit }
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "%.1f %.1f\n", m / 1000, a[1] / 1000 }'
}

add_row() {
  local quoted="" word
  for word in "$@"; do quoted+="$(printf '%q ' "$word")"; done
  ROWS+=("$quoted")
}

# sample <quoted cmd>: one run; prints "<wall us> <CPU ms, user + sys> <peak RSS KB>" (CPU and RSS
# of the process and its children, from /usr/bin/time; "nan nan" without it).
sample() {
  local s e out="$WORK/sample"
  if [ -n "$TIME_BIN" ]; then
    s=$(date +%s%N)
    eval "$TIME_BIN -f '%U %S %M' -o $out.rusage $1" >/dev/null 2>"$out.err" \
      || { note "bench: command failed: $1"; cat "$out.err" >&2; return 1; }
    e=$(date +%s%N)
    awk -v us=$(((e - s) / 1000)) 'END { printf "%d %.0f %d\n", us, ($1 + $2) * 1000, $3 }' "$out.rusage"
  else
    s=$(date +%s%N)
    eval "$1" >/dev/null 2>&1 || { note "bench: command failed: $1"; return 1; }
    e=$(date +%s%N)
    echo "$(((e - s) / 1000)) nan nan"
  fi
}

# Median of one column of numbers on stdin ("nan" when there are none).
median() {
  sort -n | awk '$1 != "nan" { a[++n] = $1 } END { if (n == 0) { print "nan"; exit }
    printf "%s\n", (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }'
}

# -> ROW_MED[i], ROW_MIN[i] (wall ms), ROW_CPU[i] (median CPU s, user + sys), ROW_RSS[i] (median peak RSS MB)
measure_rows() {
  local i r
  ROW_MED=(); ROW_MIN=(); ROW_CPU=(); ROW_RSS=()
  for i in "${!ROWS[@]}"; do
    : >"$WORK/row.$i.runs"
    for ((r = 0; r < WARMUP; r++)); do eval "${ROWS[$i]}" >/dev/null 2>&1 || true; done
  done
  for ((r = 0; r < RUNS; r++)); do
    for i in "${!ROWS[@]}"; do sample "${ROWS[$i]}" >>"$WORK/row.$i.runs" || exit 1; done
  done
  for i in "${!ROWS[@]}"; do
    read -r "ROW_MED[$i]" "ROW_MIN[$i]" < <(cut -d' ' -f1 "$WORK/row.$i.runs" | ms_stats)
    ROW_CPU[$i]="$(cut -d' ' -f2 "$WORK/row.$i.runs" | median | awk '$1 == "nan" { print; next } { printf "%.2f\n", $1 / 1000 }')"
    ROW_RSS[$i]="$(cut -d' ' -f3 "$WORK/row.$i.runs" | median | awk '$1 == "nan" { print; next } { printf "%.0f\n", $1 / 1024 }')"
  done
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }

# Peak RSS in MB of one run of <cmd...>.
peak_rss_mb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }'
  else
    local pid hwm=0 kb
    "$@" >/dev/null 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      kb="$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)"
      [ -n "$kb" ] && [ "$kb" -gt "$hwm" ] && hwm="$kb"
      sleep 0.005
    done
    wait "$pid" || true
    printf '%.0f (approx.)' "$((hwm / 1024))"
  fi
}

header() {
  local cpu
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
  say "# spec-kitty benchmark"
  say ""
  say "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  say "- machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
  say "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
  say "- JDK: $("$JAVA" -version 2>&1 | sed -n 2p) ($JAVA_HOME)"
  say "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo n/a)$(git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || echo ' (with local changes)')"
  say "- build: $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')$([ -n "$STALE_SOURCE" ] && echo ' (STALE: older than the sources)')"
  say "- timer: wall by date +%s%N, CPU (user + sys) and peak RSS by ${TIME_BIN:-nothing (no /usr/bin/time: n/a)}; $RUNS runs per row after $WARMUP warm-up runs, rows interleaved round-robin"
  say "- JVM flags of the launcher: \`${SPEC_KITTY_JVM_FLAGS[*]}\`"
  say ""
}

# ---------------------------------------------------------------------------------------------
# Section: startup

hello_class_dir() {
  if [ ! -f "$WORK/hello/Hello.class" ]; then
    mkdir -p "$WORK/hello"
    "$JAVA_HOME/bin/javac" -d "$WORK/hello" "$ROOT/bench/Hello.java"
  fi
  echo "$WORK/hello"
}

section_startup() {
  local home="$WORK/home-startup" hello b_med b_min c_med c_min floor d_med d_min v_med v_min h_med h_min rss_c rss_b same
  mkdir -p "$home"
  export SPEC_KITTY_HOME="$home"
  hello="$(hello_class_dir)"
  note "bench: startup (${RUNS} runs per row)..."

  # The same output from the plain jar and the launcher (a fresh, logged-out home).
  if [ "$("$JAVA" -jar "$JAR" auth status 2>&1)" = "$("$ROOT/bin/spec-kitty" auth status 2>&1)" ]; then same=yes; else same=NO; fi

  ROWS=()
  add_row "$JAVA" -version
  add_row "$JAVA" -cp "$hello" Hello
  add_row "$JAVA" -jar "$JAR" auth status
  add_row "$ROOT/bin/spec-kitty" auth status
  add_row "$JAVA" "${SPEC_KITTY_JVM_FLAGS[@]}" "${FAST_FLAGS[@]}" "${FAST_START[@]}" auth status
  measure_rows
  v_med=${ROW_MED[0]}; v_min=${ROW_MIN[0]}
  h_med=${ROW_MED[1]}; h_min=${ROW_MIN[1]}
  b_med=${ROW_MED[2]}; b_min=${ROW_MIN[2]}
  c_med=${ROW_MED[3]}; c_min=${ROW_MIN[3]}
  d_med=${ROW_MED[4]}; d_min=${ROW_MIN[4]}
  floor=$h_med
  rss_c="$(peak_rss_mb "$ROOT/bin/spec-kitty" auth status)"
  rss_b="$(peak_rss_mb "$JAVA" -jar "$JAR" auth status)"
  unset SPEC_KITTY_HOME

  say "## Start-up: \`auth status\` one-shot (logged out, no hosted URL)"
  say ""
  say "| | command | median ms | min ms | CPU s | peak RSS MB | vs (b) | vs floor |"
  say "|---|---|---:|---:|---:|---:|---:|---:|"
  say "| (a) JVM floor | \`java -version\` | $v_med | $v_min | ${ROW_CPU[0]} | ${ROW_RSS[0]} | $(ratio "$v_med" "$b_med") | $(ratio "$v_med" "$floor") |"
  say "| (a) JVM floor | \`java Hello\` (trivial main) | $h_med | $h_min | ${ROW_CPU[1]} | ${ROW_RSS[1]} | $(ratio "$h_med" "$b_med") | 1.00 |"
  say "| (b) unoptimised | \`java -jar shell-app-*-exec.jar auth status\` | $b_med | $b_min | ${ROW_CPU[2]} | ${ROW_RSS[2]} | 1.00 | $(ratio "$b_med" "$floor") |"
  say "| (c) optimised | \`bin/spec-kitty auth status\` | **$c_med** | $c_min | ${ROW_CPU[3]} | ${ROW_RSS[3]} | **$(ratio "$c_med" "$b_med")** | $(ratio "$c_med" "$floor") |"
  say "| (c) without bash | its java command (fast layout) | $d_med | $d_min | ${ROW_CPU[4]} | ${ROW_RSS[4]} | $(ratio "$d_med" "$b_med") | $(ratio "$d_med" "$floor") |"
  say ""
  say "- peak RSS of one run: (c) ${rss_c} MB, (b) ${rss_b} MB"
  say "- same stdout from (b) and (c): $same"
  say "- targets: (c) median <= 450 ms: $(awk -v m="$c_med" 'BEGIN { print (m <= 450) ? "met" : "MISSED" }');" \
    "(c)/(b) <= 0.25: $(awk -v m="$c_med" -v b="$b_med" 'BEGIN { print (m <= 0.25 * b) ? "met" : "MISSED" }')"
  say ""
}

# ---------------------------------------------------------------------------------------------
# Section: startup-steps (what each optimisation buys)

train_cache() { # train_cache <aot file> <extra JVM flags...>: a training run of `auth status` on the fast layout's jar
  local aot="$1" home="$WORK/train-home"
  shift
  rm -rf "$home" && mkdir -p "$home"
  SPEC_KITTY_HOME="$home" "$JAVA" "$@" -XX:AOTCacheOutput="$aot" -jar "$FAST_JAR" auth status >/dev/null 2>"$aot.log"
  [ -s "$aot" ] || { note "bench: training for $aot failed; see $aot.log"; exit 1; }
}

section_startup_steps() {
  local home="$WORK/home-steps" flags=("${SPEC_KITTY_JVM_FLAGS[@]}") base_med
  local -a labels=() meds=() mins=() cpus=() rsss=()
  mkdir -p "$home" "$WORK/steps"
  note "bench: startup-steps: training 3 extra AOT caches..."
  train_cache "$WORK/steps/no-spring-aot.aot" "${flags[@]}"
  train_cache "$WORK/steps/default-vm.aot" -Xlog:disable -Xlog:all=warning:stderr -Dspring.aot.enabled=true
  train_cache "$WORK/steps/lazy.aot" "${flags[@]}" -Dspring.aot.enabled=true -Dspring.main.lazy-initialization=true
  export SPEC_KITTY_HOME="$home"
  ROWS=(); labels=()
  step() { # step <label> <cmd...>
    labels+=("$1")
    shift
    add_row "$@"
  }
  step "1. \`java -jar\` exec jar (JVM defaults)" "$JAVA" -jar "$JAR" auth status
  step "2. + \`-XX:TieredStopAtLevel=1 -XX:+UseSerialGC\`" "$JAVA" "${flags[@]}" -jar "$JAR" auth status
  step "3. + extracted jar layout (merged into one jar)" "$JAVA" "${flags[@]}" -jar "$FAST_JAR" auth status
  step "4. + JDK AOT cache (trained)" "$JAVA" "${flags[@]}" -XX:AOTCache="$WORK/steps/no-spring-aot.aot" -jar "$FAST_JAR" auth status
  step "5. + Spring AOT = the launcher's java command" "$JAVA" "${flags[@]}" "${FAST_FLAGS[@]}" "${FAST_START[@]}" auth status
  step "6. step 5 with JVM defaults (no client-VM flags)" "$JAVA" -Xlog:disable -Xlog:all=warning:stderr -Dspring.aot.enabled=true \
    -XX:AOTCache="$WORK/steps/default-vm.aot" -jar "$FAST_JAR" auth status
  step "7. step 5 + lazy bean initialisation (not kept)" "$JAVA" "${flags[@]}" -Dspring.aot.enabled=true \
    -Dspring.main.lazy-initialization=true -XX:AOTCache="$WORK/steps/lazy.aot" -jar "$FAST_JAR" auth status
  step "8. step 5 through bin/spec-kitty (bash, JDK lookup, stamp check)" "$ROOT/bin/spec-kitty" auth status
  note "bench: startup-steps: ${#ROWS[@]} rows x ${RUNS} runs, interleaved..."
  measure_rows
  meds=("${ROW_MED[@]}"); mins=("${ROW_MIN[@]}"); cpus=("${ROW_CPU[@]}"); rsss=("${ROW_RSS[@]}")
  unset SPEC_KITTY_HOME
  base_med="${meds[0]}"
  say "## Start-up, step by step: \`auth status\` (logged out)"
  say ""
  say "| step | median ms | min ms | CPU s | peak RSS MB | vs step 1 |"
  say "|---|---:|---:|---:|---:|---:|"
  local i
  for i in "${!labels[@]}"; do
    say "| ${labels[$i]} | ${meds[$i]} | ${mins[$i]} | ${cpus[$i]} | ${rsss[$i]} | $(ratio "${meds[$i]}" "$base_med") |"
  done
  say ""
}

# ---------------------------------------------------------------------------------------------
# The hosted emulator and multi-process bursts.

start_emulator() {
  [ -n "$EMULATOR_PID" ] && return 0
  command -v curl >/dev/null 2>&1 || { note "bench: curl is needed for the emulator sections"; return 1; }
  local jar ready
  jar="$(ls "$ROOT"/hosted-emulator/target/hosted-emulator-*-exec.jar 2>/dev/null | head -1 || true)"
  if [ -z "$jar" ]; then
    note "bench: no hosted-emulator/target/hosted-emulator-*-exec.jar (build: ./mvnw -q -B -pl hosted-emulator install -DskipTests)"
    return 1
  fi
  mkfifo "$WORK/emulator.out"
  "$JAVA" -jar "$jar" --port=0 --auto-approve >"$WORK/emulator.out" 2>"$WORK/emulator.log" &
  EMULATOR_PID=$!
  read -r -t 60 ready <"$WORK/emulator.out" || { note "bench: the emulator did not start; see its log:"; cat "$WORK/emulator.log" >&2; return 1; }
  EMULATOR_URL="${ready##* }"
  note "bench: hosted emulator at $EMULATOR_URL"
}

admin() { # admin <method> <path> [json body]
  if [ -n "${3:-}" ]; then
    curl -sf -X "$1" -H 'Content-Type: application/json' -d "$3" "$EMULATOR_URL/__admin/$2"
  else
    curl -sf -X "$1" "$EMULATOR_URL/__admin/$2"
  fi
}

# A number from the emulator's counters JSON: counter <json> <group> <key> (0 when absent).
counter() {
  local value
  value="$(printf '%s' "$1" | tr -d ' \n' | grep -o "\"$2\":{[^}]*}" | grep -o "\"$3\":[0-9]*" | cut -d: -f2 || true)"
  echo "${value:-0}"
}

cli() { # the optimised launcher, as a user runs it
  "$ROOT/bin/spec-kitty" "$@"
}

# A fresh home logged in at the emulator (device flow, auto-approved). With "expired", the access
# token is issued with a 1 s lifetime, inside the CLI's 5 s refresh buffer: expired for every process.
login_home() { # login_home <home> <expired|valid>
  local home="$1"
  rm -rf "$home" && mkdir -p "$home"
  admin POST reset >/dev/null
  if [ "$2" = expired ]; then admin POST settings '{"access_token_ttl":1}' >/dev/null; fi
  SPEC_KITTY_HOME="$home" SPEC_KITTY_SAAS_URL="$EMULATOR_URL" cli auth login --headless >"$home.login.log" 2>&1 \
    || { note "bench: auth login --headless failed; see below"; cat "$home.login.log" >&2; return 1; }
  admin POST settings '{"access_token_ttl":900}' >/dev/null
  admin POST counters/reset >/dev/null
}

# burst <label> <N> <on|off> <home> <cmd...>: N concurrent processes; prints one table row.
burst() {
  local label="$1" n="$2" hot="$3" home="$4" dir i s e wall failed=0 lines json pid
  local -a pids=()
  shift 4
  dir="$WORK/burst.$label.$n.$hot"
  mkdir -p "$dir"
  s=$(date +%s%N)
  for ((i = 1; i <= n; i++)); do
    (
      export SPEC_KITTY_HOME="$home" SPEC_KITTY_SAAS_URL="$EMULATOR_URL" SPEC_KITTY_DEBUG_COUNTERS=1
      if [ "$hot" = off ]; then export SPEC_KITTY_DISABLE_SESSION_HOT_PATH=1; fi
      code=0
      cli "$@" >"$dir/$i.out" 2>"$dir/$i.err" || code=$?
      echo "$code" >"$dir/$i.rc"
    ) &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  e=$(date +%s%N)
  wall=$(awk -v d=$((e - s)) 'BEGIN { printf "%.2f", d / 1e9 }')
  for ((i = 1; i <= n; i++)); do [ "$(cat "$dir/$i.rc")" = 0 ] || failed=$((failed + 1)); done
  json="$(admin GET counters || echo '{}')"
  # The counters line of every process: spec-kitty-counters durable_reads=N kdf_derivations=N ...
  lines="$(cat "$dir"/*.err | grep -c '^spec-kitty-counters ' || true)"
  read -r dr kdf tok mf lw < <(cat "$dir"/*.err | awk '/^spec-kitty-counters / {
      for (i = 2; i <= NF; i++) { split($i, kv, "="); sum[kv[1]] += kv[2] } }
    END { printf "%d %d %d %d %d\n", sum["durable_reads"], sum["kdf_derivations"], sum["token_refreshes"],
      sum["membership_fetches"], sum["lock_waits_ms"] }')
  say "| $label | $hot | $n | $wall | $((n - failed))/$n | $(counter "$json" tokens_issued refresh_token) | $(counter "$json" endpoints me) | $dr | $kdf | $tok | $mf | $lw | $lines/$n |"
  if [ "$failed" -gt 0 ]; then
    note "bench: $failed of $n processes failed in $label/$hot; first failure:"
    for ((i = 1; i <= n; i++)); do
      if [ "$(cat "$dir/$i.rc")" != 0 ]; then note "exit $(cat "$dir/$i.rc")"; cat "$dir/$i.err" >&2; break; fi
    done
  fi
}

burst_table_header() {
  say "| scenario | hot path | N | wall s | exit 0 | refreshes (emulator) | /me calls | durable_reads | kdf_derivations | token_refreshes | membership_fetches | lock_waits_ms | counter lines |"
  say "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
}

section_burst() {
  start_emulator || { say "## Burst: skipped (no emulator)"; say ""; return 0; }
  local n hot home="$WORK/home-burst"
  read -r -a token_cmd <<<"$BURST_TOKEN_CMD"
  note "bench: burst: ${BURST_SIZES} processes running \`$BURST_TOKEN_CMD\` with an expired access token..."
  say "## Burst: N processes need a token, the stored access token is expired (\`$BURST_TOKEN_CMD\`)"
  say ""
  say "Each scenario starts from a fresh login at the emulator; counters are summed over the N processes."
  say ""
  burst_table_header
  for n in $BURST_SIZES; do
    for hot in on off; do
      login_home "$home" expired
      burst "token" "$n" "$hot" "$home" "${token_cmd[@]}"
    done
  done
  say ""
}

section_presence() {
  start_emulator || { say "## Presence: skipped (no emulator)"; say ""; return 0; }
  local hot home="$WORK/home-presence"
  read -r -a presence_cmd <<<"$PRESENCE_CMD"
  note "bench: presence: $PRESENCE_N processes running \`$PRESENCE_CMD\`..."
  say "## Presence-only burst: $PRESENCE_N processes (\`$PRESENCE_CMD\`), logged in"
  say ""
  say "A fresh login just before each scenario (the hot-path handoff is at most 30 s old)."
  say ""
  burst_table_header
  for hot in on off; do
    login_home "$home" valid
    burst "presence" "$PRESENCE_N" "$hot" "$home" "${presence_cmd[@]}"
  done
  say ""
}

# oneshot: the commands users run most, logged in, against the floor; the targets of issue 12.
section_oneshot() {
  start_emulator || { say "## One-shots logged in: skipped (no emulator)"; say ""; return 0; }
  local home="$WORK/home-oneshot" floor short status whoami
  login_home "$home" valid
  note "bench: oneshot (${RUNS} runs per row)..."
  export SPEC_KITTY_HOME="$home"
  ROWS=()
  add_row "$JAVA" -version
  add_row "$ROOT/bin/spec-kitty" auth status --short
  add_row "$ROOT/bin/spec-kitty" auth status
  add_row "$ROOT/bin/spec-kitty" auth whoami
  measure_rows
  unset SPEC_KITTY_HOME
  floor=${ROW_MED[0]}; short=${ROW_MED[1]}; status=${ROW_MED[2]}; whoami=${ROW_MED[3]}
  say "## One-shots, logged in (\`bin/spec-kitty\`, no hosted call)"
  say ""
  say "| command | median ms | min ms | CPU s (median) | peak RSS MB (median) | vs floor |"
  say "|---|---:|---:|---:|---:|---:|"
  local i labels=("\`java -version\` (floor)" "\`auth status --short\` (hot path, no KDF)" "\`auth status\` (one KDF)" "\`auth whoami\` (one KDF)")
  for i in 0 1 2 3; do
    say "| ${labels[$i]} | ${ROW_MED[$i]} | ${ROW_MIN[$i]} | ${ROW_CPU[$i]} | ${ROW_RSS[$i]} | $(ratio "${ROW_MED[$i]}" "$floor") |"
  done
  say ""
  met() { awk "BEGIN { print ($1) ? \"met\" : \"MISSED\" }"; }
  local rss_max
  rss_max="$(printf '%s\n' "${ROW_RSS[1]}" "${ROW_RSS[2]}" "${ROW_RSS[3]}" | sort -n | tail -1)"
  say "Targets (issue 12, this run):"
  say "- \`auth whoami\` <= 1.15 x the wall of \`auth status --short\`: $(ratio "$whoami" "$short") x, $(met "$whoami <= 1.15 * $short")"
  say "- \`auth status\` <= 0.40 s CPU: ${ROW_CPU[2]} s, $(met "${ROW_CPU[2]} <= 0.40"); <= 0.32 s wall: $(awk -v m="$status" 'BEGIN { printf "%.3f", m / 1000 }') s, $(met "$status <= 320")"
  say "- \`auth status --short\` <= 8 x the \`java -version\` floor: $(ratio "$short" "$floor") x, $(met "$short <= 8 * $floor")"
  say "- peak RSS <= 100 MB: ${rss_max} MB, $(met "$rss_max <= 100")"
  say ""
}

# kdf: one session-key derivation per fresh JVM (launcher flags), OpenSSL through FFM against
# Bouncy Castle, rows interleaved; "none" is the same JVM and class path deriving nothing.
section_kdf() {
  local classes="$WORK/kdf" r impl out
  mkdir -p "$classes"
  "$JAVA_HOME/bin/javac" -cp "$FAST_JAR" -d "$classes" "$ROOT/bench/KdfBench.java"
  note "bench: kdf (${RUNS} runs per row)..."
  local -a impls=(none openssl bouncycastle)
  for impl in "${impls[@]}"; do : >"$WORK/kdf.$impl.runs"; : >"$WORK/kdf.$impl.ms"; done
  for ((r = 0; r < RUNS; r++)); do
    for impl in "${impls[@]}"; do
      out="$WORK/kdf.$impl.out"
      sample "$(printf '%q ' "$JAVA" "${SPEC_KITTY_JVM_FLAGS[@]}" -cp "$classes:$FAST_JAR" KdfBench "$impl") >$out" \
        >>"$WORK/kdf.$impl.runs" || exit 1
      cut -d' ' -f1 "$out" >>"$WORK/kdf.$impl.ms"
      cut -d' ' -f2 "$out" >"$WORK/kdf.$impl.key"
    done
  done
  say "## KDF: one session key (scrypt N=2^14, r=8, p=1) in a fresh JVM"
  say ""
  say "| implementation | derive ms in-process (median) | process wall ms (median) | CPU s (median) | peak RSS MB (median) | key starts |"
  say "|---|---:|---:|---:|---:|---|"
  for impl in "${impls[@]}"; do
    say "| $impl | $(median <"$WORK/kdf.$impl.ms") | $(cut -d' ' -f1 "$WORK/kdf.$impl.runs" | ms_stats | cut -d' ' -f1) | $(cut -d' ' -f2 "$WORK/kdf.$impl.runs" | median | awk '$1 == "nan" { print; next } { printf "%.2f", $1 / 1000 }') | $(cut -d' ' -f3 "$WORK/kdf.$impl.runs" | median | awk '$1 == "nan" { print; next } { printf "%.0f", $1 / 1024 }') | $(cat "$WORK/kdf.$impl.key") |"
  done
  say ""
}

# sync: SYNC_EVENTS (default 10000) queued events sent by one `sync now` in batches of 1000.
section_sync() {
  start_emulator || { say "## Sync: skipped (no emulator)"; say ""; return 0; }
  local n="${SYNC_EVENTS:-10000}" home="$WORK/home-sync" repo="$WORK/sync-repo" s e ms rss counters
  login_home "$home" valid
  mkdir -p "$repo/.kittify"
  printf 'project:\n  uuid: 11111111-1111-1111-1111-111111111111\n  slug: bench\n' >"$repo/.kittify/config.yaml"
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "{\"event_id\":\"bench-%d\",\"event_type\":\"bench.event\",\"payload\":{\"i\":%d}}\n", i, i }' >"$WORK/events.jsonl"
  note "bench: sync: queueing and sending $n events..."
  (cd "$repo" && SPEC_KITTY_HOME="$home" cli sync enqueue --file "$WORK/events.jsonl" >/dev/null)
  s=$(date +%s%N)
  rss="$(cd "$repo" && SPEC_KITTY_HOME="$home" SPEC_KITTY_SAAS_URL="$EMULATOR_URL" SPEC_KITTY_ENABLE_SAAS_SYNC=1 \
    peak_rss_mb "$ROOT/bin/spec-kitty" sync now --report "$WORK/sync-report.json")"
  e=$(date +%s%N)
  ms=$(( (e - s) / 1000000 ))
  counters="$(admin GET counters)"
  say "## Sync: $n queued events, one \`sync now\` against the emulator"
  say ""
  say "| events | batch POSTs | wall ms | events/s | peak RSS MB | queue left |"
  say "|---:|---:|---:|---:|---:|---:|"
  say "| $n | $(counter "$counters" endpoints events_batch) | $ms | $(awk -v n="$n" -v ms="$ms" 'BEGIN { printf "%.0f", n * 1000 / ms }') | $rss | $(cd "$repo" && SPEC_KITTY_HOME="$home" cli sync status --json | grep -o '"queue_size":[0-9]*' | cut -d: -f2) |"
  say ""
}

# ---------------------------------------------------------------------------------------------
# Section: dist (the installed self-contained distribution, issue 16)

section_dist() {
  local home="$WORK/home-dist" prefix="$WORK/dist-prefix" archive installed launcher same
  note "bench: dist: building the distribution (bin/dist, a few minutes) and installing it..."
  if [ -n "${BENCH_DIST_ARCHIVE:-}" ]; then
    archive="$BENCH_DIST_ARCHIVE"
  else
    archive="$("$ROOT/bin/dist" --jar "$JAR" --out "$WORK/dist" 2>"$WORK/dist.log")" \
      || { note "bench: bin/dist failed; see below"; cat "$WORK/dist.log" >&2; return 1; }
  fi
  mkdir -p "$WORK/dist-unpacked" "$home"
  tar -C "$WORK/dist-unpacked" -xzf "$archive"
  "$WORK"/dist-unpacked/spec-kitty-*/install.sh --prefix "$prefix" >/dev/null
  launcher="$prefix/bin/spec-kitty"
  installed="$(dirname "$(dirname "$(readlink -f "$launcher")")")"
  export SPEC_KITTY_HOME="$home"
  if [ "$("$ROOT/bin/spec-kitty" auth status 2>&1)" = "$(env -u JAVA_HOME "$launcher" auth status 2>&1)" ]; then same=yes; else same=NO; fi
  ROWS=()
  add_row "$ROOT/bin/spec-kitty" auth status
  add_row env -u JAVA_HOME "$launcher" auth status
  note "bench: dist: ${#ROWS[@]} rows x ${RUNS} runs, interleaved..."
  measure_rows
  unset SPEC_KITTY_HOME
  say "## Installed distribution: \`auth status\` one-shot (logged out)"
  say ""
  say "| | command | median ms | min ms | CPU s | peak RSS MB | vs (c) |"
  say "|---|---|---:|---:|---:|---:|---:|"
  say "| (c) optimised | \`bin/spec-kitty auth status\` (JDK $JAVA_HOME) | ${ROW_MED[0]} | ${ROW_MIN[0]} | ${ROW_CPU[0]} | ${ROW_RSS[0]} | 1.00 |"
  say "| (e) installed distribution | \`spec-kitty auth status\` (bundled runtime, no JAVA_HOME) | **${ROW_MED[1]}** | ${ROW_MIN[1]} | ${ROW_CPU[1]} | ${ROW_RSS[1]} | **$(ratio "${ROW_MED[1]}" "${ROW_MED[0]}")** |"
  say ""
  say "- archive: $(basename "$archive"), $(du -m "$archive" | cut -f1) MB ($(stat -c %s "$archive") bytes); target <= 80 MB:" \
    "$(awk -v b="$(stat -c %s "$archive")" 'BEGIN { print (b <= 80 * 1048576) ? "met" : "MISSED" }')"
  say "- installed size: $(du -sm "$installed" | cut -f1) MB ($installed: runtime $(du -sm "$installed/runtime" | cut -f1) MB, app $(du -sm "$installed/app" | cut -f1) MB)"
  say "- peak RSS of one run: (e) $(SPEC_KITTY_HOME="$home" peak_rss_mb "$launcher" auth status) MB"
  say "- same output from (c) and (e): $same; (e) no slower than (c):" \
    "$(awk -v e="${ROW_MED[1]}" -v c="${ROW_MED[0]}" 'BEGIN { print (e <= c) ? "met" : "MISSED" }')"
  say ""
}

# ---------------------------------------------------------------------------------------------

SECTIONS=("$@")
[ ${#SECTIONS[@]} -gt 0 ] || SECTIONS=(startup oneshot kdf burst presence)
if [ "${SECTIONS[0]}" = all ]; then SECTIONS=(startup oneshot kdf startup-steps burst presence sync dist); fi
for section in "${SECTIONS[@]}"; do
  case "$section" in
    startup | oneshot | kdf | startup-steps | burst | presence | sync | dist) ;;
    *) note "usage: bench/run.sh [startup|oneshot|kdf|startup-steps|burst|presence|sync|dist|all]..."; exit 2 ;;
  esac
done

ensure_build
header
for section in "${SECTIONS[@]}"; do
  case "$section" in
    startup) section_startup ;;
    oneshot) section_oneshot ;;
    kdf) section_kdf ;;
    startup-steps) section_startup_steps ;;
    burst) section_burst ;;
    presence) section_presence ;;
    sync) section_sync ;;
    dist) section_dist ;;
  esac
done
say "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
say ""
say "Rerun: bench/run.sh [startup|oneshot|kdf|startup-steps|burst|presence|sync|dist|all] (see docs/performance.md)."
