# One image for every Node container of docker-compose.yml: the three bank services, the
# control plane (chaos) and the web UI dev server. Services run TypeScript directly with tsx
# (no build step), so the image is the workspace plus its installed dependencies.
#
#   docker build -t faultline-app:dev .        (docker compose build does the same)
#
# NODE_IMAGE is node:24-slim upstream; `npm run docker:images` builds it from this machine's
# own Node instead (faultline-local/node:<major>) when no registry is reachable. No BuildKit
# syntax line: the classic builder (Debian's Docker 20.10, docker-compose 1.29) builds it too.

ARG NODE_IMAGE=node:24-slim

# ---- manifests: only what `npm ci` reads. This stage's result changes only when a
# package.json or the lockfile changes, so the install layer below stays cached while
# sources change, and a new workspace package needs no edit here.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json ! -name .npmrc -delete \
 && find . -depth -type d -empty -delete

# ---- deps: `npm ci` once for the whole workspace, exactly the lockfile's versions.
# Dev dependencies stay: tsx runs the services and Vite serves the web UI.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=manifests /app ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

# ---- runtime: sources over the installed tree, owned by the unprivileged `node` user
# (uid 1000, shipped by the base image); Vite and tsx write their caches inside the tree.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV PATH=/app/node_modules/.bin:$PATH
COPY --from=deps --chown=node:node /app ./
COPY --chown=node:node . .
# The session secret's volume (docker-compose.yml, service `secrets`): a fresh named volume
# takes this directory's owner, so the unprivileged services can create and read the secret.
RUN mkdir -p /run/faultline && chown node:node /run/faultline
USER node
# Each compose service sets its own command; this default runs the ledger.
CMD ["tsx", "services/transaction/src/main.ts"]
