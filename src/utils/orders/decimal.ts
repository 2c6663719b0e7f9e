/**
 * Exact sums and products of Amazon's money amounts (decimal strings such as "19.99"), without floating
 * point: 0.1 + 0.2 must stay 0.3 in an order total. Six decimal places cover every ISO 4217 currency.
 */
const SCALE = 1_000_000n

export function parseDecimal(value: string | number | null | undefined): bigint | null {
  if (value === null || value === undefined || value === "") return null
  const text = typeof value === "number" ? value.toFixed(6) : value.trim()
  const match = /^(-)?(\d*)(?:\.(\d{0,6})\d*)?$/.exec(text)
  if (!match || (match[2] === "" && !match[3])) return null
  const whole = BigInt(match[2] || "0")
  const fraction = BigInt((match[3] ?? "").padEnd(6, "0"))
  const micros = whole * SCALE + fraction
  return match[1] ? -micros : micros
}

export function formatDecimal(micros: bigint): string {
  const negative = micros < 0n
  const abs = negative ? -micros : micros
  const whole = abs / SCALE
  const fraction = (abs % SCALE).toString().padStart(6, "0").replace(/0+$/, "").padEnd(2, "0")
  return `${negative ? "-" : ""}${whole}.${fraction}`
}

export function sumDecimals(values: Array<string | null | undefined>): string {
  return formatDecimal(values.reduce<bigint>((total, value) => total + (parseDecimal(value) ?? 0n), 0n))
}

export function multiplyDecimal(value: string, times: number): string {
  return formatDecimal((parseDecimal(value) ?? 0n) * BigInt(times))
}

/** For Medusa's BigNumber inputs, which take numbers. */
export function decimalToNumber(value: string | null | undefined): number {
  return Number(value ?? 0)
}

/** Digits after the decimal point of a currency's minor unit: 2 for EUR, 0 for JPY (ISO 4217, via Intl). */
export function currencyDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** `micros / divisor`, rounded up to the currency's minor unit (a unit price that covers a line's amount). */
export function ceilToMinor(micros: bigint, divisor: bigint, digits: number): bigint {
  const unit = 10n ** BigInt(6 - Math.min(6, digits)) * divisor
  const units = micros >= 0n ? (micros + unit - 1n) / unit : micros / unit
  return units * 10n ** BigInt(6 - Math.min(6, digits))
}
