import type { SpApiClient } from "../../../lib/sp-api"
import { marketplaceId } from "../../../lib/sp-api"
import { type CatalogAnswer, type CatalogItemLike, matchCatalogItems } from "../../../utils/listings/catalog-match"
import type { ChangeRow } from "./listing-outcomes"

/** Product-ID types searchCatalogItems takes as identifiersType (catalogItems_2022-04-01.json). */
const CATALOG_TYPES = { EAN: "EAN", UPC: "UPC", ISBN: "ISBN", GTIN: "GTIN", JAN: "JAN" } as const

/**
 * Looks up the ASIN of every change that lacks one, by its barcode, with
 * searchCatalogItems (20 identifiers a call, one marketplace a call — catalog
 * model; 2 rps burst 2). Returns per change id a match, or the candidates
 * when several ASINs carry the barcode (catalog-match.ts: never guessed).
 */
export async function matchAsins(client: SpApiClient, changes: ChangeRow[]): Promise<Map<string, CatalogAnswer>> {
  const answers = new Map<string, CatalogAnswer>()
  const groups = new Map<string, ChangeRow[]>()
  for (const change of changes) {
    const id = change.payload.identifier
    if (change.payload.asin || !id || !(id.type in CATALOG_TYPES)) continue
    const key = `${change.marketplace_id}|${id.type}`
    groups.set(key, [...(groups.get(key) ?? []), change])
  }
  for (const [key, group] of groups) {
    const [marketplace, type] = key.split("|") as [string, keyof typeof CATALOG_TYPES]
    // the client splits into calls of 20 and follows the pages
    const result = await client.catalogItems.searchCatalogItemsByIdentifiers({
      identifiers: group.map((c) => c.payload.identifier!.value),
      identifiersType: CATALOG_TYPES[type],
      marketplaceId: marketplaceId(marketplace),
      includedData: ["identifiers", "productTypes", "summaries"],
    })
    const found = matchCatalogItems(
      group.map((c) => ({ key: c.id, type, value: c.payload.identifier!.value })),
      (result.items ?? []) as unknown as CatalogItemLike[],
      marketplace
    )
    for (const [id, answer] of found) answers.set(id, answer)
  }
  return answers
}
