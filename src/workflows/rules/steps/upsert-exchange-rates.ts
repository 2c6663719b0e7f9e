import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { ExchangeRate } from "../../../utils/listings/pricing-rules"

type Undo = { created: string[]; previous: Array<{ id: string; rate: number; rate_date: string; source: string }> }

/** A provider's rates written into the store's table (one row per pair, replaced in place); compensation puts the old rows back. */
export const upsertExchangeRatesStep = createStep(
  "amazon-upsert-exchange-rates",
  async (input: { store_id: string; rates: ExchangeRate[] }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const existing = await amazon.listAmazonExchangeRates({ store_id: input.store_id }, { take: null })
    const byPair = new Map(existing.map((r) => [`${r.base_currency}|${r.quote_currency}`, r]))
    const updates = input.rates.flatMap((r) => {
      const row = byPair.get(`${r.base}|${r.quote}`)
      return row ? [{ id: row.id, rate: r.rate, rate_date: r.date, source: r.source }] : []
    })
    const creates = input.rates
      .filter((r) => !byPair.has(`${r.base}|${r.quote}`))
      .map((r) => ({ store_id: input.store_id, base_currency: r.base, quote_currency: r.quote, rate: r.rate, rate_date: r.date, source: r.source }))
    const undo: Undo = {
      created: [],
      previous: updates.map((u) => {
        const row = existing.find((e) => e.id === u.id)!
        return { id: row.id, rate: Number(row.rate), rate_date: row.rate_date, source: row.source }
      }),
    }
    if (updates.length) await amazon.updateAmazonExchangeRates(updates)
    if (creates.length) undo.created = (await amazon.createAmazonExchangeRates(creates)).map((r) => r.id)
    return new StepResponse({ count: input.rates.length }, undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    if (undo.created.length) await amazon.deleteAmazonExchangeRates(undo.created)
    if (undo.previous.length) await amazon.updateAmazonExchangeRates(undo.previous)
  }
)
