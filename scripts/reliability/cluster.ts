import { type ChildProcess, execFile, spawn } from "node:child_process"
import { createWriteStream, mkdirSync } from "node:fs"
import net from "node:net"
import path from "node:path"
import { promisify } from "node:util"
import axios, { type AxiosInstance } from "axios"
import pg from "pg"
import type { SandboxHandle } from "../../sandbox/server"

const root = path.resolve(__dirname, "../..")
const run = promisify(execFile)

export type ProcessRole = "server" | "worker"

type Member = { name: string; role: ProcessRole; port: number; child: ChildProcess | null; starts: number; restarting: boolean }

export type ClusterOptions = {
  sandbox: SandboxHandle
  /** worker processes besides the HTTP server (0: one process in "shared" mode) */
  workers: number
  /** Redis for the event bus, workflow engine, locking and cache; absent: no Redis (one shared process only) */
  redisUrl?: string
  /** where each process's output goes */
  logDir: string
  env?: Record<string, string>
}

export type MedusaCluster = {
  url: string
  api: AxiosInstance
  db: pg.Pool
  databaseUrl: string
  /** names of the worker processes: worker-1, worker-2 … */
  workers: string[]
  kill(name: string, signal?: NodeJS.Signals): void
  /** the running worker using the most CPU over the next second and a half — the one mid-run, to kill; null: none is up */
  busiestWorker(): Promise<string | null>
  restart(name: string): Promise<void>
  /** runs a script of this repo with `medusa exec` against the cluster's database */
  exec(script: string, args?: string[], env?: Record<string, string>): Promise<string>
  stop(): Promise<void>
}

/** Every process group started here, so that a harness stopped half-way (Ctrl-C, a crash) leaves none behind. */
const started = new Set<number>()
process.on("exit", () => {
  for (const pgid of started) {
    try {
      process.kill(-pgid, "SIGKILL")
    } catch {
      // gone
    }
  }
})
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130))

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** FLUSHDB on the Redis database of `url` (RESP over a socket: no client library for one command). */
export async function flushRedis(url: string): Promise<void> {
  const parsed = new URL(url)
  const db = Number(parsed.pathname.replace("/", "") || 0)
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(Number(parsed.port || 6379), parsed.hostname)
    let reply = ""
    socket.setTimeout(5000, () => socket.destroy(new Error(`Redis at ${url} did not answer`)))
    socket.on("error", (error) =>
      reject(new Error(`Redis is needed for this suite (it proves the Redis deployment) and ${url} is not reachable: ${error.message}. Start Redis or set RELIABILITY_REDIS_URL.`))
    )
    socket.on("connect", () => {
      const auth = parsed.password ? `AUTH ${decodeURIComponent(parsed.password)}\r\n` : ""
      socket.write(`${auth}SELECT ${db}\r\nFLUSHDB\r\n`)
    })
    socket.on("data", (chunk) => {
      reply += chunk.toString()
      const answers = reply.split("\r\n").filter(Boolean)
      if (answers.some((a) => a.startsWith("-"))) {
        socket.destroy()
        reject(new Error(`Redis refused: ${reply.trim()}`))
      } else if (answers.length >= (parsed.password ? 3 : 2)) {
        socket.end()
        resolve()
      }
    })
  })
}

/**
 * The deployment of README "Operations", on this machine: one Medusa HTTP server and N worker processes
 * (MEDUSA_WORKER_MODE) on one fresh database and one Redis, the plugin pointed at the given sandbox,
 * scheduled jobs on. Each process can be killed (SIGKILL) and restarted; its output is kept in logDir.
 */
