#!/usr/bin/env bash
# The project's test command (README): makes sure what the tests need is installed, builds once, runs every test
# project, and ends with one summary line "Tests: N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 REQNROLL_TELEMETRY_ENABLED=0
configuration="${CONFIGURATION:-Release}"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

bash "$root/eng/prerequisites.sh"

# Container scenarios need a Docker engine (installed and started here when missing, stopped again at the end if
# this script started it) and the reference agency's image, built locally: no registry is reachable.
# ECMS_SKIP_CONTAINERS=1 skips both, and the container tests then report themselves as skipped.
if [ "${ECMS_SKIP_CONTAINERS:-}" != "1" ]; then
  # Not eval "$(…)" directly: eval of an empty string succeeds, so a failed start would go unnoticed until the image build.
  if ! docker_env="$(bash "$root/eng/docker.sh" start)"; then
    echo "No Docker engine for the container tests (see above). Fix that, or run the rest: ECMS_SKIP_CONTAINERS=1 bash eng/test.sh" >&2
    exit 2
  fi
  eval "$docker_env"
  cleanup_containers() {
    # A safety net: every SUT container carries this label; none may outlive the tests.
    docker ps -aq --filter label=org.ecms-conformance.sut=true | xargs -r docker rm -f >/dev/null 2>&1 || true
    bash "$root/eng/docker.sh" stop
  }
  trap cleanup_containers EXIT
  t0=$(date +%s)
  bash "$root/eng/build-agency-image.sh"
  echo "Reference agency image ready in $(( $(date +%s) - t0 )) s"
fi

dotnet build ECmsConformance.sln -c "$configuration" -nologo -clp:ErrorsOnly

status=0
dotnet test ECmsConformance.sln -c "$configuration" --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line over all test assemblies, read from the TRX files.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    # Ignored tests are counted in "total" but not in "executed".
    skipped += int(counters.get("total", 0)) - int(counters.get("executed", 0)) + int(counters.get("inconclusive", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
if passed == 0:
    print("No test ran.", file=sys.stderr)
    sys.exit(1)
PY
exit $status
