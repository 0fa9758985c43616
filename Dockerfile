# syntax=docker/dockerfile:1

# Node 26, the current LTS (CI runs the tests on it as well as on Node 20, the oldest supported).
# Build stage: nodejieba compiles a native addon, which needs python3, make and g++.
FROM node:26-trixie-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci also brings what /trend draws its charts with: resvg's prebuilt binary for this platform (an
# optional dependency of @resvg/resvg-js, one per platform in the lockfile, so optional dependencies
# must not be omitted) and the chart font (@embedpdf/fonts-sc), loaded by path: no system font needed.
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev
COPY tsconfig.json ./
COPY src ./src
COPY commands ./commands
COPY data ./data

# Runtime stage: the same Debian (same libc) without the toolchain, running as the unprivileged node user.
FROM node:26-trixie-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends dumb-init \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
# The container host probes the health checks from outside the container's loopback.
ENV HEALTH_HOST=0.0.0.0
WORKDIR /app
# WORKDIR makes /app as root, and COPY --chown changes what it copies, not the folder: the node user
# must own it to create the start-up cache (/app/.cache, CACHE_DIR's default).
RUN chown node:node /app
COPY --from=build --chown=node:node /app ./
USER node
# Health checks answer only when HEALTH_PORT is set; without it the check passes, so that a bot run
# without health checks is not marked unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const p=process.env.HEALTH_PORT;if(!p)process.exit(0);fetch('http://127.0.0.1:'+p+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# dumb-init as PID 1 forwards SIGTERM; node runs the sources directly through tsx, not through npm,
# which would not pass the signal on.
ENTRYPOINT ["dumb-init", "--"]
CMD ["node", "--import", "tsx", "src/main.ts"]
