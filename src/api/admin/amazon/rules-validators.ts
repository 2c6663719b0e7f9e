import { z } from "@medusajs/framework/zod"
import { isKnownMarketplace } from "../../../lib/sp-api/marketplaces"
import { LISTING_RULE_MATCHES } from "../../../utils/listings/listing-rules"
import { ROUNDING_MODES } from "../../../utils/listings/pricing-rules"

const marketplaceId = z
  .string()
  .trim()
  .refine(isKnownMarketplace, { message: "marketplace_id is not an Amazon marketplace id (e.g. A1F83G8C2ARO7P for the UK)" })
const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, { message: "a currency is its three-letter ISO code (EUR, GBP …)" })
  .transform((c) => c.toUpperCase())
const money = z.coerce.number().finite()

export const AdminUpsertListingRule = z
  .object({
    name: z.string().trim().min(1).max(120),
    marketplace_id: marketplaceId.nullable().optional(),
    effect: z.enum(["include", "exclude"]),
    match: z.enum(LISTING_RULE_MATCHES),
    value: z.string().trim().min(1).nullable().optional(),
    position: z.coerce.number().int().min(0).max(100000).optional(),
  })
  .strict()
  .refine((r) => r.match === "all" || !!r.value, { message: "value is required: the id of the collection, category, type, tag or sales channel the rule names", path: ["value"] })
export type AdminUpsertListingRuleType = z.infer<typeof AdminUpsertListingRule>

export const AdminUpsertPricingRule = z
  .object({
    marketplace_id: marketplaceId,
    name: z.string().trim().min(1).max(120),
    source_currency: currency.nullable().optional(),
    percent: money.min(-90).max(1000).optional(),
    fixed_amount: money.optional(),
    rounding: z.enum(ROUNDING_MODES).optional(),
    min_price: money.positive().nullable().optional(),
    max_price: money.positive().nullable().optional(),
  })
  .strict()
  .refine((r) => r.min_price === null || r.min_price === undefined || r.max_price === null || r.max_price === undefined || r.min_price <= r.max_price, {
    message: "min_price must not be above max_price",
    path: ["min_price"],
  })
export type AdminUpsertPricingRuleType = z.infer<typeof AdminUpsertPricingRule>

export const AdminUpsertExchangeRate = z
  .object({
    base_currency: currency,
    quote_currency: currency,
    rate: money.positive(),
    /** the day the rate is for; defaults to today (UTC) */
    rate_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "rate_date is YYYY-MM-DD" }).optional(),
  })
  .strict()
  .refine((r) => r.base_currency !== r.quote_currency, { message: "a rate converts between two different currencies", path: ["quote_currency"] })
export type AdminUpsertExchangeRateType = z.infer<typeof AdminUpsertExchangeRate>

export const AdminRefreshExchangeRates = z.object({ provider: z.enum(["ecb"]).default("ecb") }).strict()
export type AdminRefreshExchangeRatesType = z.infer<typeof AdminRefreshExchangeRates>
