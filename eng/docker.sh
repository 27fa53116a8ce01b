#!/usr/bin/env bash
# Makes a Docker engine reachable for the container scenarios (issue 7), the way PLATFORM.md says works here:
# Debian's docker.io engine, started with no bridge network so every container uses the host network and all
# traffic stays on 127.0.0.1. Prints the environment Testcontainers needs as `export` lines on stdout.
#   eval "$(bash eng/docker.sh start)"   # install if missing, start if not running, export the variables
#   bash eng/docker.sh stop              # stop the engine this script started
set -euo pipefail
action="${1:-start}"
state_dir="${ECMS_DOCKER_STATE:-/tmp/ecms-dockerd}"
log() { echo "$*" >&2; }

engine_up() { docker info >/dev/null 2>&1; }

case "$action" in
  start)
    if ! engine_up; then
      if ! command -v dockerd >/dev/null 2>&1; then
        if [ "$(id -u)" -ne 0 ]; then
          log "No Docker engine. Install and start one: sudo apt-get install -y docker.io && sudo dockerd --bridge=none --iptables=false --ip-masq=false &"
          exit 2
        fi
        log "Installing the Docker engine (Debian docker.io)…"
        t0=$(date +%s)
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null
        log "  installed in $(( $(date +%s) - t0 )) s"
      fi
      mkdir -p "$state_dir"
      log "Starting dockerd without a bridge network…"
      nohup dockerd --bridge=none --iptables=false --ip-masq=false --ip6tables=false \
        --pidfile "$state_dir/dockerd.pid" >"$state_dir/dockerd.log" 2>&1 &
      echo "started-by-ecms" >"$state_dir/owner"
      for _ in $(seq 1 60); do
        engine_up && break
        sleep 1
      done
      if ! engine_up; then
        log "dockerd did not become ready within 60 s; its log:"
        tail -n 30 "$state_dir/dockerd.log" >&2 || true
        exit 2
      fi
    fi
    api=$(docker version --format '{{.Server.APIVersion}}')
    echo "export DOCKER_API_VERSION=$api"
    echo "export TESTCONTAINERS_RYUK_DISABLED=true"
    echo "export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"
    ;;
  stop)
    if [ -f "$state_dir/owner" ] && [ -f "$state_dir/dockerd.pid" ]; then
      kill "$(cat "$state_dir/dockerd.pid")" 2>/dev/null || true
      rm -f "$state_dir/owner"
      log "Stopped the Docker engine started for the tests."
    fi
    ;;
  *)
    log "usage: eng/docker.sh start|stop"
    exit 2
    ;;
esac
