# Multi-stage image of the platform: the same image runs the API (default) or the worker.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json schema.gql ./
COPY apps apps
COPY libs libs
COPY migrations migrations
COPY scripts scripts
COPY types types
# `npm run build` builds the web app too (typed against schema.gql) into dist/web, which the API serves.
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
# ffmpeg is used by the media worker (probe, poster, preview); tini reaps child processes and forwards signals.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
EXPOSE 3000 3001
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/apps/api/src/main.js"]
