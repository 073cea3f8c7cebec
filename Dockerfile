# The Agent OS GitHub App as a Node server (`probot run`), listening on port 3000.
#   docker build -t agent-os-github .
#   docker run --init -p 3000:3000 -e APP_ID=… -e PRIVATE_KEY="$(cat app.pem)" -e WEBHOOK_SECRET=… agent-os-github
# See docs/deploy.md.

# Build: compile src/ to lib/ with the dev dependencies (TypeScript).
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Run: production dependencies, the compiled App and its manifest only.
FROM node:24-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json
WORKDIR /app
# Production dependencies plus Probot and ioredis. package.json lists those two as optional peer dependencies (so
# installing the CLI alone does not pull them) and as dev dependencies (so a clone's `npm ci` has them); the server
# needs them, so here they become dependencies and install at the versions package-lock.json pins.
COPY package.json package-lock.json ./
RUN npm pkg delete devDependencies.probot devDependencies.ioredis \
 && npm pkg set "dependencies.probot=$(node -p 'require("./package.json").peerDependencies.probot')" \
                "dependencies.ioredis=$(node -p 'require("./package.json").peerDependencies.ioredis')" \
 && npm install --omit=dev --no-audit --no-fund \
 && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY app.yml ./
# The image's own `node` user (uid 1000); nothing in /app needs to be writable.
USER node
EXPOSE 3000
# Probot answers GET /ping with "PONG"; the slim image has no curl, so ask with Node's fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `npm start` without its build step. Probot's bin is run by node directly (not through npx/npm), so signals reach
# the server and Probot never tries to fetch optional packages (ioredis, smee-client) at start-up.
CMD ["node", "node_modules/probot/bin/probot.js", "run", "./lib/app/index.js"]
