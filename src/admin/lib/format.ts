import { strings } from "./strings"
import type { AmazonRunCounts } from "./types"

/** 🇩🇪 from "DE": two regional indicator symbols. */
export function flag(countryCode: string | null | undefined): string {
  if (!countryCode || !/^[A-Za-z]{2}$/.test(countryCode)) return "🏳️"
  const base = 0x1f1e6 - "A".charCodeAt(0)
  return String.fromCodePoint(...countryCode.toUpperCase().split("").map((c) => base + c.charCodeAt(0)))
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return strings.common.dash
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return strings.common.dash
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(date)
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return strings.common.dash
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return strings.common.dash
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date)
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
]

/** "5 minutes ago", "in 3 days". */
export function formatRelative(value: string | Date | null | undefined, now: Date = new Date()): string {
  if (!value) return strings.common.dash
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return strings.common.dash
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000)
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit)
  }
  return rtf.format(seconds, "second")
}

/** "3 created, 1 skipped" from a run's counts; zero and non-numeric entries are left out. */
export function formatCounts(counts: AmazonRunCounts | null | undefined): string {
  if (!counts || typeof counts !== "object") return ""
  return Object.entries(counts)
    .filter(([, value]) => typeof value === "number" && value > 0)
    .map(([key, value]) => `${value} ${strings.runs.countLabel(key)}`)
    .join(", ")
}
