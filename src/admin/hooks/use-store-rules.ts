import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { amazonKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

export type ListingRule = { id: string; name: string; marketplace_id: string | null; effect: "include" | "exclude"; match: string; value: string | null; position: number }
export type PricingRule = {
  id: string
  name: string
  marketplace_id: string
  source_currency: string | null
  percent: number
  fixed_amount: number
  rounding: string
  min_price: number | null
  max_price: number | null
}
export type ExchangeRate = { id: string; base_currency: string; quote_currency: string; rate: number; rate_date: string; source: string }
type Counts = { counts: { queued: number } }

/** Keys under the store's own root: saving a rule refetches the rules and the listings (a rule moves them). */
const rulesKey = (storeId: string, kind: string) => [...amazonKeys.all, "rules", storeId, kind] as const

function useList<T>(storeId: string, kind: string, path: string, field: string) {
  return useQuery({
    queryKey: rulesKey(storeId, kind),
    queryFn: async () => (await sdk.client.fetch<Record<string, T[]>>(`/admin/amazon/stores/${storeId}/${path}`))[field],
  })
}

function useWrite<B>(storeId: string, kind: string, call: (body: B) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: rulesKey(storeId, kind) })
      void queryClient.invalidateQueries({ queryKey: [...amazonKeys.all, "listings"] })
    },
  })
}

/** GET /admin/amazon/stores/:id/listing-rules */
export const useListingRules = (storeId: string) => useList<ListingRule>(storeId, "listing", "listing-rules", "amazon_listing_rules")
/** POST /admin/amazon/stores/:id/listing-rules */
export const useCreateListingRule = (storeId: string) =>
  useWrite(storeId, "listing", (body: Omit<ListingRule, "id">) => sdk.client.fetch<Counts>(`/admin/amazon/stores/${storeId}/listing-rules`, { method: "POST", body }))
/** DELETE /admin/amazon/stores/:id/listing-rules/:rule_id */
export const useDeleteListingRule = (storeId: string) =>
  useWrite(storeId, "listing", (id: string) => sdk.client.fetch<Counts>(`/admin/amazon/stores/${storeId}/listing-rules/${id}`, { method: "DELETE" }))

/** GET /admin/amazon/stores/:id/pricing-rules */
export const usePricingRules = (storeId: string) => useList<PricingRule>(storeId, "pricing", "pricing-rules", "amazon_pricing_rules")
/** POST /admin/amazon/stores/:id/pricing-rules (one per marketplace: upsert) */
export const useSavePricingRule = (storeId: string) =>
  useWrite(storeId, "pricing", (body: Omit<PricingRule, "id">) => sdk.client.fetch<Counts>(`/admin/amazon/stores/${storeId}/pricing-rules`, { method: "POST", body }))
/** DELETE /admin/amazon/stores/:id/pricing-rules/:rule_id */
export const useDeletePricingRule = (storeId: string) =>
  useWrite(storeId, "pricing", (id: string) => sdk.client.fetch<Counts>(`/admin/amazon/stores/${storeId}/pricing-rules/${id}`, { method: "DELETE" }))

/** GET /admin/amazon/stores/:id/exchange-rates */
export const useExchangeRates = (storeId: string) => useList<ExchangeRate>(storeId, "rates", "exchange-rates", "amazon_exchange_rates")
/** POST /admin/amazon/stores/:id/exchange-rates (manual; upsert on the pair) */
export const useSaveExchangeRate = (storeId: string) =>
  useWrite(storeId, "rates", (body: { base_currency: string; quote_currency: string; rate: number; rate_date?: string }) =>
    sdk.client.fetch<Counts>(`/admin/amazon/stores/${storeId}/exchange-rates`, { method: "POST", body })
  )
/** POST /admin/amazon/stores/:id/exchange-rates/refresh */
export const useRefreshExchangeRates = (storeId: string) =>
  useWrite(storeId, "rates", () => sdk.client.fetch<{ rates: number } & Counts>(`/admin/amazon/stores/${storeId}/exchange-rates/refresh`, { method: "POST", body: { provider: "ecb" } }))
