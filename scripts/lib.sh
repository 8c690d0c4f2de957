#!/usr/bin/env bash
# Shared by scripts/start.sh, scripts/test.sh and .ci/run: dependencies and local services.
set -euo pipefail
export NX_NO_CLOUD=true NX_DAEMON=false NG_CLI_ANALYTICS=false NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mLỗi:\033[0m %s\n' "$*" >&2; exit 1; }

# npm ci when node_modules is missing or older than the lockfile.
ensure_deps() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "Cài đặt thư viện (npm ci)"
    npm ci --no-audit --no-fund
  fi
}

url_host() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(u.hostname)' "$1"; }
url_port() { node -e 'const u=new URL(process.argv[1]);process.stdout.write(u.port||process.argv[2])' "$1" "$2"; }
is_local() { case "$1" in 127.0.0.1|localhost|::1|\[::1\]) return 0;; *) return 1;; esac; }
tcp_open() { node -e 'const s=require("net").connect(+process.argv[2],process.argv[1]);s.setTimeout(1500);s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1));s.on("timeout",()=>process.exit(1))' "$1" "$2"; }
is_debian_root() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; }

compose_hint() {
  cat >&2 <<'TXT'
Không khởi động được PostgreSQL/Redis trên máy này. Cách khác:
  docker compose -f docker/compose.yml up -d postgres redis
  DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/dvc REDIS_URL=redis://127.0.0.1:6379 npm start
TXT
}

start_postgres() {
  local fresh=0
  if [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    is_debian_root || return 1
    log "Cài PostgreSQL từ kho gói Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fresh=1
  fi
  local v; v=$(ls /etc/postgresql | sort -V | tail -1)
  if [ "$fresh" = 1 ]; then
    # Development machine: local TCP connections without a password, as on the CI machines.
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "/etc/postgresql/$v/main/pg_hba.conf"
  fi
  log "Khởi động PostgreSQL $v"
  pg_ctlcluster --skip-systemctl-redirect "$v" main start || true
}

start_redis() {
  if ! command -v redis-server >/dev/null; then
    is_debian_root || return 1
    log "Cài Redis từ kho gói Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  log "Khởi động Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
}

wait_tcp() { for _ in $(seq 1 30); do tcp_open "$1" "$2" && return 0; sleep 1; done; return 1; }

# Uses DATABASE_URL/REDIS_URL when given; otherwise the local services, started (or installed from
# Debian's packages when run as root) if they are down; otherwise explains the docker alternative.
ensure_services() {
  export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/dvc}"
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
  local ph pp rh rp
  ph=$(url_host "$DATABASE_URL"); pp=$(url_port "$DATABASE_URL" 5432)
  rh=$(url_host "$REDIS_URL"); rp=$(url_port "$REDIS_URL" 6379)
  if ! tcp_open "$ph" "$pp"; then
    if is_local "$ph"; then start_postgres || { compose_hint; die "PostgreSQL không chạy tại $ph:$pp"; }; fi
    wait_tcp "$ph" "$pp" || { compose_hint; die "PostgreSQL không trả lời tại $ph:$pp"; }
  fi
  if ! tcp_open "$rh" "$rp"; then
    if is_local "$rh"; then start_redis || { compose_hint; die "Redis không chạy tại $rh:$rp"; }; fi
    wait_tcp "$rh" "$rp" || { compose_hint; die "Redis không trả lời tại $rh:$rp"; }
  fi
}

build_server() { log "Biên dịch API và worker (tsc)"; rm -f dist/server/.tsbuildinfo; npx tsc -p tsconfig.server.json; }
build_spas() { log "Đóng gói portal và desk (Angular)"; npx nx run-many -t build -p portal desk --parallel=1 --outputStyle=static; }
node_app() { node -r ./tools/register-paths.js "dist/server/apps/$1/src/$2.js"; }
