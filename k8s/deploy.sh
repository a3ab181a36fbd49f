#!/usr/bin/env bash
# Applies an overlay in the order the platform needs, for clusters without Argo CD (with Argo CD the sync waves and
# the Jobs' Sync hooks give the same order). usage: k8s/deploy.sh dev|production
#   1. namespace, settings, network policies, Dapr components, PostgreSQL and RabbitMQ (the operators' resources);
#      then wait until both are ready.
#   2. the migration Jobs (each service's --migrate with its database owner's login); wait until all complete.
#   3. the services and the gateway; wait for each rollout.
set -euo pipefail
overlay=${1:?usage: k8s/deploy.sh dev|production}
ns=support
rendered=$(mktemp); trap 'rm -f "$rendered"' EXIT
kubectl kustomize "$(dirname "$0")/overlays/$overlay" >"$rendered"

echo "==> 1/3 platform, data and messaging"
kubectl apply -f "$rendered" -l 'app.kubernetes.io/component notin (migration,service,gateway)'
kubectl -n $ns wait --for=condition=Ready cluster.postgresql.cnpg.io/support-pg --timeout=20m
kubectl -n $ns wait --for=jsonpath='{.status.applied}'=true databases.postgresql.cnpg.io --all --timeout=5m
kubectl -n $ns wait --for=condition=AllReplicasReady rabbitmqcluster/support-rabbitmq --timeout=20m

echo "==> 2/3 migrations"
# A Job's pod template cannot be changed in place: the previous release's Jobs are replaced.
kubectl -n $ns delete job -l app.kubernetes.io/component=migration --ignore-not-found --wait=true
kubectl apply -f "$rendered" -l app.kubernetes.io/component=migration
if ! kubectl -n $ns wait --for=condition=Complete job -l app.kubernetes.io/component=migration --timeout=15m; then
  kubectl -n $ns get jobs -l app.kubernetes.io/component=migration
  echo "a migration failed: nothing was rolled out (kubectl -n $ns logs job/<service>-migrate)" >&2
  exit 1
fi

echo "==> 3/3 services and gateway"
kubectl apply -f "$rendered" -l 'app.kubernetes.io/component in (service,gateway)'
for deployment in referrals outreach missing therapy leavingcare supportline gateway; do
  kubectl -n $ns rollout status deployment/$deployment --timeout=10m
done
