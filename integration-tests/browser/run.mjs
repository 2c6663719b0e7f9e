#!/usr/bin/env node
/**
 * `npm run test:browser`: the admin end to end in a real browser (STYLE §13).
 *
 * Starts what `npm run dev` starts, but throwaway and on free ports — Postgres
 * (embedded, deleted afterwards, unless DATABASE_URL/DB_HOST point at a server,
 * where a scratch database is created and dropped), the SP-API sandbox, migrations,
 * the demo seed, a demo admin and Medusa in development mode — then runs
 * connect-store.spec.ts and listings.spec.ts (node:test + playwright-core driving Debian's Chromium).
 *
 *   BROWSER_TEST_TIMEOUT_MS   whole run (default 20 min)
 *   CHROMIUM_PATH             default /usr/bin/chromium
 *   BROWSER_KEEP_DB=1         keep the scratch database on an external server
 *
 * Screenshots and the servers' logs end up in integration-tests/browser/artifacts/.
 * They are written to a temporary folder first and copied there once Medusa has
 * stopped (a watcher such as `npm run dev`'s would restart on every file written here).
 * Every process started here runs in its own process group and is stopped on
 * every exit path.
 */
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, "..", "..")
const artifacts = path.join(here, "artifacts")
const INNER = process.argv.includes("--inner")
const TOTAL_TIMEOUT_MS = Number(process.env.BROWSER_TEST_TIMEOUT_MS || 20 * 60_000)

function log(message) {
  process.stdout.write(`[browser-test] ${message}\n`)
}

// ─── outer: Postgres around the inner run ──────────────────────────────────────────────
if (!INNER) {
  mkdirSync(artifacts, { recursive: true })
  const child = spawn(process.execPath, ["scripts/with-postgres.mjs", process.execPath, fileURLToPath(import.meta.url), "--inner"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    log(`the whole run took longer than ${Math.round(TOTAL_TIMEOUT_MS / 1000)} s; stopping it`)
    child.kill("SIGTERM")
    // with-postgres stops its child, then Postgres; give it time, then insist
    setTimeout(() => child.kill("SIGKILL"), 60_000).unref()
  }, TOTAL_TIMEOUT_MS)
  const forward = (signal) => child.kill(signal)
  process.on("SIGINT", forward)
  process.on("SIGTERM", forward)
  child.on("exit", (code, signal) => {
    clearTimeout(timer)
    process.exit(timedOut ? 124 : (code ?? (signal ? 1 : 0)))
  })
} else {
  inner().then(
    (code) => process.exit(code),
    (error) => {
      log(`harness error: ${error?.stack ?? error}`)
      process.exit(1)
    }
  )
}

// ─── inner: runs with DATABASE_URL set by with-postgres ────────────────────────────────

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

const started = []

/** Spawns in a new process group (detached) so the whole tree can be stopped; output to a log file. */
function startProcess(name, command, args, env, logFile) {
  const out = createWriteStream(logFile, { flags: "a" })
  const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] })
  child.stdout.pipe(out)
  child.stderr.pipe(out)
  const entry = { name, child, exited: false, code: null }
  child.on("exit", (code, signal) => {
    entry.exited = true
    entry.code = code ?? signal
  })
  started.push(entry)
  return entry
}

function killGroup(entry, signal) {
  try {
    process.kill(-entry.child.pid, signal)
  } catch {
    // already gone
  }
}

async function stopAll() {
  for (const entry of [...started].reverse()) {
    if (entry.exited) continue
    killGroup(entry, "SIGTERM")
    const deadline = Date.now() + 15_000
    while (!entry.exited && Date.now() < deadline) await sleep(200)
    if (!entry.exited) {
      log(`${entry.name} ignored SIGTERM; killing its process group`)
      killGroup(entry, "SIGKILL")
    }
  }
  // a group's other members may outlive its leader; make sure none is left
  for (const entry of started) killGroup(entry, "SIGKILL")
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs a command to completion within a time limit; its output goes to the log file. */
async function run(name, command, args, env, logFile, timeoutMs) {
  log(`${name} …`)
  const entry = startProcess(name, command, args, env, logFile)
  const deadline = Date.now() + timeoutMs
  while (!entry.exited && Date.now() < deadline) await sleep(250)
  if (!entry.exited) {
    killGroup(entry, "SIGKILL")
    throw new Error(`${name} did not finish within ${Math.round(timeoutMs / 1000)} s (log: artifacts/${path.basename(logFile)})`)
  }
  if (entry.code !== 0) throw new Error(`${name} failed (exit ${entry.code}; log: artifacts/${path.basename(logFile)})`)
}

/** The end of a log, for a failure message (the whole file is in artifacts/). */
function tail(file, lines = 20) {
  if (!existsSync(file)) return ""
  return readFileSync(file, "utf8")
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => line.trim() && !/^- \//.test(line.trim()))
    .slice(-lines)
    .map((line) => `    ${line}`)
    .join("\n")
}

async function waitFor(name, check, timeoutMs, entry) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (entry?.exited) throw new Error(`${name}: the process exited (${entry.code}) before it was ready`)
    if (await check().catch(() => false)) return
    await sleep(500)
  }
  throw new Error(`${name} was not ready within ${Math.round(timeoutMs / 1000)} s`)
}

