# One image for every app of the hub; docker-compose.yml picks the app by command.
FROM node:24-bookworm-slim AS build
WORKDIR /hub
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /hub
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=true
COPY --from=build /hub/package.json ./
COPY --from=build /hub/node_modules ./node_modules
COPY --from=build /hub/dist ./dist
COPY --from=build /hub/schemas ./schemas
# Where the catalog writes the first admin key (docker-compose.yml mounts a volume here).
RUN mkdir -p /hub/secrets /hub/archive && chown node:node /hub/secrets /hub/archive
USER node
