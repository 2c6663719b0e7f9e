import { type ChildProcess, execFile, spawn } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { promisify } from "node:util"
import axios, { type AxiosInstance } from "axios"
import pg from "pg"
import type { SandboxHandle } from "../../sandbox/server"

const root = path.resolve(__dirname, "../..")
const run = promisify(execFile)

export type BenchApp = { url: string; api: AxiosInstance; stop(): Promise<void> }

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/**
 * A real Medusa app of this repo for end-to-end benches: a fresh database on
 * the server DATABASE_URL points at (npm run bench provides an embedded one),
 * migrations, `medusa develop` with the admin UI off, the plugin pointed at
 * the given sandbox, and an admin API client with a logged-in admin.
 */
export async function startBenchApp(sandbox: SandboxHandle, env: Record<string, string> = {}): Promise<BenchApp> {
  const base = process.env.DATABASE_URL
  if (!base) throw new Error("DATABASE_URL is not set: run the bench through npm run bench (it starts a Postgres)")
  const database = `bench_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: base.replace(/\/[^/]*$/, "/postgres") })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${database}"`)
  await admin.end()
  const port = await freePort()
  const url = `http://localhost:${port}`
  const appEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: base.replace(/\/[^/]*$/, `/${database}`),
    PORT: String(port),
    MEDUSA_ADMIN_DISABLE: "true",
    MEDUSA_BACKEND_URL: url,
    AMAZON_SP_API_ENDPOINT: sandbox.url,
    AMAZON_LWA_TOKEN_URL: sandbox.lwaTokenUrl,
    AMAZON_SELLER_CENTRAL_URL: sandbox.sellerCentralUrl,
    AMAZON_LWA_CLIENT_ID: "amzn1.application-oa2-client.sandbox",
    AMAZON_LWA_CLIENT_SECRET: "sandbox-client-secret",
    AMAZON_APP_ID: "amzn1.sellerapps.app.sandbox",
    AMAZON_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
    LOG_LEVEL: "error",
    ...env,
  }
  await run("npx", ["medusa", "db:migrate"], { cwd: root, env: appEnv, maxBuffer: 64 << 20 })
  await run("npx", ["medusa", "user", "-e", "bench@example.com", "-p", "bench-password"], { cwd: root, env: appEnv, maxBuffer: 16 << 20 })
  // `medusa start` in development mode is what `develop` runs, without the watcher that would restart it on any edit
  const server: ChildProcess = spawn("npx", ["medusa", "start"], { cwd: root, env: appEnv, stdio: "ignore", detached: true })
  const until = Date.now() + 120_000
  for (;;) {
    try {
      await axios.get(`${url}/health`, { timeout: 1000 })
      break
    } catch {
      if (Date.now() > until) throw new Error("the bench's Medusa app did not start within 120 s")
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  const { data } = await axios.post(`${url}/auth/user/emailpass`, { email: "bench@example.com", password: "bench-password" })
  const api = axios.create({ baseURL: url, headers: { authorization: `Bearer ${data.token}` } })
  return {
    url,
    api,
    async stop() {
      try {
        process.kill(-server.pid!, "SIGTERM")
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 1500))
      const cleanup = new pg.Client({ connectionString: base.replace(/\/[^/]*$/, "/postgres") })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {})
      await cleanup.end()
    },
  }
}
