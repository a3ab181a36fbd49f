# Shared settings for the tools/ scripts. Source it; do not run it.
# Everything lives under $SUPPORT_DATA (default: <repo>/.data, git-ignored): databases, broker, keys, logs, pids.
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUPPORT_DATA=${SUPPORT_DATA:-$REPO/.data}
PG_PORT=${PG_PORT:-55432}
RMQ_PORT=${RMQ_PORT:-5673}
RMQ_MGMT_PORT=${RMQ_MGMT_PORT:-15673}
SECRETS=$SUPPORT_DATA/secrets
GATEWAY_PORT=${GATEWAY_PORT:-8080}

# name:port:project-dir:assembly  (one database and login per service, named support_<name> and <name>)
SERVICES=(
  "referrals:8081:services/Referrals:Referrals.Api"
  "outreach:8082:services/Outreach:Outreach.Api"
  "missing:8083:services/Missing:Missing.Api"
  "therapy:8084:services/Therapy:Therapy.Api"
  "leavingcare:8085:services/LeavingCare:LeavingCare.Api"
  "supportline:8086:services/SupportLine:SupportLine.Api"
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# A random secret created once and kept in the data folder (never in the repository).
secret() {
  local name=$1 file=$SECRETS/$1
  mkdir -p "$SECRETS"; chmod 700 "$SECRETS"
  if [ ! -s "$file" ]; then
    head -c 32 /dev/urandom | base64 | tr -d '\n' >"$file"
    chmod 600 "$file"
  fi
  cat "$file"
}

# Connection settings: taken from the environment when supplied (then no local server is started), otherwise the
# project-local servers.
external_pg() { [ -n "${SUPPORT_PG_ADMIN:-}" ]; }
external_rmq() { [ -n "${SUPPORT_RABBITMQ_URL:-}" ]; }
pg_admin() {
  if external_pg; then echo "$SUPPORT_PG_ADMIN"; else
    echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$(secret pg-postgres);Database=postgres"; fi
}
rmq_url() { if external_rmq; then echo "$SUPPORT_RABBITMQ_URL"; else echo "amqp://guest:guest@127.0.0.1:$RMQ_PORT/"; fi; }
rmq_mgmt_url() { echo "${SUPPORT_RABBITMQ_MGMT_URL:-http://127.0.0.1:$RMQ_MGMT_PORT}"; }

# Value of Key=... in an Npgsql connection string.
conn_get() { tr ';' '\n' <<<"$1" | awk -F= -v k="$2" 'tolower($1)==tolower(k){sub(/^[^=]*=/,""); print; exit}'; }

# --- SupportLine in development (tools/run, tools/sms): a local stand-in for Twilio. Texts the line sends stay in its
# outbox (GET /api/supportline/outbox); tools/sms signs inbound texts with a development auth token kept in .data/secrets.
SMS_DEV_ACCOUNT_SID=AC00000000000000000000000000000dev
SMS_DEV_NUMBER=+447700900000
supportline_dev_env() {
  printf '%s\n' Sms__Transport=local "Sms__AccountSid=$SMS_DEV_ACCOUNT_SID" "Sms__FromNumber=$SMS_DEV_NUMBER" \
    "Sms__AuthToken=$(secret sms-dev-auth-token)" \
    "Sms__InboundWebhookUrl=http://localhost:$GATEWAY_PORT/api/supportline/webhooks/twilio/sms" \
    "Sms__StatusCallbackUrl=http://localhost:$GATEWAY_PORT/api/supportline/webhooks/twilio/status" \
    "Sms__CallStatusCallbackUrl=http://localhost:$GATEWAY_PORT/api/supportline/webhooks/twilio/call-status"
}
