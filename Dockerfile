# intake: build with the dev dependencies (TypeScript), run with the production ones only.
#   docker build -t intake .            (docker compose builds it for the poller, worker and replay)

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 falls back to compiling when no prebuilt binary matches.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Dependencies first (a cached layer while only sources change). --ignore-scripts skips `prepare`,
# which would compile a tree not copied yet; the native modules are built explicitly.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3 msgpackr-extract
COPY tsconfig.json ./
COPY docker/tsconfig.build.json docker/
COPY src src
COPY workers workers
RUN npx tsc -p docker/tsconfig.build.json && npm prune --omit=dev

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
# One image, three roles: `intake poll`, the worker (dist/workers/intake.worker.js, what `intake
# work` runs) and `intake daemon` (both); docker-compose.yml picks the command per service.
ENTRYPOINT ["node"]
CMD ["dist/src/cli.js", "daemon"]