const httpOk = (url) => async () => {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) })
  return res.status < 500
}

const portOpen = (port) => () =>
  new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    socket.setTimeout(2_000)
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
    socket.once("timeout", () => {
      socket.destroy()
      resolve(false)
    })
  })

/** A scratch database on the server with-postgres gave us; dropped at the end. */
async function createScratchDatabase() {
  const { default: pg } = await import("pg")
  const url = new URL(process.env.DATABASE_URL)
  const name = `medusa_amazon_browser_${randomBytes(4).toString("hex")}`
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
  url.pathname = `/${name}`
  const drop = async () => {
    const c = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 })
    await c.connect()
    try {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    } finally {
      await c.end()
    }
  }
  return { name, url: url.toString(), drop }
}

/** Staging → artifacts/, replacing the previous run's files; returns the screenshots' final paths. */
function publishArtifacts(staging) {
  mkdirSync(artifacts, { recursive: true })
  for (const file of readdirSync(artifacts)) {
    if (/\.(png|log)$/.test(file)) rmSync(path.join(artifacts, file), { force: true })
  }
  const files = readdirSync(staging).sort()
  for (const file of files) copyFileSync(path.join(staging, file), path.join(artifacts, file))
  rmSync(staging, { recursive: true, force: true })
  return files.filter((f) => f.endsWith(".png")).map((f) => path.join(artifacts, f))
}

