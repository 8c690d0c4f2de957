# syntax=docker/dockerfile:1
#
# Worker image (NestJS + BullMQ): background jobs, /health and the queue dashboard
# (Bull Board at /admin/queues, login with a system_admin official) on $WORKER_PORT (3001).
#
# Build from the repository root (the build context must be the repo root):
#   docker build -f docker/worker.Dockerfile -t dvc-worker:local .
# Files left out of the context: docker/worker.Dockerfile.dockerignore (BuildKit).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# build: full dependencies, compile the server code with tsc into dist/server
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_NO_CLOUD=true \
    NX_DAEMON=false \
    SCARF_ANALYTICS=false \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false

COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci

# Same sources and compile step as docker/api.Dockerfile (tsconfig.server.json compiles the
# api, the worker, the libs and the migrations in one program), so both images share the layer cache.
COPY tsconfig.base.json tsconfig.server.json ./
COPY apps/api/src apps/api/src
COPY apps/worker/src apps/worker/src
COPY libs libs
COPY migrations migrations
RUN npx tsc -p tsconfig.server.json \
 && rm -f dist/server/.tsbuildinfo \
 && test -f dist/server/apps/worker/src/main.js

# ---------------------------------------------------------------------------
# runtime: production dependencies only, non-root
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    SCARF_ANALYTICS=false \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false \
    API_HOST=0.0.0.0 \
    WORKER_PORT=3001

COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

# register-paths.js reads ../tsconfig.base.json to map the @dvc/* aliases onto dist/server.
COPY --from=build /app/dist/server ./dist/server
COPY tools/register-paths.js ./tools/register-paths.js
COPY tsconfig.base.json ./

USER node

EXPOSE 3001

# The worker binds to API_HOST too; /health answers 200 when PostgreSQL and Redis are reachable.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.WORKER_PORT || 3001) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "-r", "./tools/register-paths.js", "dist/server/apps/worker/src/main.js"]
