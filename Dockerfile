# syntax=docker/dockerfile:1
# The FAQ line as a container: built with dev dependencies, run with production ones only, as a non-root user.
#   docker build -t faq-line .
#   docker run -p 3000:3000 -e TWILIO_AUTH_TOKEN=... -e PUBLIC_URL=https://line.example.com faq-line
# tini is PID 1 (it forwards every signal to node and reaps zombies), so no --init is needed.

# ---- build: compile TypeScript with the dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- run: production dependencies, compiled code and the FAQ data ----
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    MODEL_CACHE_DIR=/tmp/faq-line-models
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# no production dependency has an install script
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY faq-data ./faq-data
COPY twiml ./twiml
# files stay owned by root and read-only to the app; it only needs to read them
USER node
EXPOSE 3000
# alive = answers HTTP; /readyz (FAQ loaded, not draining) is for the load balancer
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is tini's child: SIGTERM drains and exits 0, SIGHUP reloads the FAQ. node is started directly, not
# through npm (npm does not pass SIGHUP on). Stack traces point at the TypeScript sources (the .js.map files).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
