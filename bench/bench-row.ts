/**
 * One line of the benchmark table. Every bench returns a list of these; `bench/main.ts` prints them all
 * in one table. Benchmarks print figures; nothing here asserts on time (STYLE §13).
 */
export interface BenchRow {
  /** Which bench and which case, e.g. "sp-api client · ours · getFeed ×315". */
  bench: string
  /** What is measured, e.g. "wall / quota floor". */
  metric: string
  value: number | string
  /** The target, as text: "≤ 1.05", "0". */
  goal?: string
  note?: string
}

/** Prints rows as one padded text table (console.table quotes strings and is hard to read in CI logs). */
export function formatBenchTable(rows: BenchRow[]): string {
  const header = ["bench", "metric", "value", "goal", "note"] as const
  const cells = rows.map((row) => [row.bench, row.metric, String(row.value), row.goal ?? "", row.note ?? ""])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)))
  const line = (values: readonly string[]) => values.map((v, i) => v.padEnd(widths[i])).join(" | ").trimEnd()
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...cells.map(line)].join("\n")
}
