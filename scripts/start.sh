#!/usr/bin/env bash
# Runs the whole product on this machine: installs dependencies, makes sure PostgreSQL and Redis
# are up, builds, migrates, seeds the demo data, then runs api + worker + portal + desk.
source "$(dirname "$0")/lib.sh"
ensure_deps
ensure_services
build_server
build_spas
log "Áp dụng migration"; node_app api migrate
log "Nạp dữ liệu mẫu"; node_app api seed/seed

export API_PORT="${API_PORT:-3000}" WORKER_PORT="${WORKER_PORT:-3001}" PORTAL_PORT="${PORTAL_PORT:-4200}" DESK_PORT="${DESK_PORT:-4300}"
# The national public service portal simulator; the worker syncs dossier statuses to it unless NATIONAL_PORTAL_URL says otherwise.
export SIM_PORT="${SIM_PORT:-3100}"
export NATIONAL_PORTAL_URL="${NATIONAL_PORTAL_URL:-http://127.0.0.1:$SIM_PORT}"
# Digital signatures: a development CA + agency .p12 (var/signing) unless SIGNING_MODE is already set.
if [ -z "${SIGNING_MODE:-}" ]; then
  export SIGNING_P12_PASSWORD="${SIGNING_P12_PASSWORD:-dev-p12-password}"
  node tools/dev-signing-cert.mjs
  export SIGNING_MODE=pkcs12 SIGNING_P12_PATH="$PWD/var/signing/agency.p12" SIGNING_TRUST_STORE="$PWD/var/signing/dev-ca.pem"
fi
mkdir -p var/log
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
node_app api main > var/log/api.log 2>&1 & pids+=($!)
node_app national-portal-sim main > var/log/national-portal-sim.log 2>&1 & pids+=($!)
node_app worker main > var/log/worker.log 2>&1 & pids+=($!)
node tools/spa-server.js --dir dist/apps/portal/browser --port "$PORTAL_PORT" --api "http://127.0.0.1:$API_PORT" > var/log/portal.log 2>&1 & pids+=($!)
node tools/spa-server.js --dir dist/apps/desk/browser --port "$DESK_PORT" --api "http://127.0.0.1:$API_PORT" > var/log/desk.log 2>&1 & pids+=($!)

for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$API_PORT/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$API_PORT/health" >/dev/null || { tail -20 var/log/api.log; die "API không khởi động được (xem var/log/api.log)"; }

cat <<TXT

  Cổng dịch vụ công (công dân):  http://localhost:$PORTAL_PORT
  Một cửa điện tử (cán bộ):      http://localhost:$DESK_PORT
  API:                           http://localhost:$API_PORT/api/v1   (OpenAPI: http://localhost:$API_PORT/api/docs)
  Sức khỏe / số đo:              http://localhost:$API_PORT/health   http://localhost:$API_PORT/metrics
  Hàng đợi (Bull Board):         http://localhost:$WORKER_PORT/admin/queues
  Cổng DVCQG giả lập:            http://localhost:$SIM_PORT/sim/state   (đồng bộ tới: $NATIONAL_PORTAL_URL)

  Tài khoản mẫu (mật khẩu Demo@2026):
    Cán bộ: quantri.tinh (quản trị đơn vị), admin (quản trị hệ thống), tiepnhan.tinh (tiếp nhận),
            chuyenvien.stp (chuyên viên), lanhdao.stp (lãnh đạo)
    Công dân: số định danh 001099012345

  Nhật ký: var/log/*.log — Ctrl+C để dừng.
TXT
wait -n "${pids[@]}"
die "Một tiến trình đã dừng; xem var/log/*.log"
