#!/usr/bin/env bash
# Builds the reference agency's container image (issue 7, docs/containers.md) on the local Docker engine:
#   1. publish sut/ECms.ReferenceAgency self-contained, single-file, invariant globalization, for linux-x64;
#   2. stage a root filesystem: the executable and libe_sqlite3.so in /app, every shared library `ldd` lists for them
#      and for OpenSSL (loaded by name at run time, so ldd of the executable cannot list it), an empty /tmp;
#   3. `docker build` sut/ECms.ReferenceAgency/Dockerfile (FROM scratch) on that context — unless the image with this
#      tag already carries the staged context's hash, in which case nothing is rebuilt.
# No registry is contacted (there is none here: PLATFORM.md). Idempotent; safe to run concurrently (one lock).
#   bash eng/build-agency-image.sh [--tag NAME] [--force]       (default tag: $ECMS_AGENCY_IMAGE or ecms-reference-agency:dev)
# Prints the image tag on stdout; progress and timings on stderr.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

tag="${ECMS_AGENCY_IMAGE:-ecms-reference-agency:dev}"
force=false
usage() { echo "usage: eng/build-agency-image.sh [--tag NAME] [--force]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) [ $# -ge 2 ] || usage; tag="$2"; shift 2 ;;
    --force) force=true; shift ;;
    *) usage ;;
  esac
done

log() { echo "build-agency-image: $*" >&2; }
# No silent stop under set -e: say where.
trap 'log "failed (exit $?) at line $LINENO"' ERR
now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

if ! docker info >/dev/null 2>&1; then
  log "no Docker engine is reachable. Start one: eval \"\$(bash eng/docker.sh start)\"" \
    "(or: apt-get install -y docker.io && dockerd --bridge=none --iptables=false --ip-masq=false &)."
  exit 2
fi

out="$root/artifacts/agency-image"
publish="$out/publish"
context="$out/context"
rootfs="$context/rootfs"
label="org.ecms-conformance.content-sha256"
mkdir -p "$out"

# Two test runs (or a test run and .ci/run) may call this at once: one builds, the other then finds it up to date.
exec 9>"$out/.lock"
flock 9

# Own obj/bin (Directory.Build.props), so this publish never collides with another engineer's build of the agency.
export ECMS_BUILD_SLOT=image DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
publish_properties=(-c Release -r linux-x64 --self-contained -p:PublishSingleFile=true -p:InvariantGlobalization=true -p:DebugType=none)
t0=$(now_ms)
# Into an empty folder, every time: publishing over the previous output lets the SDK's incremental clean delete SQLite's
# native library (libe_sqlite3.so, beside the single file) when the bundle is up to date — seen here. The output is
# byte-identical run to run, so the hash below still finds an unchanged image.
rm -rf "$publish"
dotnet publish sut/ECms.ReferenceAgency/ECms.ReferenceAgency.csproj "${publish_properties[@]}" \
  -o "$publish" -nologo -clp:ErrorsOnly >&2
log "publish: $(seconds_since "$t0") s"
for file in ECms.ReferenceAgency libe_sqlite3.so; do
  if [ ! -f "$publish/$file" ]; then
    log "the publish output has no $file; an image without it would not start. Retry with a clean slot: rm -rf .slots/image"
    exit 1
  fi
done

# Stage the root filesystem afresh each time (≈0.2 s), so no file of an earlier build can linger in the image.
rm -rf "$context"
mkdir -p "$rootfs/app" "$rootfs/lib/x86_64-linux-gnu" "$rootfs/lib64" "$rootfs/tmp"
chmod 1777 "$rootfs/tmp"
cp "$publish/ECms.ReferenceAgency" "$publish/libe_sqlite3.so" "$rootfs/app/"
cp sut/ECms.ReferenceAgency/Dockerfile "$context/Dockerfile"

openssl_libs=()
for soname in libssl.so.3 libcrypto.so.3; do
  # awk reads to the end: exiting early would kill ldconfig with SIGPIPE, and pipefail would stop the script silently.
  path=$(ldconfig -p | awk -v n="$soname" '$1 == n && /x86-64/ && !found { print $NF; found = 1 }')
  if [ -z "$path" ]; then
    log "$soname is not installed on this machine. Install it: apt-get install -y libssl3"
    exit 2
  fi
  openssl_libs+=("$path")
done

# Every library the executable, SQLite's native library and OpenSSL need, at the path the loader resolved (plus the
# loader itself). cp -L: the image gets the file, not the host's symlink.
ldd "$rootfs/app/ECms.ReferenceAgency" "$rootfs/app/libe_sqlite3.so" "${openssl_libs[@]}" \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $2 ~ /^\(/ { print $1 }' \
  | sort -u \
  | while read -r lib; do
      case "$lib" in
        /lib64/*) cp -L "$lib" "$rootfs/lib64/" ;;
        *) cp -L "$lib" "$rootfs/lib/x86_64-linux-gnu/" ;;
      esac
    done
for lib in "${openssl_libs[@]}"; do
  cp -L "$lib" "$rootfs/lib/x86_64-linux-gnu/"
done

# The hash of everything that goes into the image (paths, contents, the Dockerfile): equal hash = same image.
hash=$(cd "$context" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
existing=$(docker image inspect --format "{{ index .Config.Labels \"$label\" }}" "$tag" 2>/dev/null || true)
if [ "$force" = false ] && [ "$existing" = "$hash" ]; then
  log "image $tag is up to date (content ${hash:0:12})"
  echo "$tag"
  exit 0
fi

old_id=$(docker image inspect --format '{{.Id}}' "$tag" 2>/dev/null || true)
t1=$(now_ms)
# The classic builder: the engine is Debian's 20.10 and the client has no buildx; the context is tiny and flat. Its
# deprecation notice is noise here, so the builder's output is shown only when it fails.
if ! output=$(DOCKER_BUILDKIT=0 docker build --quiet --label "$label=$hash" -t "$tag" "$context" 2>&1); then
  log "docker build failed:"
  echo "$output" >&2
  exit 1
fi
log "image build: $(seconds_since "$t1") s"

new_id=$(docker image inspect --format '{{.Id}}' "$tag")
if [ -n "$old_id" ] && [ "$old_id" != "$new_id" ]; then
  # The replaced image is now untagged; drop it unless a container still uses it (then the engine refuses, fine).
  docker image rm "$old_id" >/dev/null 2>&1 || true
fi
size=$(docker image inspect --format '{{.Size}}' "$tag")
log "image $tag: $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }') MiB (content ${hash:0:12})"
echo "$tag"
