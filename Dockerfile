# syntax=docker/dockerfile:1
# Build stage: install everything, compile TypeScript, then keep only production dependencies. Only src/
# is compiled: the simulators (simulators/) and the packages only they use stay in a development checkout.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: compiled code, production dependencies and the default policy. `demo` needs the simulators
# of a development checkout; here it says so and exits 2.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/var/lib/donegate \
    POLICY_FILE=/app/config/policy.yaml \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY config ./config
RUN mkdir -p /var/lib/donegate && chown node:node /var/lib/donegate
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "bin/donegate.js"]
CMD ["serve"]
