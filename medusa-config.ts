import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The dev app: the demo and the integration-test harness. It loads the plugin
 * from src/ (a merchant's app loads it as `plugins: ["medusa-plugin-amazon"]`,
 * see README). Without REDIS_URL everything runs in one process with
 * in-memory modules; with it, Medusa's Redis modules take over (scale-out).
 */
const REDIS_URL = process.env.REDIS_URL

const redisModules = REDIS_URL
  ? [
      { key: Modules.CACHE, resolve: "@medusajs/medusa/cache-redis", options: { redisUrl: REDIS_URL } },
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        // BullMQ handles one event at a time per process by default: a sync the admin started ("sync
        // now" runs in its event's subscriber, for minutes) would hold up every stock event behind it
        options: { redisUrl: REDIS_URL, workerOptions: { concurrency: Number(process.env.MEDUSA_EVENT_CONCURRENCY ?? 20) } },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: REDIS_URL } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: REDIS_URL,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined) ?? "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
  },
  modules: [
    {
      resolve: "./src/modules/amazon",
      options: {
        lwaClientId: process.env.AMAZON_LWA_CLIENT_ID,
        lwaClientSecret: process.env.AMAZON_LWA_CLIENT_SECRET,
        appId: process.env.AMAZON_APP_ID,
        appDraft: process.env.AMAZON_APP_DRAFT === "true",
        encryptionKey: process.env.AMAZON_ENCRYPTION_KEY,
        spApiEndpoint: process.env.AMAZON_SP_API_ENDPOINT,
        lwaTokenUrl: process.env.AMAZON_LWA_TOKEN_URL,
        sellerCentralUrl: process.env.AMAZON_SELLER_CENTRAL_URL,
        backendUrl: process.env.MEDUSA_BACKEND_URL,
      },
    },
    {
      // Amazon Multi-Channel Fulfillment next to Medusa's manual provider (provider id amazon-mcf_amazon-mcf)
      key: Modules.FULFILLMENT,
      resolve: "@medusajs/medusa/fulfillment",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          { resolve: "./src/providers/amazon-mcf", id: "amazon-mcf" },
        ],
      },
    },
    ...redisModules,
  ],
})
