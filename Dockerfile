# tradehub: one image for the API/worker process and for `cli.js migrate`.
#
#   docker build -t tradehub .
#   docker run --rm -e DATABASE_URL=... tradehub node dist/apps/tradehub/src/cli.js migrate
#   docker run -p 3000:3000 -e DATABASE_URL=... -e KAFKA_BROKERS=... -e AUTH_JWT_SECRET=... tradehub
#
# Always set DATABASE_URL: without it the app starts an embedded PostgreSQL, which is for
# laptops without Docker, not for containers.

# --- build: dev dependencies, compile, then drop the dev dependencies again
FROM node:24 AS build
WORKDIR /app

# Dependencies first, so editing the sources does not reinstall them. `npm ci` honours the
# `allowScripts` list in package.json (which packages may run install scripts).
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# Only what `npm run build` reads: `nest build` (tsconfig.build.json: apps/** and libs/**, no tests)
# and the console's `vite build` (apps/console, into dist/console).
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: compiled JS and production dependencies only
FROM node:24-slim AS runtime
WORKDIR /app

# NODE_ENV=production makes the config strict: PUBLIC_URL (the OAuth issuer) is required, and
# SANDBOX=true and dev tokens are refused (override NODE_ENV for a sandbox, as docker-compose.yml does).
# HOST=0.0.0.0: the app listens on 127.0.0.1 by default, unreachable from outside the container.
# MALLOC_ARENA_MAX and --max-semi-space-size as package.json's start:prod: they keep the resident
# set under 300 MB (docs/benchmarks.md, memory).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MALLOC_ARENA_MAX=2

# Owned by root and read-only for the app user.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The AsyncAPI document served at /docs/asyncapi.json (generated and committed, see `npm run asyncapi`).
COPY docs/asyncapi.json ./docs/asyncapi.json

# Uploaded logistics proofs (STORAGE_DIR, default .data/files relative to /app) are the only
# files the app writes; mount a volume here to keep them.
RUN mkdir -p /app/.data/files && chown -R node:node /app/.data

# `node` (uid 1000) comes with the official Node.js images.
USER node

EXPOSE 3000

# Liveness only (/health/ready also checks PostgreSQL and Kafka). No curl in the slim image,
# so Node's built-in fetch does the request.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# node as PID 1 is fine here: main.js handles SIGTERM/SIGINT itself (drains the outbox relay).
CMD ["node", "--max-semi-space-size=16", "dist/apps/tradehub/src/main.js"]
