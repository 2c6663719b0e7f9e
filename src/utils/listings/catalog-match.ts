import { checkIdentifier, type IdentifierType } from "./gtin"

/** The parts of a Catalog Items 2022-04-01 `Item` the matcher reads (includedData identifiers, productTypes, summaries). */
export type CatalogItemLike = {
  asin: string
  identifiers?: Array<{ marketplaceId?: string; identifiers?: Array<{ identifierType?: string; identifier: string }> }>
  productTypes?: Array<{ marketplaceId?: string; productType?: string }>
  summaries?: Array<{ marketplaceId?: string; itemName?: string; brand?: string }>
}

export type AsinCandidate = { asin: string; product_type: string | null; title: string | null }

export type CatalogAnswer =
  | { kind: "match"; asin: string; product_type: string | null }
  | { kind: "ambiguous"; candidates: AsinCandidate[] }

/**
 * Which ASIN each barcode has in one marketplace, from searchCatalogItems' answer. Matching is on
 * the GTIN-14 form (a UPC-A found as its EAN-13, a JAN as the EAN-13 it is). One ASIN → a match;
 * several ASINs for one barcode (duplicates in Amazon's catalog, a multipack sharing the barcode) →
 * ambiguous with the candidates, never a guess: offering on the wrong ASIN sells the wrong product.
 * A barcode Amazon does not know is left out.
 */
export function matchCatalogItems(
  wanted: Array<{ key: string; type: IdentifierType; value: string }>,
  items: CatalogItemLike[],
  marketplaceId: string
): Map<string, CatalogAnswer> {
  const byGtin = new Map<string, Map<string, AsinCandidate>>()
  for (const item of items) {
    const candidate: AsinCandidate = {
      asin: item.asin,
      product_type: item.productTypes?.find((p) => p.marketplaceId === marketplaceId)?.productType ?? item.productTypes?.[0]?.productType ?? null,
      title: item.summaries?.find((s) => s.marketplaceId === marketplaceId)?.itemName ?? item.summaries?.[0]?.itemName ?? null,
    }
    for (const perMarketplace of item.identifiers ?? []) {
      if (perMarketplace.marketplaceId && perMarketplace.marketplaceId !== marketplaceId) continue
      for (const identifier of perMarketplace.identifiers ?? []) {
        const digits = identifier.identifier.replace(/\D/g, "")
        if (digits.length < 8) continue
        const gtin = digits.padStart(14, "0")
        const asins = byGtin.get(gtin) ?? new Map<string, AsinCandidate>()
        asins.set(item.asin, candidate)
        byGtin.set(gtin, asins)
      }
    }
  }
  const answers = new Map<string, CatalogAnswer>()
  for (const { key, type, value } of wanted) {
    const check = checkIdentifier(type, value)
    const found = check.ok && check.gtin14 ? byGtin.get(check.gtin14) : undefined
    if (!found?.size) continue
    const candidates = [...found.values()].sort((a, b) => a.asin.localeCompare(b.asin))
    answers.set(key, candidates.length === 1 ? { kind: "match", asin: candidates[0].asin, product_type: candidates[0].product_type } : { kind: "ambiguous", candidates })
  }
  return answers
}

/** The issue an ambiguous barcode becomes: the admin chooses one of the candidates. */
export function ambiguousAsinMessage(type: string, value: string, candidates: AsinCandidate[]): string {
  const list = candidates.map((c) => (c.title ? `${c.asin} (${c.title})` : c.asin)).join(", ")
  return `${type} ${value} matches ${candidates.length} ASINs in Amazon's catalog: ${list}. Choose the one that is this product.`
}
