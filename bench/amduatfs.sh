# shellcheck shell=bash
# AmduatFs plugin for the peer benchmark harness (../shared/bench, see its README.md).
#
# From the project root (/work/main), as root:
#   BENCH_SYSTEMS_PATH=bench ../shared/bench/bench.sh -S "ext4 restic borg amduatfs" -D "small large dedup"
# (BENCH_SYSTEMS_PATH is resolved against the directory bench.sh is started from.)
#
# Binary: the harness runs every function in a fresh bash (lib/sut_call.sh sources this file by
# its absolute path, exported as SUT_FILE). `sut_version` is called once per invocation,
# untimed, before any run (with SUT_WORK=/nonexistent): it `dotnet publish`es
# src/AmduatFs.Cli -c Release into $BENCH_BUILD/amduatfs, so no timed phase pays for a build.
# `sut_init` (measured but not recorded) publishes again only if that binary is missing.
# Timed phases then run the published apphost directly (no wrapper, no `dotnet run`).
#
# Knobs (environment):
#   AMDUATFS_HOME          project root (default: the directory above this file)
#   AMDUATFS_BIN           use this binary as is, skip publishing (e.g. scripts/amduatfs)
#   AMDUATFS_PUBLISH_DIR   default $BENCH_BUILD/amduatfs
#   AMDUATFS_PUBLISH_ARGS  extra `dotnet publish` args (e.g. -p:PublishReadyToRun=true)
#   AMDUATFS_NO_PUBLISH=1  do not build; use what is in AMDUATFS_PUBLISH_DIR
#   AMDUATFS_CAPS          override SUT_CAPS (e.g. "ingest incr check" to skip the mount rows)
#   AMDUATFS_IMPORT_ARGS / AMDUATFS_MOUNT_ARGS / AMDUATFS_VERIFY_ARGS  extra CLI args
#
# Layout of a snapshot: `import SRC` puts the tree at staging/<basename SRC>; `snapshot
# create TAG` freezes staging, so the mount shows SRC at MNT/local/snapshots/TAG/<basename SRC>.
SUT_KIND=store
SUT_CAPS="${AMDUATFS_CAPS:-ingest incr mount check}"

# --- locating the project and the binary (cheap: runs before every call, inside timings) ---
_amd_plugin=${SUT_FILE:-${BASH_SOURCE[0]}}
_amd_home() {
  if [[ -n ${AMDUATFS_HOME:-} ]]; then echo "$AMDUATFS_HOME"; return; fi
  (cd "$(dirname "$(realpath "$_amd_plugin")")/.." && pwd)
}
_amd_pubdir() { echo "${AMDUATFS_PUBLISH_DIR:-${BENCH_BUILD:-/tmp/bench/build}/amduatfs}"; }
_amd_publish() { # build the Release apphost outside any timed phase; log to the publish dir
  local home pub log
  home=$(_amd_home); pub=$(_amd_pubdir); log="$pub.publish.log"
  [[ -f $home/src/AmduatFs.Cli/AmduatFs.Cli.csproj ]] || { echo "no project under $home" >&2; return 1; }
  mkdir -p "$pub"
  # shellcheck disable=SC2086
  if ! dotnet publish "$home/src/AmduatFs.Cli/AmduatFs.Cli.csproj" -c Release -o "$pub" \
         --nologo -v:q ${AMDUATFS_PUBLISH_ARGS:-} > "$log" 2>&1; then
    rm -f "$pub/amduatfs"   # never measure a stale binary: the runs record NA instead
    echo "dotnet publish failed, see $log" >&2; return 1
  fi
}
_amd_commit() {
  local home rev dirty=""
  home=$(_amd_home)
  rev=$(git -C "$home" rev-parse --short HEAD 2>/dev/null) || { echo "no-git"; return; }
  [[ -n $(git -C "$home" status --porcelain -- src 2>/dev/null) ]] && dirty="+dirty"
  echo "$rev$dirty"
}