export async function startCluster(options: ClusterOptions): Promise<MedusaCluster> {
  const base = process.env.DATABASE_URL
  if (!base) throw new Error("DATABASE_URL is not set: run through npm run test:reliability / npm run bench (they start a Postgres)")
  if (options.workers > 0 && !options.redisUrl) throw new Error("several processes need Redis (redisUrl)")
  mkdirSync(options.logDir, { recursive: true })
  const database = `cluster_${process.pid}_${Date.now()}`
  const adminUrl = base.replace(/\/[^/]*$/, "/postgres")
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${database}"`)
  await admin.end()
  if (options.redisUrl) await flushRedis(options.redisUrl)

  const databaseUrl = base.replace(/\/[^/]*$/, `/${database}`)
  const serverPort = await freePort()
  const url = `http://localhost:${serverPort}`
  const sandbox = options.sandbox
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl,
    MEDUSA_ADMIN_DISABLE: "true",
    MEDUSA_BACKEND_URL: url,
    AMAZON_SP_API_ENDPOINT: sandbox.url,
    AMAZON_LWA_TOKEN_URL: sandbox.lwaTokenUrl,
    AMAZON_SELLER_CENTRAL_URL: sandbox.sellerCentralUrl,
    AMAZON_LWA_CLIENT_ID: "amzn1.application-oa2-client.sandbox",
    AMAZON_LWA_CLIENT_SECRET: "sandbox-client-secret",
    AMAZON_APP_ID: "amzn1.sellerapps.app.sandbox",
    AMAZON_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
    AMAZON_SCHEDULED_JOBS: "on",
    LOG_LEVEL: process.env.RELIABILITY_LOG_LEVEL ?? "warn",
    ...options.env,
  }
  if (options.redisUrl) env.REDIS_URL = options.redisUrl
  else delete env.REDIS_URL

  await run("npx", ["medusa", "db:migrate"], { cwd: root, env, maxBuffer: 64 << 20 })
  await run("npx", ["medusa", "user", "-e", "reliability@example.com", "-p", "reliability-password"], { cwd: root, env, maxBuffer: 16 << 20 })

  const members: Member[] = [{ name: "server", role: "server", port: serverPort, child: null, starts: 0, restarting: false }]
  for (let i = 1; i <= options.workers; i++) members.push({ name: `worker-${i}`, role: "worker", port: await freePort(), child: null, starts: 0, restarting: false })

  const start = async (member: Member) => {
    member.starts++
    const log = createWriteStream(path.join(options.logDir, `${member.name}.${member.starts}.log`))
    // `medusa start` in development mode is what `develop` runs, without the watcher that would restart it on edits
    const child = spawn("npx", ["medusa", "start"], {
      cwd: root,
      env: { ...env, PORT: String(member.port), MEDUSA_WORKER_MODE: options.workers > 0 ? member.role : "shared" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    })
    child.stdout!.pipe(log)
    child.stderr!.pipe(log)
    member.child = child
    if (child.pid) started.add(child.pid)
    const until = Date.now() + 180_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${member.name} exited with ${child.exitCode} while starting; see ${options.logDir}`)
      try {
        await axios.get(`http://localhost:${member.port}/health`, { timeout: 1000 })
        return
      } catch {
        if (Date.now() > until) throw new Error(`${member.name} did not start within 180 s; see ${options.logDir}`)
        await new Promise((r) => setTimeout(r, 500))
      }
    }
  }
  const byName = (name: string) => {
    const member = members.find((m) => m.name === name)
    if (!member) throw new Error(`no process ${name}`)
    return member
  }
  const signal = (member: Member, sig: NodeJS.Signals) => {
    try {
      if (member.child?.pid) process.kill(-member.child.pid, sig)
    } catch {
      // already gone
    }
  }

  // one at a time: two cores cannot boot three Medusa processes at once without timing out
  for (const member of members) await start(member)

  const { data } = await axios.post(`${url}/auth/user/emailpass`, { email: "reliability@example.com", password: "reliability-password" })
  const api = axios.create({ baseURL: url, headers: { authorization: `Bearer ${data.token}` }, timeout: 120_000 })
  api.interceptors.response.use(undefined, (error) => {
    const response = error?.response
    if (response) error.message = `${error.config?.method?.toUpperCase()} ${error.config?.url} → ${response.status}: ${JSON.stringify(response.data)}`
    return Promise.reject(error)
  })
  const db = new pg.Pool({ connectionString: databaseUrl, max: 3 })

  return {
    url,
    api,
    db,
    databaseUrl,
    workers: members.filter((m) => m.role === "worker").map((m) => m.name),
    kill(name, sig = "SIGKILL") {
      const member = byName(name)
      signal(member, sig)
      member.child = null
    },
    async busiestWorker() {
      const cpu = async () => {
        const { stdout } = await run("ps", ["-eo", "pgid=,times="])
        const byGroup = new Map<number, number>()
        for (const line of stdout.trim().split("\n")) {
          const [pgid, seconds] = line.trim().split(/\s+/).map(Number)
          byGroup.set(pgid, (byGroup.get(pgid) ?? 0) + seconds)
        }
        return byGroup
      }
      const before = await cpu()
      await new Promise((r) => setTimeout(r, 1500))
      const after = await cpu()
      const workers = members.filter((m) => m.role === "worker" && m.child?.pid && !m.restarting)
      const used = (m: Member) => (after.get(m.child!.pid!) ?? 0) - (before.get(m.child!.pid!) ?? 0)
      return workers.sort((a, b) => used(b) - used(a))[0]?.name ?? null
    },
    async restart(name) {
      const member = byName(name)
      if (member.child) signal(member, "SIGKILL")
      member.restarting = true
      try {
        await start(member)
      } finally {
        member.restarting = false
      }
    },
    async exec(script, args = [], extraEnv = {}) {
      const { stdout } = await run("npx", ["medusa", "exec", script, ...args], {
        cwd: root,
        env: { ...env, ...extraEnv, MEDUSA_WORKER_MODE: "server", AMAZON_SCHEDULED_JOBS: "off" },
        maxBuffer: 64 << 20,
      })
      return stdout
    },
    async stop() {
      for (const member of members) signal(member, "SIGTERM")
      await new Promise((r) => setTimeout(r, 2000))
      for (const member of members) signal(member, "SIGKILL")
      await db.end().catch(() => undefined)
      if (process.env.RELIABILITY_KEEP_DB === "1") return
      const cleanup = new pg.Client({ connectionString: adminUrl })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined)
      await cleanup.end()
    },
  }
}
