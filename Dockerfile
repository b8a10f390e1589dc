# Multi-stage image of the platform: the same image runs the API (default) or the worker.
# Node 24 LTS (Node 20 is end of life since April 2026; package.json "engines" still admits >=20.19 for
# development machines). The image holds runtime dependencies only: no embedded PostgreSQL, no s3rver and no
# npm-packaged ffmpeg (an old static build that must not decode untrusted uploads); Debian's ffmpeg instead.
FROM node:24-bookworm-slim AS base
WORKDIR /app
COPY package.json package-lock.json ./

# Runtime dependencies, installed on their own: nothing from devDependencies ever enters this tree.
FROM base AS runtime-deps
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# The build needs the compiler and types (devDependencies); its node_modules stays in this stage.
FROM base AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json schema.gql ./
COPY apps apps
COPY libs libs
COPY migrations migrations
COPY scripts scripts
COPY types types
# `npm run build` builds the web app too (typed against schema.gql) into dist/web, which the API serves.
RUN npm run build

FROM node:24-bookworm-slim AS runtime
# ffmpeg/ffprobe (Debian 12's, with its security updates) for the media worker: probe, poster, preview.
# tini reaps child processes and forwards signals.
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
  FFMPEG_PATH=/usr/bin/ffmpeg \
  FFPROBE_PATH=/usr/bin/ffprobe
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=runtime-deps /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
EXPOSE 3000 3001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/api/src/main.js"]
