import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type StoreRuleKind = "listing_rule" | "pricing_rule" | "exchange_rate"

export type SaveStoreRuleInput = {
  store_id: string
  kind: StoreRuleKind
  /** upsert: create, or update the row `id` (pricing rules and rates: the one of the same marketplace / pair) */
  action: "upsert" | "delete"
  id?: string
  data?: Record<string, unknown>
}

type Undo = { kind: StoreRuleKind; created?: string; previous?: Record<string, unknown>; deleted?: string }

const OBJECT: Record<StoreRuleKind, string> = { listing_rule: "Listing rule", pricing_rule: "Pricing rule", exchange_rate: "Exchange rate" }

function api(amazon: AmazonModuleService, kind: StoreRuleKind) {
  const s = amazon as unknown as Record<string, (...args: unknown[]) => Promise<any>>
  const name = kind === "listing_rule" ? "AmazonListingRules" : kind === "pricing_rule" ? "AmazonPricingRules" : "AmazonExchangeRates"
  return {
    list: (filters: Record<string, unknown>) => s[`list${name}`](filters, { take: null }) as Promise<Array<Record<string, unknown> & { id: string }>>,
    create: (data: Record<string, unknown>) => s[`create${name}`](data) as Promise<{ id: string }>,
    update: (data: Record<string, unknown>) => s[`update${name}`](data),
    softDelete: (ids: string[]) => s[`softDelete${name}`](ids),
    restore: (ids: string[]) => s[`restore${name}`](ids),
    delete: (ids: string[]) => s[`delete${name}`](ids),
  }
}

/** The natural key a second row may not repeat: a pricing rule per marketplace, a rate per currency pair. */
function naturalKey(kind: StoreRuleKind, data: Record<string, unknown>): Record<string, unknown> | null {
  if (kind === "pricing_rule") return { marketplace_id: data.marketplace_id }
  if (kind === "exchange_rate") return { base_currency: data.base_currency, quote_currency: data.quote_currency }
  return null
}

/**
 * One write of a store's rule or rate. Its compensation takes back exactly that write (the created row
 * deleted, the previous values put back, a deleted row restored).
 */
export const saveStoreRuleStep = createStep(
  "amazon-save-store-rule",
  async (input: SaveStoreRuleInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const rows = api(amazon, input.kind)
    if (input.action === "delete") {
      const [row] = await rows.list({ id: input.id, store_id: input.store_id })
      if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${OBJECT[input.kind]} ${input.id} was not found in this store.`)
      await rows.softDelete([row.id])
      return new StepResponse({ id: row.id }, { kind: input.kind, deleted: row.id } as Undo)
    }
    const data = input.data ?? {}
    const key = naturalKey(input.kind, data)
    const [existing] = input.id
      ? await rows.list({ id: input.id, store_id: input.store_id })
      : key
        ? await rows.list({ store_id: input.store_id, ...key })
        : []
    if (input.id && !existing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${OBJECT[input.kind]} ${input.id} was not found in this store.`)
    if (existing) {
      const previous = Object.fromEntries(Object.keys(data).map((k) => [k, existing[k] ?? null]))
      await rows.update({ id: existing.id, ...data })
      return new StepResponse({ id: existing.id }, { kind: input.kind, previous: { id: existing.id, ...previous } } as Undo)
    }
    const created = await rows.create({ store_id: input.store_id, ...data })
    return new StepResponse({ id: created.id }, { kind: input.kind, created: created.id } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const rows = api(container.resolve<AmazonModuleService>(AMAZON_MODULE), undo.kind)
    if (undo.created) await rows.delete([undo.created])
    if (undo.previous) await rows.update(undo.previous)
    if (undo.deleted) await rows.restore([undo.deleted])
  }
)
