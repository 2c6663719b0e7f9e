import { spawn } from "node:child_process"
import { join } from "node:path"
import { Client } from "pg"
import { type BenchRow, formatBenchTable } from "./bench-row"

/**
 * Orders in, measured twice (bench/orders-exec.ts does the work inside a Medusa app booted by `medusa exec`
 * on a throwaway database, against the SP-API sandbox in a child process):
 *
 * 1. Quota: 10,000 orders pulled into the ledger (`create_orders: false`) at `TIME_SCALE`× Amazon's speed.
 *    searchOrders allows 0.0056 req/s with a burst of 20, so 100 pages cannot take less than
 *      floor = (pages − 20) / (0.0056 × TIME_SCALE) seconds.
 *    "wall / floor" is 1.00 when not a moment of quota is wasted; the goal is ≤ 1.05 with 0 throttled calls.
 * 2. Local cost: orders per second turned into Medusa orders (order, reservation, captured payment) with
 *    the quota out of the way (all pages within the burst), at the import's default concurrency.
 *
 * Benchmarks print figures; nothing here asserts on time (STYLE §13).
 */
const TIME_SCALE = Number(process.env.BENCH_ORDERS_TIME_SCALE ?? 300)
const QUOTA_ORDERS = Number(process.env.BENCH_ORDERS_N ?? 10_000)
const CREATE_ORDERS = Number(process.env.BENCH_ORDERS_CREATE_N ?? 200)
const ROOT = join(__dirname, "..")

function run(command: string, args: string[], env: NodeJS.ProcessEnv, capture = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", capture ? "pipe" : "ignore", "pipe"] })
    let out = ""
    let err = ""
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")))
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")))
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${err.slice(-2000)}`))))
  })
}

/** `npm run sandbox` in a child process on a free port (Amazon is not in our process); resolves with its URL. */
async function startSandboxProcess(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "sandbox/main.ts")], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_TIME_SCALE: String(TIME_SCALE), SANDBOX_SEED: "demo", SANDBOX_VALIDATE: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ""
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
      const match = /AMAZON_SP_API_ENDPOINT=(\S+)/.exec(output)
      if (match) resolve(match[1])
    })
    child.once("exit", (code) => reject(new Error(`sandbox exited (${code}) before it was ready`)))
  })
  child.stdout.resume()
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve())
        child.kill("SIGTERM")
      }),
  }
}

type ExecResult = {
  quota: { orders: number; pages: number; wall_ms: number; floor_ms: number; throttled: number; ledger_rows: number }
  local: { orders: number; imported: number; wall_ms: number; concurrency: number; duplicates: number }
}

export async function benchOrders(): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL
  if (!base) throw new Error("DATABASE_URL is not set (npm run bench provides one)")
  const database = `medusa_amazon_bench_orders_${process.pid}`
  // DATABASE_URL's own database may not exist yet: create ours from the server's maintenance database
  const maintenance = new URL(base)
  maintenance.pathname = "/postgres"
  const admin = new Client({ connectionString: maintenance.toString() })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${database}"`)
  await admin.query(`CREATE DATABASE "${database}"`)
  const url = new URL(base)
  url.pathname = `/${database}`
  const sandbox = await startSandboxProcess()
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url.toString(),
      NODE_ENV: "development",
      MEDUSA_ADMIN_DISABLE: "true",
      AMAZON_SCHEDULED_JOBS: "off",
      AMAZON_SP_API_ENDPOINT: sandbox.url,
      AMAZON_LWA_TOKEN_URL: `${sandbox.url}/auth/o2/token`,
      AMAZON_LWA_CLIENT_ID: "amzn1.application-oa2-client.sandbox",
      AMAZON_LWA_CLIENT_SECRET: "sandbox-client-secret",
      AMAZON_APP_ID: "amzn1.sellerapps.app.sandbox",
      BENCH_SANDBOX_URL: sandbox.url,
      BENCH_ORDERS_TIME_SCALE: String(TIME_SCALE),
      BENCH_ORDERS_N: String(QUOTA_ORDERS),
      BENCH_ORDERS_CREATE_N: String(CREATE_ORDERS),
    }
    const npx = join(ROOT, "node_modules/.bin/medusa")
    await run(npx, ["db:migrate"], env)
    const out = await run(npx, ["exec", "./bench/orders-exec.ts"], env, true)
    const line = out.split("\n").find((l) => l.startsWith("BENCH_ORDERS_RESULT "))
    if (!line) throw new Error(`bench/orders-exec.ts printed no result: ${out.slice(-1500)}`)
    const result = JSON.parse(line.slice("BENCH_ORDERS_RESULT ".length)) as ExecResult
    const { quota, local } = result
    return [
      {
        bench: `orders · import ${quota.orders.toLocaleString("en")} orders at ${TIME_SCALE}×`,
        metric: "wall / searchOrders quota floor",
        value: (quota.wall_ms / quota.floor_ms).toFixed(3),
        goal: "≤ 1.05",
        note: `${quota.pages} pages, wall ${(quota.wall_ms / 1000).toFixed(1)} s, floor ${(quota.floor_ms / 1000).toFixed(1)} s, ${quota.ledger_rows} ledger rows`,
      },
      { bench: `orders · import ${quota.orders.toLocaleString("en")} orders at ${TIME_SCALE}×`, metric: "throttled searchOrders calls", value: quota.throttled, goal: "0" },
      {
        bench: `orders · ${local.orders} Amazon orders → Medusa orders, quotas off`,
        metric: "orders / s",
        value: ((local.imported / local.wall_ms) * 1000).toFixed(2),
        note: `${local.imported} imported in ${(local.wall_ms / 1000).toFixed(1)} s, concurrency ${local.concurrency}, ${local.duplicates} duplicates; order + reservation + captured payment each`,
      },
    ]
  } finally {
    await sandbox.close()
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined)
    await admin.end()
  }
}

if (require.main === module) {
  void benchOrders().then(
    (rows) => console.log(formatBenchTable(rows)),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
