# syntax=docker/dockerfile:1
#
# API image (NestJS): HTTP API on $API_PORT (3000), /health, /metrics, /api/docs.
# The same image also carries the one-shot commands:
#   migrate: node -r ./tools/register-paths.js dist/server/apps/api/src/migrate.js
#   seed:    node -r ./tools/register-paths.js dist/server/apps/api/src/seed/seed.js
#
# Build from the repository root (the build context must be the repo root):
#   docker build -f docker/api.Dockerfile -t dvc-api:local .
# Files left out of the context: docker/api.Dockerfile.dockerignore (BuildKit).

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

COPY tsconfig.base.json tsconfig.server.json ./
COPY apps/api/src apps/api/src
COPY apps/worker/src apps/worker/src
COPY libs libs
COPY migrations migrations
RUN npx tsc -p tsconfig.server.json \
 && rm -f dist/server/.tsbuildinfo \
 && test -f dist/server/apps/api/src/main.js \
 && test -f dist/server/apps/api/src/migrate.js \
 && test -f dist/server/apps/api/src/seed/seed.js

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
    API_PORT=3000

COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev

# Compiled code and what `node -r ./tools/register-paths.js` needs at run time:
# register-paths.js reads ../tsconfig.base.json to map the @dvc/* aliases onto dist/server.
COPY --from=build /app/dist/server ./dist/server
COPY tools/register-paths.js ./tools/register-paths.js
COPY tsconfig.base.json ./
# The seed reads the demo catalog from the source-tree path beside seed.ts.
COPY apps/api/src/seed/catalog.seed.json ./apps/api/src/seed/catalog.seed.json

# Files stay owned by root (read-only for the app); the process runs as the image's `node` user.
USER node

EXPOSE 3000

# /health answers 200 when PostgreSQL and Redis are reachable, 503 otherwise.
# (node:*-slim has no curl/wget; Node 20 has a global fetch.)
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.API_PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "-r", "./tools/register-paths.js", "dist/server/apps/api/src/main.js"]
