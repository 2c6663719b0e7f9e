export type ScenarioResult = {
  name: string
  ok: boolean
  wall_ms: number
  figures: Record<string, string | number>
  logs?: string
}

export function log(line: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`)
}

/** Calls `check` until it answers true; reports progress every 30 s; throws after `timeoutMs`. */
export async function poll(timeoutMs: number, check: () => Promise<boolean>, progress: (elapsedMs: number) => void, everyMs = 2000): Promise<void> {
  const started = Date.now()
  let lastReport = started
  for (;;) {
    if (await check()) return
    const now = Date.now()
    if (now - lastReport >= 30_000) {
      progress(now - started)
      lastReport = now
    }
    if (now - started > timeoutMs) throw new Error(`gave up after ${Math.round(timeoutMs / 1000)} s`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

/** One table: a row per figure, a column per scenario. */
export function printTable(results: ScenarioResult[]): void {
  const keys = [...new Set(results.flatMap((r) => ["result", "wall time", ...Object.keys(r.figures)]))]
  const cell = (r: ScenarioResult, key: string) =>
    key === "result" ? (r.ok ? "PASS" : "FAIL") : key === "wall time" ? `${(r.wall_ms / 1000).toFixed(1)} s` : String(r.figures[key] ?? "")
  const header = ["figure", ...results.map((r) => r.name)]
  const rows = keys.map((key) => [key, ...results.map((r) => cell(r, key))])
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)))
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`
  console.log(line(header))
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`)
  for (const row of rows) console.log(line(row))
}
