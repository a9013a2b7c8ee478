#!/usr/bin/env bash
# Run the production stack locally: gunicorn (several workers) + db_worker, production settings,
# against the local PostgreSQL and Redis. Ctrl-C stops both processes.
#
#   PORT=8001 WORKERS=2 scripts/prod-local.sh          # foreground
#   scripts/prod-local.sh --prepare-only               # migrate, collectstatic, messages, demo
#
# Environment (defaults in brackets): PORT [8001], WORKERS [2], WORKER_CLASS [gthread], THREADS [4],
# PGDATABASE [campaignkit], DATABASE_URL [postgres://postgres@127.0.0.1:5432/$PGDATABASE],
# REDIS_URL [redis://127.0.0.1:6379/1], EMAIL_HOST/EMAIL_PORT [127.0.0.1:1025], LOAD_DEMO [1],
# PROD_LOCAL_SETTINGS [campaign_site.settings.production] (the benchmarks add bare views),
# MAX_REQUESTS [5000] (a worker is replaced after this many requests; 0: never), RUN_WORKER [1].
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8001}"
WORKERS="${WORKERS:-2}"
THREADS="${THREADS:-4}"
PGDATABASE="${PGDATABASE:-campaignkit}"
export DJANGO_SETTINGS_MODULE="${PROD_LOCAL_SETTINGS:-campaign_site.settings.production}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/${PGDATABASE}}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/1}"
export CACHE_KEY_PREFIX="${CACHE_KEY_PREFIX:-campaign-kit-local}"
export TASKS=database
export EMAIL_HOST="${EMAIL_HOST:-127.0.0.1}"
export EMAIL_PORT="${EMAIL_PORT:-1025}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export BASE_URL="${BASE_URL:-http://127.0.0.1:${PORT}}"
# Plain HTTP on loopback: no TLS redirect, cookies not marked Secure (a proxy terminates TLS in
# real deployments, where these stay at their secure defaults).
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}"
export SECURE_COOKIES="${SECURE_COOKIES:-false}"
export SECURE_HSTS_SECONDS="${SECURE_HSTS_SECONDS:-0}"
if [ -z "${SECRET_KEY:-}" ]; then
  mkdir -p var
  [ -s var/prod-local-secret ] || .venv/bin/python -c "import secrets; print(secrets.token_urlsafe(48))" > var/prod-local-secret
  SECRET_KEY="$(cat var/prod-local-secret)"
  export SECRET_KEY
fi

PY=.venv/bin/python
if [[ "$DATABASE_URL" == postgres://*/"$PGDATABASE" ]]; then
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='${PGDATABASE}'" | grep -q 1 \
    || createdb -h 127.0.0.1 -U postgres "$PGDATABASE"
fi
redis-cli -u "$REDIS_URL" ping >/dev/null

$PY manage.py migrate --noinput -v0
$PY manage.py collectstatic --noinput -v0
for dir in locale core/locale events/locale appeals/locale campaigns/locale; do .venv/bin/pybabel -q compile --domain django --directory "$dir"; done
[ "${LOAD_DEMO:-1}" = 1 ] && $PY manage.py load_demo >/dev/null
[ "${1:-}" = "--prepare-only" ] && exit 0

# Access log without client addresses or query strings (no personal data in logs).
.venv/bin/gunicorn campaign_site.wsgi --pythonpath site \
  --bind "127.0.0.1:${PORT}" --workers "$WORKERS" --threads "$THREADS" \
  --worker-class "${WORKER_CLASS:-gthread}" --timeout 30 --graceful-timeout 10 \
  --max-requests "${MAX_REQUESTS:-5000}" --max-requests-jitter 500 \
  --access-logfile "${ACCESS_LOG:--}" --access-logformat '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms' \
  --error-logfile - &
GUNICORN=$!
# run_worker is db_worker that waits and resumes when the database restarts. RUN_WORKER=0 when
# the worker runs elsewhere (another host, or a benchmark that drains the queue itself).
WORKER=
if [ "${RUN_WORKER:-1}" = 1 ]; then
  $PY manage.py run_worker --interval 0.5 &
  WORKER=$!
fi
# E-mails that failed while the mail server was unreachable go back in the queue.
( while sleep "${RETRY_INTERVAL:-60}"; do $PY manage.py retry_failed_tasks --all-tasks --older-than "${RETRY_AFTER:-30}" || true; done ) &
RETRY=$!
trap 'kill $GUNICORN $WORKER $RETRY 2>/dev/null; wait' INT TERM EXIT
echo "Campaign Kit (production settings) on http://127.0.0.1:${PORT}/ (gunicorn pid $GUNICORN, worker pid ${WORKER:-none})"
wait -n $GUNICORN $WORKER
