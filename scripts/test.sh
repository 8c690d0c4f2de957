#!/usr/bin/env bash
# The whole test suite: typecheck, lint (module boundaries), unit, integration (real PostgreSQL and
# Redis), build, and the end-to-end journeys in Chromium.
source "$(dirname "$0")/lib.sh"
ensure_deps
ensure_services
log "Kiểm tra kiểu (tsc)"; npx tsc -p tsconfig.spec.json
log "Lint (ranh giới module)"
# The boundary rule only reads a cached project graph: compute it first, or the rule is skipped.
npx nx show projects >/dev/null
npx eslint . --max-warnings=0
log "Kiểm thử đơn vị"; npx jest --selectProjects unit --ci
log "Kiểm thử tích hợp (PostgreSQL, Redis thật)"; npx jest --selectProjects integration --ci --runInBand
build_server
build_spas
log "Kiểm thử đầu-cuối (Chromium)"; node e2e/run.mjs
log "Tất cả kiểm thử đều đạt"
