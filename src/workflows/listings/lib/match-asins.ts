import type { SpApiClient } from "../../../lib/sp-api"
import { marketplaceId } from "../../../lib/sp-api"
import { checkIdentifier } from "../../../utils/listings/gtin"
import type { ChangeRow } from "./listing-outcomes"

type CatalogMatch = { asin: string; product_type: string | null }

const CATALOG_TYPES = { EAN: "EAN", UPC: "UPC", ISBN: "ISBN", GTIN: "GTIN" } as const

/**
 * Looks up the ASIN of every change that lacks one, by its barcode, with
 * searchCatalogItems (20 identifiers a call, one marketplace a call — catalog
 * model; 2 rps burst 2). Matching is on the GTIN-14 form, so a UPC-A found as
 * its EAN-13 still matches. Returns the match per change id.
 */
export async function matchAsins(client: SpApiClient, changes: ChangeRow[]): Promise<Map<string, CatalogMatch>> {
  const matches = new Map<string, CatalogMatch>()
  const groups = new Map<string, ChangeRow[]>()
  for (const change of changes) {
    const id = change.payload.identifier
    if (change.payload.asin || !id || !(id.type in CATALOG_TYPES)) continue
    const key = `${change.marketplace_id}|${id.type}`
    groups.set(key, [...(groups.get(key) ?? []), change])
  }
  for (const [key, group] of groups) {
    const [marketplace, type] = key.split("|") as [string, keyof typeof CATALOG_TYPES]
    const result = await client.catalogItems.searchCatalogItemsByIdentifiers({
      identifiers: group.map((c) => c.payload.identifier!.value),
      identifiersType: CATALOG_TYPES[type],
      marketplaceId: marketplaceId(marketplace),
      includedData: ["identifiers", "productTypes", "summaries"],
    })
    const byGtin = new Map<string, CatalogMatch>()
    for (const item of result.items ?? []) {
      const productType = item.productTypes?.find((p) => p.marketplaceId === marketplace)?.productType ?? item.productTypes?.[0]?.productType ?? null
      for (const perMarketplace of item.identifiers ?? []) {
        for (const identifier of perMarketplace.identifiers ?? []) {
          const value = identifier.identifier.replace(/\D/g, "")
          if (value.length >= 8) byGtin.set(value.padStart(14, "0"), { asin: item.asin, product_type: productType })
        }
      }
    }
    for (const change of group) {
      const check = checkIdentifier(change.payload.identifier!.type, change.payload.identifier!.value)
      const gtin = check.ok ? check.gtin14 : undefined
      const match = gtin ? byGtin.get(gtin) : undefined
      if (match) matches.set(change.id, match)
    }
  }
  return matches
}
