#!/usr/bin/env bash
# Refreshes the vendored API schemas that ManifestSchemaTest validates the rendered manifests against
# (src/main/resources/schemas/). Each line of SOURCES below says where a file comes from: the project, the release
# tag (or commit) and the path in its repository. To move to another version, change the ref (and the folder name,
# which carries the version), run this script, run the module's tests and update deploy/kubernetes/README.md
# ("Supported versions").
#
#   deploy/kubernetes-check/schemas/refresh.sh              # downloads from GitHub (raw files at the tag)
#   LOCAL_REPOS=/path deploy/kubernetes-check/schemas/refresh.sh
#                                                           # reads local git clones instead: /path/<owner>/<name>
#                                                           # (bare or not), e.g. for a machine without internet
#
# Needs bash, curl (or git with LOCAL_REPOS) and jq. The custom resource definitions are copied byte for byte; of
# the Kubernetes OpenAPI v3 documents only `components.schemas` is kept (the `paths` are HTTP operations, not
# object schemas, and make up most of the size).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/schemas"

# folder | owner/name | ref | path in the repository | file name here
SOURCES='
kubernetes-1.33|kubernetes-sigs/kubectl-validate|9431c46daf3fdcbdcc480134767eafdd990f8fc5|pkg/openapiclient/builtins/1.33/api/v1.json|api__v1.json
kubernetes-1.33|kubernetes-sigs/kubectl-validate|9431c46daf3fdcbdcc480134767eafdd990f8fc5|pkg/openapiclient/builtins/1.33/apis/apps/v1.json|apis__apps__v1.json
kubernetes-1.33|kubernetes-sigs/kubectl-validate|9431c46daf3fdcbdcc480134767eafdd990f8fc5|pkg/openapiclient/builtins/1.33/apis/batch/v1.json|apis__batch__v1.json
kubernetes-1.33|kubernetes-sigs/kubectl-validate|9431c46daf3fdcbdcc480134767eafdd990f8fc5|pkg/openapiclient/builtins/1.33/apis/networking.k8s.io/v1.json|apis__networking.k8s.io__v1.json
kubernetes-1.33|kubernetes-sigs/kubectl-validate|9431c46daf3fdcbdcc480134767eafdd990f8fc5|pkg/openapiclient/builtins/1.33/apis/policy/v1.json|apis__policy__v1.json
kubernetes-1.33|kubernetes-sigs/kubectl-validate|9431c46daf3fdcbdcc480134767eafdd990f8fc5|LICENSE|LICENSE
strimzi-0.48.0|strimzi/strimzi-kafka-operator|0.48.0|packaging/install/cluster-operator/040-Crd-kafka.yaml|040-Crd-kafka.yaml
strimzi-0.48.0|strimzi/strimzi-kafka-operator|0.48.0|packaging/install/cluster-operator/043-Crd-kafkatopic.yaml|043-Crd-kafkatopic.yaml
strimzi-0.48.0|strimzi/strimzi-kafka-operator|0.48.0|packaging/install/cluster-operator/044-Crd-kafkauser.yaml|044-Crd-kafkauser.yaml
strimzi-0.48.0|strimzi/strimzi-kafka-operator|0.48.0|packaging/install/cluster-operator/045-Crd-kafkanodepool.yaml|045-Crd-kafkanodepool.yaml
strimzi-0.48.0|strimzi/strimzi-kafka-operator|0.48.0|LICENSE|LICENSE
cloudnative-pg-1.27.4|cloudnative-pg/cloudnative-pg|v1.27.4|config/crd/bases/postgresql.cnpg.io_clusters.yaml|postgresql.cnpg.io_clusters.yaml
cloudnative-pg-1.27.4|cloudnative-pg/cloudnative-pg|v1.27.4|LICENSE|LICENSE
keda-2.18.3|kedacore/keda|v2.18.3|config/crd/bases/keda.sh_scaledobjects.yaml|keda.sh_scaledobjects.yaml
keda-2.18.3|kedacore/keda|v2.18.3|config/crd/bases/keda.sh_triggerauthentications.yaml|keda.sh_triggerauthentications.yaml
keda-2.18.3|kedacore/keda|v2.18.3|LICENSE|LICENSE
prometheus-operator-0.86.2|prometheus-operator/prometheus-operator|v0.86.2|example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml|monitoring.coreos.com_servicemonitors.yaml
prometheus-operator-0.86.2|prometheus-operator/prometheus-operator|v0.86.2|LICENSE|LICENSE
prometheus-operator-0.86.2|prometheus-operator/prometheus-operator|v0.86.2|NOTICE|NOTICE
'

fetch() { # owner/name ref path -> stdout
  local repo="$1" ref="$2" path="$3"
  if [[ -n "${LOCAL_REPOS:-}" ]]; then
    git --git-dir="$(git -C "$LOCAL_REPOS/$repo" rev-parse --absolute-git-dir)" show "$ref:$path"
  else
    curl -fsSL "https://raw.githubusercontent.com/$repo/$ref/$path"
  fi
}

mkdir -p "$out"
rm -rf "$out"/*/   # the versioned folders; SOURCES.md (provenance, kept by hand) stays
index="$out/index.txt"
echo "# Vendored schemas, one file a line (written by deploy/kubernetes-check/schemas/refresh.sh; see SOURCES.md)" > "$index"
while IFS='|' read -r folder repo ref path name; do
  [[ -z "$folder" ]] && continue
  mkdir -p "$out/$folder"
  target="$out/$folder/$name"
  if [[ "$name" == *.json ]]; then
    fetch "$repo" "$ref" "$path" | jq '{components: {schemas: .components.schemas}}' > "$target"
  else
    fetch "$repo" "$ref" "$path" > "$target"
  fi
  case "$name" in LICENSE|NOTICE) ;; *) echo "$folder/$name" >> "$index" ;; esac
  echo "$folder/$name  <-  $repo@$ref:$path"
done <<< "$SOURCES"
echo "Now update $out/SOURCES.md and deploy/kubernetes/README.md (Supported versions) to the new refs."
