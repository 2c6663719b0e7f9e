#!/usr/bin/env node
/**
 * `npm run dev`: everything a fresh machine needs, in one command.
 *
 *   1. .env: created on first run with a per-install AMAZON_ENCRYPTION_KEY, a
 *      demo admin password and — unless real LWA credentials are configured —
 *      the bundled SP-API sandbox as Amazon.
 *   2. The SP-API sandbox (when .env points at it).
 *   3. Postgres (embedded, kept in .data/postgres, unless DATABASE_URL/DB_HOST
 *      is set) → migrations → demo seed → demo admin user → `medusa develop`.
 */
import { spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const envPath = path.join(root, ".env")
const SANDBOX_PORT = process.env.SANDBOX_PORT || "9797"
const BACKEND_URL = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"

function log(message) {
  process.stdout.write(`[dev] ${message}\n`)
}

function parseEnv(text) {
  const values = {}
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line)
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, "$2")
  }
  return values
}

/** Adds what is missing to .env; never changes a value that is there. */
function prepareEnvFile() {
  const text = existsSync(envPath) ? readFileSync(envPath, "utf8") : ""
  const current = { ...parseEnv(text), ...process.env }
  const additions = []
  const add = (key, value, comment) => {
    if (current[key] !== undefined && current[key] !== "") return
    if (comment) additions.push(`# ${comment}`)
    additions.push(`${key}=${value}`)
    current[key] = value
  }

  add("AMAZON_ENCRYPTION_KEY", randomBytes(32).toString("base64"), "Key for refresh tokens and buyer data at rest (generated for this install; keep it secret, keep it stable)")
  add("DEMO_ADMIN_EMAIL", "admin@medusa-amazon.local", "Demo admin created by npm run dev")
  add("DEMO_ADMIN_PASSWORD", randomBytes(9).toString("base64url"))
  add("MEDUSA_BACKEND_URL", BACKEND_URL)
  if (!current.AMAZON_LWA_CLIENT_ID) {
    const sandbox = `http://127.0.0.1:${SANDBOX_PORT}`
    additions.push("# The bundled SP-API sandbox plays Amazon. Replace these with your app's values to use real Amazon (README).")
    add("AMAZON_LWA_CLIENT_ID", "amzn1.application-oa2-client.sandbox")
    add("AMAZON_LWA_CLIENT_SECRET", "sandbox-client-secret")
    add("AMAZON_APP_ID", "amzn1.sellerapps.app.sandbox")
    add("AMAZON_SP_API_ENDPOINT", sandbox)
    add("AMAZON_LWA_TOKEN_URL", `${sandbox}/auth/o2/token`)
    add("AMAZON_SELLER_CENTRAL_URL", sandbox)
  }
  if (additions.length) {
    writeFileSync(envPath, `${text}${text && !text.endsWith("\n") ? "\n" : ""}${additions.join("\n")}\n`)
    log(`wrote ${additions.filter((l) => !l.startsWith("#")).length} setting(s) to .env`)
  }
  return current
}

function start(command, args, env, name) {
  const child = spawn(command, args, { stdio: "inherit", env, cwd: root })
  child.on("exit", (code, signal) => {
    if (signal !== "SIGTERM" && signal !== "SIGINT") log(`${name} exited (${code ?? signal})`)
  })
  return child
}

const env = prepareEnvFile()
const children = []

const usesSandbox = (env.AMAZON_SP_API_ENDPOINT || "").includes(`127.0.0.1:${SANDBOX_PORT}`)
if (usesSandbox && existsSync(path.join(root, "sandbox", "main.ts"))) {
  log(`starting the SP-API sandbox on http://127.0.0.1:${SANDBOX_PORT}`)
  children.push(
    start("npx", ["tsx", "sandbox/main.ts"], {
      ...process.env,
      SANDBOX_PORT,
      SANDBOX_REDIRECT_URI: `${env.MEDUSA_BACKEND_URL}/admin/amazon/oauth/callback`,
    }, "sandbox")
  )
}

const email = env.DEMO_ADMIN_EMAIL
const password = env.DEMO_ADMIN_PASSWORD
const banner = [
  "",
  "──────────────────────────────────────────────────────────────",
  ` Medusa admin:  ${env.MEDUSA_BACKEND_URL}/app`,
  ` Log in with:   ${email}  /  ${password}`,
  usesSandbox ? ` Amazon:        the bundled SP-API sandbox on :${SANDBOX_PORT}` : " Amazon:        the SP-API endpoints configured in .env",
  "──────────────────────────────────────────────────────────────",
  "",
].join("\n")

const steps = [
  "npx medusa db:migrate",
  "npx medusa exec ./scripts/seed-demo.ts",
  `(npx medusa user -e '${email}' -p '${password}' >/dev/null 2>&1 || true)`,
  `printf '%s\\n' '${banner.replace(/'/g, "'\\''")}'`,
  "npx medusa develop",
].join(" && ")

children.push(start("node", ["scripts/with-postgres.mjs", "--persist", "sh", "-c", steps], process.env, "medusa"))

const stopAll = (signal) => {
  for (const child of children) if (!child.killed) child.kill(signal)
}
process.on("SIGINT", () => stopAll("SIGINT"))
process.on("SIGTERM", () => stopAll("SIGTERM"))
children.at(-1).on("exit", (code) => {
  stopAll("SIGTERM")
  process.exit(code ?? 0)
})
