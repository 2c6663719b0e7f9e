/**
 * Where pricing rules' exchange rates come from. A store keeps its own rate table (amazon_exchange_rate);
 * rows are typed in by hand ("manual") or refreshed from a provider behind this interface. Tests never need
 * the internet: the ECB provider takes its URL and its fetch function from the caller.
 */
import { XMLParser } from "fast-xml-parser"
import type { ExchangeRate } from "./pricing-rules"

export interface ExchangeRateProvider {
  /** stored as the rate's source ("ecb") */
  readonly name: string
  /** today's rates; throws with a readable message when the provider cannot be read */
  fetchRates(): Promise<ExchangeRate[]>
}

/** The ECB's daily reference rates (EUR base, about 30 currencies, published around 16:00 CET on working days). */
export const ECB_DAILY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"

type Fetch = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>

export class EcbExchangeRateProvider implements ExchangeRateProvider {
  readonly name = "ecb"
  constructor(
    private readonly url: string = ECB_DAILY_URL,
    private readonly fetchFn: Fetch = fetch as unknown as Fetch
  ) {}

  async fetchRates(): Promise<ExchangeRate[]> {
    const response = await this.fetchFn(this.url, { signal: AbortSignal.timeout(15_000) })
    if (!response.ok) throw new Error(`The ECB rates could not be read (HTTP ${response.status} from ${this.url}).`)
    return parseEcbDaily(await response.text(), this.name)
  }
}

/** `<gesmes:Envelope><Cube><Cube time="2026-12-04"><Cube currency="GBP" rate="0.8573"/>…` → EUR→X rates. */
export function parseEcbDaily(xml: string, source = "ecb"): ExchangeRate[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", removeNSPrefix: true, isArray: (name) => name === "Cube" })
  const doc = parser.parse(xml) as { Envelope?: { Cube?: Array<{ Cube?: Array<{ time?: string; Cube?: Array<{ currency?: string; rate?: string }> }> }> } }
  const day = doc.Envelope?.Cube?.[0]?.Cube?.[0]
  if (!day?.time || !/^\d{4}-\d{2}-\d{2}$/.test(day.time)) throw new Error("The ECB rates file has no date: it is not the daily reference rates file.")
  const rates = (day.Cube ?? []).flatMap((c) => {
    const rate = Number(c.rate)
    return c.currency && /^[A-Z]{3}$/.test(c.currency) && rate > 0 ? [{ base: "EUR", quote: c.currency, rate, date: day.time!, source }] : []
  })
  if (!rates.length) throw new Error("The ECB rates file lists no rates.")
  return rates
}
