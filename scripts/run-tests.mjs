#!/usr/bin/env node
/**
 * Runs the test tiers in order (STYLE §13) and ends with one plain line,
 * "N passed, N failed, N skipped", summed over the tiers.
 *
 *   node scripts/run-tests.mjs [tier …] [-- jest args]     tiers: unit, integration:modules, integration:http (default), reliability
 *
 * Expects a database in the environment (scripts/with-postgres.mjs provides one).
 */
import { spawn } from "node:child_process"
import { mkdtemp, readFile, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

const ALL_TIERS = ["unit", "integration:modules", "integration:http"]
// not part of `npm test`: run by scripts/reliability (npm run test:reliability)
const KNOWN_TIERS = [...ALL_TIERS, "reliability"]
// Anything after "--" goes to jest as is (a path pattern, -t "name", …).
const argv = process.argv.slice(2)
const separator = argv.indexOf("--")
const own = separator === -1 ? argv : argv.slice(0, separator)
const requested = own.filter((arg) => !arg.startsWith("-"))
const passthrough = [...own.filter((arg) => arg.startsWith("-")), ...(separator === -1 ? [] : argv.slice(separator + 1))]
const tiers = requested.length ? requested : ALL_TIERS

const unknown = tiers.filter((tier) => !KNOWN_TIERS.includes(tier))
if (unknown.length) {
  console.error(`unknown tier(s): ${unknown.join(", ")}; known: ${KNOWN_TIERS.join(", ")}`)
  process.exit(2)
}

function runJest(tier, outputFile) {
  const env = {
    ...process.env,
    TEST_TYPE: tier,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
  }
  // The unit tier runs in band. The tiers that boot Medusa per spec file run in one worker process that
  // jest replaces once it holds more than 1.5 GB after a file: in band, every file's Medusa (module
  // registry, ORM metadata, loggers) stayed reachable and the HTTP tier died of heap exhaustion after
  // ~17 minutes (CI exit 134). One worker keeps the files one after another, as before (each boots a Medusa).
  const isolation = tier === "unit" ? ["--runInBand"] : ["--maxWorkers=1", "--workerIdleMemoryLimit=1536MB"]
  const args = ["jest", ...isolation, "--forceExit", "--json", `--outputFile=${outputFile}`, ...passthrough]
  if (tier === "unit") args.push("--silent")
  return new Promise((resolve) => {
    const child = spawn("npx", args, { stdio: "inherit", env })
    child.on("exit", (code) => resolve(code ?? 1))
  })
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const dir = await mkdtemp(path.join(os.tmpdir(), "medusa-amazon-jest-"))
let exitCode = 0
for (const tier of tiers) {
  console.log(`\n=== ${tier} ===`)
  const outputFile = path.join(dir, `${tier.replace(":", "-")}.json`)
  const code = await runJest(tier, outputFile)
  let result = null
  try {
    result = JSON.parse(await readFile(outputFile, "utf8"))
  } catch {
    // jest died before writing its report: counted as a failure below
  }
  if (result) {
    totals.passed += result.numPassedTests
    totals.failed += result.numFailedTests
    totals.skipped += result.numPendingTests + (result.numTodoTests ?? 0)
    if (result.numTotalTests === 0) {
      console.error(`tier ${tier} ran no test`)
      exitCode = 1
    }
    // A suite that failed to load has no failed *tests*; count it.
    totals.failed += result.testResults.filter((suite) => suite.status === "failed" && suite.assertionResults.length === 0).length
  } else {
    totals.failed += 1
  }
  if (code !== 0) exitCode = code
}
await rm(dir, { recursive: true, force: true })

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(exitCode || (totals.failed > 0 ? 1 : 0))