sut_env() {
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  AMD=${AMDUATFS_BIN:-$(_amd_pubdir)/amduatfs}
}
sut_version() { # untimed, once per bench.sh invocation: (re)build here
  if [[ -z ${AMDUATFS_BIN:-} && ${AMDUATFS_NO_PUBLISH:-0} != 1 ]]; then
    _amd_publish 2>/dev/null || { echo "amduatfs BUILD FAILED (git $(_amd_commit)): see $(_amd_pubdir).publish.log"; return 1; }
  fi
  local v; v=$("$AMD" --version 2>/dev/null | head -1)
  echo "amduatfs ${v:-?} (git $(_amd_commit), $( [[ -n ${AMDUATFS_BIN:-} ]] && echo "$AMDUATFS_BIN" || echo "Release publish ${AMDUATFS_PUBLISH_ARGS:-}"); dotnet $(dotnet --version 2>/dev/null))"
}

# --- snapshot names: must be unique per store. The harness uses base, nochg, chg on a fresh
# repo per dataset (sut_destroy before sut_init), so tags do not repeat today; should one
# repeat (e.g. a harness change, or a repo reused after a failed destroy) we append -2, -3 ...
# and remember the mapping beside the repo (not inside it, so repo_MB is unaffected).
_amd_tagfile() { echo "$(dirname "$1")/.$(basename "$1").amduatfs-tags"; }
_amd_newname() { # REPO TAG -> unique snapshot name, recorded
  local f n=1 name=$2; f=$(_amd_tagfile "$1")
  while grep -qxF -- "$name" "$f" 2>/dev/null; do n=$((n + 1)); name="$2-$n"; done
  printf '%s\t%s\n' "$2" "$name" >> "$f.map"; echo "$name" >> "$f"; echo "$name"
}
_amd_name() { # REPO TAG -> latest snapshot name created for TAG (TAG itself if unknown)
  local f name; f=$(_amd_tagfile "$1")
  name=$(awk -F'\t' -v t="$2" '$1==t{n=$2} END{print n}' "$f.map" 2>/dev/null)
  echo "${name:-$2}"
}

sut_init() { # REPO (does not exist yet; the harness destroyed it)
  if [[ -z ${AMDUATFS_BIN:-} && ${AMDUATFS_NO_PUBLISH:-0} != 1 && ! -x $AMD ]]; then
    _amd_publish || return 1
  fi
  mkdir -p "$(dirname "$1")"
  rm -f "$(_amd_tagfile "$1")" "$(_amd_tagfile "$1").map"
  "$AMD" --store "$1" init
}
sut_ingest() { # REPO SRC TAG : import SRC to staging/<basename SRC>, then snapshot it
  local name; name=$(_amd_newname "$1" "$3")
  # shellcheck disable=SC2086
  "$AMD" --store "$1" import ${AMDUATFS_IMPORT_ARGS:-} "$2" &&
    "$AMD" --store "$1" snapshot create "$name"
}
# sut_repo_bytes: default du -sb REPO
sut_mount() { # REPO TAG MNT SRC: the daemon in the foreground (the harness tracks its pid)
  # shellcheck disable=SC2086
  exec "$AMD" --store "$1" mount "$3" ${AMDUATFS_MOUNT_ARGS:-}
}
sut_umount() { "$AMD" umount "$1"; } # MNT: returns once staging is committed and the daemon is gone
sut_view() { # REPO TAG MNT SRC
  echo "$3/local/snapshots/$(_amd_name "$1" "$2")/$(basename "$4")"
}
sut_check() { # shellcheck disable=SC2086
  "$AMD" --store "$1" verify --read-data ${AMDUATFS_VERIFY_ARGS:-}
}
sut_destroy() { rm -rf "$1" "$(_amd_tagfile "$1")" "$(_amd_tagfile "$1").map"; }
