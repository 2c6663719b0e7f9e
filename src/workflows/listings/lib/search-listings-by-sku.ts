import { marketplaceId, type SpApiClient } from "../../../lib/sp-api"

/** searchListingsItems takes up to 20 identifiers a call (listings model), 5 rps burst 5. */
const PER_CALL = 20

type SearchListingsItemsParams = Parameters<SpApiClient["listingsItems"]["searchListingsItems"]>[0]

/**
 * Amazon's listings items of `rows`, by SKU: one marketplace and 20 SKUs a searchListingsItems call. Yields
 * each chunk of rows with the items Amazon showed for it, by SKU (a SKU Amazon does not show is absent).
 * Errors propagate to the caller.
 */
export async function* searchListingsBySku<Row extends { sku: string; marketplace_id: string }, Item extends { sku: string }>(
  client: SpApiClient,
  rows: Row[],
  params: Pick<SearchListingsItemsParams, "includedData" | "issueLocale">
): AsyncGenerator<{ marketplace: string; chunk: Row[]; items: Map<string, Item> }> {
  const byMarketplace = new Map<string, Row[]>()
  for (const row of rows) byMarketplace.set(row.marketplace_id, [...(byMarketplace.get(row.marketplace_id) ?? []), row])
  for (const [marketplace, group] of byMarketplace) {
    for (let i = 0; i < group.length; i += PER_CALL) {
      const chunk = group.slice(i, i + PER_CALL)
      const answer = await client.listingsItems.searchListingsItems({
        ...params,
        marketplaceIds: [marketplaceId(marketplace)],
        identifiers: [...new Set(chunk.map((row) => row.sku))],
        identifiersType: "SKU",
        pageSize: PER_CALL,
      })
      const items = new Map(((answer.items ?? []) as unknown as Item[]).map((item) => [item.sku, item]))
      yield { marketplace, chunk, items }
    }
  }
}
