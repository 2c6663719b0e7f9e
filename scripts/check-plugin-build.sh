#!/usr/bin/env bash
# Proves the published package works in someone else's Medusa app:
#   plugin:build → npm pack → a fresh consumer app that lists the tarball as a plugin
#   → db:migrate creates the amazon_* tables → the server boots, the plugin's admin
#   routes answer (401 without auth, 200 creating a store with auth).
# The consumer reuses this repo's node_modules (symlinked) so it needs no second install.
#
#   bash scripts/check-plugin-build.sh        (needs a Postgres: wrapped by with-postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

if [ -z "${DATABASE_URL:-}" ]; then
  exec node scripts/with-postgres.mjs bash "$0" "$@"
fi

work=$(mktemp -d /tmp/medusa-amazon-consumer-XXXX)
port=$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
db="consumer_$(date +%s)"
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "[check] plugin:build + pack"
npx medusa plugin:build >/dev/null
tarball=$(npm pack --silent --pack-destination "$work" 2>/dev/null | tail -1)

echo "[check] consumer app in $work"
mkdir -p "$work/app/node_modules"
for entry in "$repo"/node_modules/* "$repo"/node_modules/.bin; do
  ln -s "$entry" "$work/app/node_modules/$(basename "$entry")"
done
mkdir -p "$work/app/node_modules/medusa-plugin-amazon"
tar xzf "$work/$tarball" -C "$work/app/node_modules/medusa-plugin-amazon" --strip-components=1

base_url="${DATABASE_URL%/*}"
cat > "$work/app/package.json" <<JSON
{
  "name": "consumer-app", "private": true, "version": "0.0.0",
  "dependencies": {
    "@medusajs/framework": "2.21.2", "@medusajs/medusa": "2.21.2", "@medusajs/cli": "2.21.2",
    "medusa-plugin-amazon": "file:./$tarball"
  }
}
JSON
cat > "$work/app/medusa-config.js" <<JS
const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: "$base_url/$db",
    http: { jwtSecret: "consumer-secret", cookieSecret: "consumer-secret", adminCors: "", authCors: "", storeCors: "" },
  },
  admin: { disable: true },
  plugins: [{ resolve: "medusa-plugin-amazon", options: { encryptionKey: "$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))')" } }],
})
JS

cd "$work/app"
export NODE_ENV=development
unset DATABASE_URL
node -e '
  const { Client } = require("pg")
  const c = new Client({ connectionString: process.argv[1] + "/postgres" })
  c.connect().then(() => c.query(`create database "${process.argv[2]}"`)).then(() => c.end())
' "$base_url" "$db"
echo "[check] db:migrate"
npx medusa db:migrate 2>&1 | grep -E "MODULE: amazon|error" || true
node -e '
  const { Client } = require("pg")
  const c = new Client({ connectionString: process.argv[1] })
  c.connect().then(() => c.query("select count(*)::int as n from information_schema.tables where table_name like $1", ["amazon_%"]))
   .then(r => { console.log("[check] amazon tables:", r.rows[0].n); if (r.rows[0].n < 10) process.exit(1); return c.end() })
   .catch(e => { console.error(e.message); process.exit(1) })
' "$base_url/$db"

echo "[check] starting the consumer on :$port"
PORT=$port npx medusa develop >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 90); do
  curl -sf "http://localhost:$port/health" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$port/health" >/dev/null || { tail -40 "$work/server.log"; exit 1; }

status=$(curl -s -o /dev/null -w "%{http_code}" "http://localhost:$port/admin/amazon/stores")
echo "[check] GET /admin/amazon/stores without auth → $status"
[ "$status" = "401" ]

npx medusa user -e check@example.com -p check-password >/dev/null 2>&1
token=$(curl -s -X POST "http://localhost:$port/auth/user/emailpass" -H 'content-type: application/json' \
  -d '{"email":"check@example.com","password":"check-password"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
status=$(curl -s -o "$work/store.json" -w "%{http_code}" -X POST "http://localhost:$port/admin/amazon/stores" \
  -H "authorization: Bearer $token" -H 'content-type: application/json' \
  -d '{"name":"Consumer","email":"c@example.com","marketplace_id":"A1PA6795UKMFR9","product_id_type":"EAN","product_id_attribute":"barcode"}')
echo "[check] POST /admin/amazon/stores with auth → $status $(head -c 80 "$work/store.json")"
[ "$status" = "200" ]
echo "[check] the built plugin loads in a second Medusa app"
