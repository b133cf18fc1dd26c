# intake: build with the dev dependencies (TypeScript), run with the production ones only.
#   docker build -t intake .            (docker compose builds it for the poller, worker and replay)

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 falls back to compiling when no prebuilt binary matches.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json tsconfig.json ./
COPY src src
COPY workers workers
COPY scripts scripts
COPY bench bench
# npm ci runs the install scripts and `prepare` (tsc -p .), which writes dist/.
RUN npm ci && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    INTAKE_DATA_DIR=/data \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# One image, three roles: `intake poll`, `intake work` (node dist/workers/intake.worker.js) and
# `intake daemon` (both); docker-compose.yml picks the command per service.
ENTRYPOINT ["node"]
CMD ["dist/src/cli.js", "daemon"]
