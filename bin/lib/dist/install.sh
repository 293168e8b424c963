#!/usr/bin/env bash
# Installs this spec-kitty distribution (the directory holding this script):
#
#   ./install.sh [--prefix DIR]               # default DIR: ~/.local
#   ./install.sh [--prefix DIR] --uninstall   # removes exactly what the install put there
#
# Puts the distribution under DIR/share/spec-kitty/<version> and a symbolic link
# DIR/bin/spec-kitty to its launcher. Idempotent: a second run over an intact installation of the
# same version changes nothing. The files installed are those listed in SHA256SUMS (checked after
# copying); the directories it had to create and the link are recorded in install-manifest beside
# them, which --uninstall follows. Neither ever touches the CLI's data (~/.spec-kitty or
# SPEC_KITTY_HOME): a prefix inside it is refused.
set -euo pipefail

SOURCE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
PREFIX="${HOME:?HOME is not set}/.local"
ACTION=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }; PREFIX="$2"; shift 2 ;;
    --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
    --uninstall) ACTION=uninstall; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (usage: ./install.sh [--prefix DIR] [--uninstall])" >&2; exit 2 ;;
  esac
done
[ -n "$PREFIX" ] || { echo "install.sh: --prefix must not be empty" >&2; exit 2; }
PREFIX="$(readlink -m "$PREFIX")"

VERSION="$(cat "$SOURCE/VERSION")"
TARGET="$PREFIX/share/spec-kitty/$VERSION"
LINK="$PREFIX/bin/spec-kitty"
MANIFEST="$TARGET/install-manifest"