async function inner() {
  const staging = mkdtempSync(path.join(os.tmpdir(), "medusa-amazon-browser-"))
  let database
  let exitCode = 1
  const onSignal = () => {
    log("interrupted; stopping everything")
    void stopAll()
      .then(() => database?.drop())
      .catch(() => undefined)
      .then(() => publishArtifacts(staging))
      .finally(() => process.exit(130))
  }
  process.on("SIGINT", onSignal)
  process.on("SIGTERM", onSignal)

  try {
    database = await createScratchDatabase()
    const [medusaPort, sandboxPort] = [await freePort(), await freePort()]
    const backendUrl = `http://localhost:${medusaPort}`
    const sandboxUrl = `http://127.0.0.1:${sandboxPort}`
    const admin = { email: "browser-test@medusa-amazon.local", password: randomBytes(12).toString("base64url") }

    // Everything Medusa reads, set here: dotenv never overrides these, so the developer's .env cannot leak in.
    const env = {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: database.url,
      DB_NAME: database.name,
      PORT: String(medusaPort),
      MEDUSA_BACKEND_URL: backendUrl,
      ADMIN_CORS: backendUrl,
      AUTH_CORS: backendUrl,
      STORE_CORS: backendUrl,
      JWT_SECRET: randomBytes(24).toString("hex"),
      COOKIE_SECRET: randomBytes(24).toString("hex"),
      AMAZON_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      // the sandbox's demo app (sandbox/seed.ts DEMO)
      AMAZON_LWA_CLIENT_ID: "amzn1.application-oa2-client.sandbox",
      AMAZON_LWA_CLIENT_SECRET: "sandbox-client-secret",
      AMAZON_APP_ID: "amzn1.sellerapps.app.sandbox",
      AMAZON_APP_DRAFT: "false",
      AMAZON_SP_API_ENDPOINT: sandboxUrl,
      AMAZON_LWA_TOKEN_URL: `${sandboxUrl}/auth/o2/token`,
      AMAZON_SELLER_CENTRAL_URL: sandboxUrl,
      MEDUSA_DISABLE_TELEMETRY: "true",
      MEDUSA_ADMIN_DISABLE: "false",
    }

    log(`database ${database.name}; sandbox ${sandboxUrl}; Medusa ${backendUrl}`)
    const sandbox = startProcess(
      "sandbox",
      "npx",
      ["tsx", "sandbox/main.ts"],
      { ...env, SANDBOX_PORT: String(sandboxPort), SANDBOX_REDIRECT_URI: `${backendUrl}/admin/amazon/oauth/callback` },
      path.join(staging, "sandbox.log")
    )
    await waitFor("sandbox", portOpen(sandboxPort), 90_000, sandbox)

    const setupLog = path.join(staging, "medusa-setup.log")
    await run("medusa db:migrate", "npx", ["medusa", "db:migrate"], env, setupLog, 5 * 60_000)
    await run("demo seed", "npx", ["medusa", "exec", "./scripts/seed-demo.ts"], env, setupLog, 3 * 60_000)
    await run("demo admin", "npx", ["medusa", "user", "-e", admin.email, "-p", admin.password], env, setupLog, 2 * 60_000)

    // `medusa develop` is a file watcher around `medusa start` with NODE_ENV=development (which serves
    // the admin through Vite, extensions from src/admin). The watcher is left out: an edit anywhere in
    // the project during the run would restart the server under the browser.
    log("medusa start (development mode, as medusa develop runs it) …")
    const medusa = startProcess("medusa", "npx", ["medusa", "start"], env, path.join(staging, "medusa.log"))
    await waitFor("Medusa", httpOk(`${backendUrl}/health`), 5 * 60_000, medusa)
    await waitFor("the admin", httpOk(`${backendUrl}/app`), 3 * 60_000, medusa)
    log("Medusa is up")

    // one at a time, in this order: listings.spec.ts sets up its own store beside the one connect-store.spec.ts connects
    const specs = ["connect-store.spec.ts", "listings.spec.ts", "variations.spec.ts", "rules.spec.ts"].map((file) => path.join(here, file))
    specs.push(path.join(here, "returns.spec.ts")) // Returns on Amazon on the order page: its own store and seller
    specs.push(path.join(here, "refunds.spec.ts")) // Refund on Amazon from the order page: its own store and seller
    specs.push(path.join(here, "fba-mcf.spec.ts")) // FBA panel, FBA location with MCF options, an admin order shipped by MCF: its own store and seller
    const test = startProcess(
      "browser spec",
      process.execPath,
      ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=1", ...specs],
      {
        ...env,
        BROWSER_BASE_URL: backendUrl,
        BROWSER_SANDBOX_URL: sandboxUrl,
        BROWSER_ADMIN_EMAIL: admin.email,
        BROWSER_ADMIN_PASSWORD: admin.password,
        BROWSER_ARTIFACTS_DIR: staging,
        CHROMIUM_PATH: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      },
      path.join(staging, "spec.log")
    )
    // the spec's own report goes to the terminal as well as to spec.log
    test.child.stdout.pipe(process.stdout)
    test.child.stderr.pipe(process.stderr)
    const deadline = Date.now() + 15 * 60_000
    while (!test.exited && Date.now() < deadline) await sleep(250)
    if (!test.exited) {
      log("the browser specs did not finish within 15 min")
      killGroup(test, "SIGKILL")
    }
    exitCode = test.code === 0 ? 0 : 1
    if (medusa.exited) log(`medusa exited during the run (${medusa.code}); see artifacts/medusa.log`)
  } catch (error) {
    log(`FAILED before the browser ran: ${error?.message ?? error}`)
    const last = started.at(-1)
    const logFile = last && { sandbox: "sandbox.log", medusa: "medusa.log" }[last.name]
    const file = path.join(staging, logFile ?? "medusa-setup.log")
    if (existsSync(file)) log(`end of ${path.basename(file)}:\n${tail(file)}`)
    exitCode = 1
  } finally {
    await stopAll()
    if (database && process.env.BROWSER_KEEP_DB !== "1") await database.drop().catch((e) => log(`dropping ${database.name}: ${e.message}`))
  }
  const ranSpec = existsSync(path.join(staging, "spec.log"))
  const screenshots = publishArtifacts(staging)
  log(`screenshots (${screenshots.length}):`)
  for (const file of screenshots) log(`  ${path.relative(process.cwd(), file)}`)
  log(`logs: ${path.relative(process.cwd(), artifacts)}/{sandbox,medusa-setup,medusa,spec}.log`)
  if (!ranSpec) log("the browser spec did not run")
  if (exitCode === 0) log("passed")
  else log(`FAILED${screenshots.length ? `; last screenshot: ${path.relative(process.cwd(), screenshots.at(-1))}` : ""}`)
  return exitCode
}
