# One image for every part of Haven (identity, partners, cases, consent, gateway, portal) and for the one-shot
# migration step; docker-compose.yml picks the command. See the header of docker-compose.yml.
FROM node:20-bookworm-slim

ENV NEXT_TELEMETRY_DISABLED=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    CHECKPOINT_DISABLE=1
WORKDIR /app

# Dependencies first (cached while only sources change). --ignore-scripts: no install script is needed to run
# Haven (esbuild and next ship their binaries as optional packages; embedded PostgreSQL is for local use only),
# and npm 10 in this image would otherwise run scripts that the root package.json's allowScripts blocks.
COPY package.json package-lock.json ./
COPY services/kit/package.json services/kit/
COPY services/identity/package.json services/identity/
COPY services/partners/package.json services/partners/
COPY services/cases/package.json services/cases/
COPY services/consent/package.json services/consent/
COPY gateway/package.json gateway/
COPY web/package.json web/
RUN npm ci --ignore-scripts --no-audit --no-fund

COPY . .
# Prisma clients (generate never runs the schema engine: TOOLCHAIN.md) and the portal's production build.
RUN node scripts/prisma-generate.mjs --force \
 && npm run build --workspace web \
 && rm -rf .haven .haven-test web/.next/cache \
 && mkdir -p web/.next/cache && chown node:node web/.next/cache

# Never root at run time; the app can write nothing in /app but the portal's cache.
USER node
ENV NODE_ENV=production HOST=0.0.0.0
EXPOSE 3000 4000 4001 4002 4003 4004
CMD ["node", "--import", "tsx", "gateway/src/index.ts"]
