# Sourced by generate.sh, bench.sh and soak.sh: builds what is missing, then runs a main class of this module
# from the caller's folder (relative --corpus paths stay relative to it; work folders default to deploy/loadtest/target).
# BUILD=always rebuilds every time; MAVEN_ARGS passes extra Maven options (e.g. -Dmaven.repo.local=...);
# JAVA_OPTS sets the JVM options of the command (default -Xmx2g: it hosts the Kafka broker).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
needed=(deploy/loadtest/target/load-test.jar)
if [[ "${NEEDS_SERVICES:-1}" == 1 ]]; then
  needed+=(ingest-service/target/quarkus-app/quarkus-run.jar dedup-service/target/quarkus-app/quarkus-run.jar
           catalog-service/target/quarkus-app/quarkus-run.jar)
fi
build=0
[[ "${BUILD:-auto}" == always ]] && build=1
for jar in "${needed[@]}"; do [[ -f "$root/$jar" ]] || build=1; done
if [[ $build == 1 ]]; then
  echo "Building the services and the load test (tests skipped)…"
  # shellcheck disable=SC2086
  (cd "$root" && ./mvnw -B -q ${MAVEN_ARGS:-} package -DskipTests -pl deploy/loadtest -am)
fi
run_main() {
  local main="$1"; shift
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:--Xmx2g} -Dcatalog.project.root="$root" -cp "$root/deploy/loadtest/target/load-test.jar" "$main" "$@"
}
