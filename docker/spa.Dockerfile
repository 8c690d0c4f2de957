# syntax=docker/dockerfile:1
#
# Angular SPA image, one Dockerfile for both apps:
#   --build-arg APP=portal   citizen portal (Cổng Dịch vụ công)
#   --build-arg APP=desk     one-stop desk (Hệ thống một cửa điện tử)
# Built with Nx, served by nginx with the SPA fallback and a same-origin /api/ proxy
# (docker/nginx-spa.conf).
#
# Build from the repository root (the build context must be the repo root):
#   docker build -f docker/spa.Dockerfile --build-arg APP=portal -t dvc-portal:local .
#   docker build -f docker/spa.Dockerfile --build-arg APP=desk   -t dvc-desk:local .
# Run (API_UPSTREAM defaults to http://api:3000):
#   docker run -p 4200:80 -e API_UPSTREAM=http://my-api:3000 dvc-portal:local
# Files left out of the context: docker/spa.Dockerfile.dockerignore (BuildKit).

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.27-alpine

# ---------------------------------------------------------------------------
# build: nx run $APP:build (production configuration) -> dist/apps/$APP/browser
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
ARG APP=portal
RUN case "$APP" in portal|desk) ;; *) echo "APP must be 'portal' or 'desk' (got '$APP')" >&2; exit 1 ;; esac
WORKDIR /app
ENV NX_NO_CLOUD=true \
    NX_DAEMON=false \
    NG_CLI_ANALYTICS=false \
    SCARF_ANALYTICS=false \
    CI=true \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false

COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci

# Workspace configuration and sources Nx needs to build the project graph and the app.
COPY nx.json tsconfig.base.json tsconfig.server.json tsconfig.spec.json eslint.config.mjs jest.config.js ./
COPY apps apps
COPY libs libs
COPY migrations migrations
RUN npx nx run "${APP}:build" --skip-nx-cache \
 && test -f "dist/apps/${APP}/browser/index.html"

# ---------------------------------------------------------------------------
# runtime: nginx serving the static files
# ---------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
ARG APP=portal

# The entrypoint renders /etc/nginx/templates/*.template with envsubst (only the variables
# matched by NGINX_ENVSUBST_FILTER) and, with NGINX_ENTRYPOINT_LOCAL_RESOLVERS set, exports
# the container's DNS servers as NGINX_LOCAL_RESOLVERS for the `resolver` directive.
ENV API_UPSTREAM=http://api:3000 \
    NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1 \
    NGINX_ENVSUBST_FILTER="API_UPSTREAM|NGINX_LOCAL_RESOLVERS"

RUN rm -f /etc/nginx/conf.d/default.conf && rm -rf /usr/share/nginx/html/*
COPY docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY docker/nginx-spa.conf /etc/nginx/templates/default.conf.template
COPY --from=build /app/dist/apps/${APP}/browser /usr/share/nginx/html

LABEL org.opencontainers.image.title="dvc-${APP}" \
      org.opencontainers.image.licenses="Apache-2.0"

EXPOSE 80

HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1/healthz || exit 1

# CMD/ENTRYPOINT: inherited from the nginx image (docker-entrypoint.sh nginx -g 'daemon off;').