# The CLI's data directory must never be written or deleted by the installer.
for data in "$HOME/.spec-kitty" "${SPEC_KITTY_HOME:-}"; do
  [ -n "$data" ] || continue
  data="$(readlink -m "$data")"
  case "$PREFIX/" in
    "$data"/*) echo "install.sh: refusing a prefix inside the CLI's data directory $data" >&2; exit 2 ;;
  esac
done

# Prints "dir <path>" for each directory on the way to $1 that does not exist yet, outermost first:
# the manifest lines for the directories an install creates.
missing_dirs() {
  local dir="$1"
  local -a missing=()
  while [ "$dir" != / ] && [ ! -e "$dir" ]; do missing=("$dir" "${missing[@]}"); dir="$(dirname "$dir")"; done
  [ ${#missing[@]} -eq 0 ] || printf 'dir %s\n' "${missing[@]}"
}

intact() { # the installed files are exactly this distribution's
  [ -f "$TARGET/SHA256SUMS" ] && cmp -s "$SOURCE/SHA256SUMS" "$TARGET/SHA256SUMS" \
    && (cd "$TARGET" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1)
}

# Trains an AOT cache for the installed location (app/spec-kitty.local.aot, recorded in the manifest)
# with the bundled runtime, as bin/dist trained the shipped one: the shipped cache still works after
# the move, but the JVM then checks its build-time paths again for every class it takes from it,
# which cost each start ~60 ms (docs/distribution.md). A failed training only leaves the shipped one.
LOCAL_AOT="$TARGET/app/spec-kitty.local.aot"
TRAINING_MAIN=dev.speckitty.shell.FastLaunchTraining # as bin/lib/fast-launch.sh trains

train_here() {
  local java="$TARGET/runtime/bin/java" scratch arg jar="" main="" next="" rc=0
  local -a flags=()
  # launch.args: the JVM flags, the shipped cache's -XX:AOTCache=, then -cp <app jar> <main class>.
  while IFS= read -r arg; do
    case "$next" in
      jar) jar="${arg//@APP@/$TARGET/app}"; next=main; continue ;;
      main) main="$arg"; break ;;
    esac
    case "$arg" in
      -cp) next=jar ;;
      -XX:AOTCache=*) ;;
      *) flags+=("$arg") ;;
    esac
  done <"$TARGET/lib/launch.args"
  [ -n "$jar" ] && [ -n "$main" ] || return 1
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/spec-kitty-install.XXXXXX")" || return 1
  mkdir -p "$scratch/home"
  # A throwaway home with a placeholder session and a clean environment, as at build time.
  env -i PATH="$PATH" HOME="$scratch" SPEC_KITTY_HOME="$scratch/home" LANG="${LANG:-C.UTF-8}" \
    "$java" "${flags[@]}" -XX:AOTCacheOutput="$LOCAL_AOT.tmp" -cp "$jar" "$TRAINING_MAIN" \
    >"$scratch/training.log" 2>&1 </dev/null || rc=$?
  # The new cache must be accepted without a word on stderr before it is used.
  if [ "$rc" = 0 ] && [ -s "$LOCAL_AOT.tmp" ] && env -i PATH="$PATH" HOME="$scratch" SPEC_KITTY_HOME="$scratch/home" \
      "$java" "${flags[@]}" -XX:AOTCache="$LOCAL_AOT.tmp" -cp "$jar" "$main" --version >/dev/null 2>"$scratch/verify.err" \
      </dev/null && [ ! -s "$scratch/verify.err" ]; then
    mv -f "$LOCAL_AOT.tmp" "$LOCAL_AOT"
  else
    rm -f "$LOCAL_AOT.tmp"
    rc=1
  fi
  rm -rf "$scratch"
  return "$rc"
}

link_points_here() {
  [ -L "$LINK" ] && [ "$(readlink "$LINK")" = "$TARGET/bin/spec-kitty" ]
}

install() {
  local created
  if [ -e "$LINK" ] && ! [ -L "$LINK" ]; then
    echo "install.sh: $LINK exists and is not a link; move it away first" >&2; exit 1
  fi
  if [ -f "$MANIFEST" ] && intact; then
    echo "spec-kitty $VERSION is already installed in $TARGET"
  else
    [ ! -e "$TARGET" ] || uninstall_files quiet
    created="$(missing_dirs "$TARGET")"
    mkdir -p "$TARGET"
    # cp -p keeps the modification times: the AOT cache checks them and would be rejected otherwise.
    (cd "$SOURCE" && cut -c67- SHA256SUMS | while IFS= read -r file; do
      mkdir -p "$TARGET/$(dirname "$file")"
      cp -p "$file" "$TARGET/$file"
    done)
    cp -p "$SOURCE/SHA256SUMS" "$TARGET/SHA256SUMS"
    intact || { echo "install.sh: the copy in $TARGET does not match SHA256SUMS" >&2; exit 1; }
    {
      echo "# spec-kitty $VERSION install manifest: what ./install.sh --uninstall removes"
      [ -z "$created" ] || echo "$created"
    } >"$MANIFEST"
    echo "Installed spec-kitty $VERSION in $TARGET"
  fi
  if [ ! -f "$LOCAL_AOT" ]; then
    echo "Preparing fast start-up for $TARGET (a few seconds)..."
    if train_here; then
      grep -qx "file $LOCAL_AOT" "$MANIFEST" || echo "file $LOCAL_AOT" >>"$MANIFEST"
    else
      echo "install.sh: could not train a start-up cache here; spec-kitty uses the shipped one (a little slower)" >&2
    fi
  fi
  if ! link_points_here; then
    created="$(missing_dirs "$PREFIX/bin")"
    mkdir -p "$PREFIX/bin"
    [ ! -L "$LINK" ] || echo "Replacing $LINK -> $(readlink "$LINK")"
    ln -sfn "$TARGET/bin/spec-kitty" "$LINK"
    { [ -z "$created" ] || echo "$created"; echo "link $LINK"; } >>"$MANIFEST"
  fi
  echo "Linked $LINK -> $TARGET/bin/spec-kitty"
  case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) echo "Add $PREFIX/bin to PATH to run spec-kitty." ;; esac
}

# Removes the installed files (SHA256SUMS), the link and the directories the manifest records.
uninstall_files() {
  local kind path
  local -a dirs=()
  if [ -f "$MANIFEST" ]; then
    while read -r kind path; do
      case "$kind" in
        link) if link_points_here; then rm -f "$LINK"; fi ;;
        file) rm -f "$path" ;;
        dir) dirs=("$path" "${dirs[@]}") ;;
      esac
    done <"$MANIFEST"
  fi
  if [ -f "$TARGET/SHA256SUMS" ]; then
    (cd "$TARGET" && cut -c67- SHA256SUMS | while IFS= read -r file; do rm -f "./$file"; done)
    # Emptied directories of the distribution, deepest first; anything else stays.
    find "$TARGET" -mindepth 1 -depth -type d -empty -delete
    rm -f "$TARGET/SHA256SUMS"
  fi
  rm -f "$MANIFEST"
  rmdir "$TARGET" 2>/dev/null || { [ "${1:-}" = quiet ] || echo "install.sh: left $TARGET (it holds files the install did not put there)"; }
  for path in "${dirs[@]}"; do rmdir "$path" 2>/dev/null || true; done
}

uninstall() {
  if [ ! -f "$MANIFEST" ]; then
    echo "install.sh: spec-kitty $VERSION is not installed in $PREFIX (no $MANIFEST)" >&2; exit 1
  fi
  uninstall_files
  echo "Uninstalled spec-kitty $VERSION from $PREFIX"
}

"$ACTION"
