#!/usr/bin/env bash
# Measures what each service needs, to size the Kubernetes requests and limits (see ../README.md, "Sizing").
# Runs the local stack (deploy/local: real Kafka, real PostgreSQL, the three packaged services as child JVMs with
# -Xmx512m), drops a workload built from ../shared/eval/arxiv-oai-sample (next to the checkout) into the bucket and
# samples every service's resident memory, heap and CPU time from idle through the whole run.
# Needs the services and the local stack packaged (./mvnw package -DskipTests), python3, curl, jq, bc.
# Usage: deploy/kubernetes/sizing/measure.sh [work-dir] [copies of the 2,000-abstract sample]
# Prints a table; the raw samples are in <work-dir>/samples.tsv.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="${1:-/tmp/abstract-catalog-measure}"
rm -rf "$work/bucket" "$work/data" "$work/workload"; mkdir -p "$work/bucket" "$work/data"
python3 "$root/deploy/kubernetes/sizing/make-workload.py" "$root/../shared/eval/arxiv-oai-sample/arxiv_data.csv" "$work/workload" 100 "${2:-1}"
expected=$(cat "$work"/workload/*.txt | grep -c '^Abstract:')
cport=18480; iport=18481; dport=18482
java -Dcatalog.project.root="$root" -cp "$root/deploy/local/target/local-stack.jar:$root/deploy/local/target/lib/*" io.abstractcatalog.local.LocalStackMain --bucket="$work/bucket" \
  --data="$work/data" --catalog-port=$cport --ingest-port=$iport --dedup-port=$dport >"$work/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do grep -q "is running" "$work/stack.log" && break; sleep 1; done
grep -q "is running" "$work/stack.log" || { echo "stack did not start"; tail -50 "$work/stack.log"; exit 1; }
pid_of() { pgrep -o -f "^[^ ]*/java .*$1/target/quarkus-app/quarkus-run.jar"; }
declare -A pid port=([ingest-service]=$iport [dedup-service]=$dport [catalog-service]=$cport)
for s in ingest-service dedup-service catalog-service; do
  pid[$s]=$(pid_of $s); [ -n "${pid[$s]}" ] || { echo "no process for $s"; exit 1; }
done
tick=$(getconf CLK_TCK)
sample() { # phase -> one line per service: phase service rss_mib heap_mib cpu_s
  for s in ingest-service dedup-service catalog-service; do
    local p=${pid[$s]} rss cpu heap
    rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$p/status)
    cpu=$(awk -v t=$tick '{printf "%.2f", ($14+$15)/t}' /proc/$p/stat)
    heap=$(curl -s "http://localhost:${port[$s]}/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ {h+=$NF} END {printf "%.0f", h/1048576}')
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$s" "$rss" "$heap" "$cpu"
  done
}
: >"$work/samples.tsv"
sleep 20; sample idle >>"$work/samples.tsv"
start=$(date +%s.%N)
cp "$work"/workload/*.txt "$work/bucket/"
records=0
for _ in $(seq 1 600); do
  sample load >>"$work/samples.tsv"
  records=$(curl -s "http://localhost:$cport/stats" | jq -r '.records // 0')
  [ "$records" -ge "$expected" ] && break
  sleep 1
done
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
sleep 10; sample after >>"$work/samples.tsv"
curl -s "http://localhost:$cport/stats" >"$work/stats.json"
echo "records in catalog: $records of $expected in ${elapsed}s; $(cat "$work/stats.json")"
awk -F'\t' '
  { k=$2; if ($1=="idle") { ir[k]=$3; ih[k]=$4; ic[k]=$5 }
    if ($3>pr[k]) pr[k]=$3; if ($4>ph[k]) ph[k]=$4; lc[k]=$5 }
  END { printf "%-16s %10s %10s %10s %10s %12s\n", "service", "idle RSS", "peak RSS", "idle heap", "peak heap", "CPU s (run)";
        for (k in pr) printf "%-16s %8s Mi %8s Mi %8s Mi %8s Mi %12.1f\n", k, ir[k], pr[k], ih[k], ph[k], lc[k]-ic[k] }' "$work/samples.tsv"
