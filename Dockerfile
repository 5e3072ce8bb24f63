# One image for every app of the hub; docker-compose.yml picks the app by command.
#
# The base image is pinned by digest (the multi-arch index of node:24.15.0-bookworm-slim): a rebuild
# gets the same Node and Debian, whatever the tag points to by then. Where the digest comes from and
# how to refresh it: docs/operations.md "Container images". HUB_REGISTRY pulls it through a mirror
# (docker-compose.yml passes its own HUB_REGISTRY); the digest stays the same there.
ARG HUB_REGISTRY=docker.io
ARG NODE_IMAGE=library/node:24.15.0-bookworm-slim@sha256:4e6b70dd6cbfc88c8157ba19aa3d9f9cce6ba4703576d55459e45efcbc9c5f5d

FROM ${HUB_REGISTRY}/${NODE_IMAGE} AS build
WORKDIR /hub
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM ${HUB_REGISTRY}/${NODE_IMAGE}
WORKDIR /hub
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=true
COPY --from=build /hub/package.json ./
COPY --from=build /hub/node_modules ./node_modules
COPY --from=build /hub/dist ./dist
COPY --from=build /hub/schemas ./schemas
# Where the catalog writes the first admin key (docker-compose.yml mounts a volume here).
RUN mkdir -p /hub/secrets /hub/archive && chown node:node /hub/secrets /hub/archive
USER node
