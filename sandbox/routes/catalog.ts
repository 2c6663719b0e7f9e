import { Router } from "express"
import { SandboxContext } from "../context"
import { sendError, spApiRoute } from "../http"
import { marketplace } from "../marketplaces"
import { CatalogItem, IdentifierType } from "../types"
import { decodeToken, encodeToken } from "./orders"

const API = "catalogItems_2022-04-01"
const IDENTIFIER_TYPES: readonly IdentifierType[] = ["ASIN", "EAN", "GTIN", "ISBN", "JAN", "MINSAN", "SKU", "UPC"]
const INCLUDED = ["attributes", "classifications", "dimensions", "identifiers", "images", "productTypes", "relationships", "salesRanks", "summaries", "vendorDetails"]

/** Catalog Items API 2022-04-01: search by identifiers (≤ 20) or keywords in one marketplace, and get by ASIN. */
export function catalogRoutes(ctx: SandboxContext, router: Router): void {
  spApiRoute(ctx, router, { operationId: "searchCatalogItems", api: API, method: "get", path: "/catalog/2022-04-01/items" }, (_req, res, call) => {
    const q = call.query
    const marketplaceIds = q.list("marketplaceIds")
    if (!marketplaceIds?.length) return sendError(res, 400, "InvalidInput", "marketplaceIds is required.")
    if (marketplaceIds.length > 1) return sendError(res, 400, "InvalidInput", "marketplaceIds accepts exactly one marketplace.")
    const mp = marketplaceIds[0]
    if (!marketplace(mp)) return sendError(res, 400, "InvalidInput", `Invalid marketplaceIds value '${mp}'.`)
    const included = q.list("includedData") ?? ["summaries"]
    const badIncluded = included.find((i) => !INCLUDED.includes(i))
    if (badIncluded) return sendError(res, 400, "InvalidInput", `Invalid includedData value '${badIncluded}'.`)
    const identifiers = q.list("identifiers")
    const keywords = q.list("keywords")
    if (identifiers && keywords) return sendError(res, 400, "InvalidInput", "identifiers and keywords cannot be used together.")
    if (!identifiers && !keywords) return sendError(res, 400, "InvalidInput", "Either identifiers or keywords is required.")
    const pageSize = q.int("pageSize") ?? 10
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 20) return sendError(res, 400, "InvalidInput", "pageSize must be between 1 and 20.")
    let offset = 0
    const pageToken = q.str("pageToken")
    if (pageToken) {
      const decoded = decodeToken<{ o: number }>(pageToken)
      if (!decoded) return sendError(res, 400, "InvalidInput", "Invalid pageToken.")
      offset = decoded.o
    }

    let items: CatalogItem[]
    if (identifiers) {
      if (identifiers.length > 20) return sendError(res, 400, "InvalidInput", "identifiers accepts at most 20 values.")
      const type = q.str("identifiersType") as IdentifierType | undefined
      if (!type) return sendError(res, 400, "InvalidInput", "identifiersType is required when identifiers are provided.")
      if (!IDENTIFIER_TYPES.includes(type)) return sendError(res, 400, "InvalidInput", `Invalid identifiersType '${type}'.`)
      const sellerId = q.str("sellerId")
      if (type === "SKU" && !sellerId) return sendError(res, 400, "InvalidInput", "sellerId is required when identifiersType is SKU.")
      if (sellerId && sellerId !== call.sellerId) return sendError(res, 400, "InvalidInput", `sellerId '${sellerId}' does not match the caller.`)
      const seen = new Map<string, CatalogItem>()
      for (const id of identifiers) for (const item of ctx.state.findCatalogItems(type, id, mp, call.sellerId)) seen.set(item.asin, item)
      items = [...seen.values()]
    } else {
      if (keywords!.length > 20) return sendError(res, 400, "InvalidInput", "keywords accepts at most 20 values.")
      const words = keywords!.map((k) => k.toLowerCase())
      const brands = q.list("brandNames")?.map((b) => b.toLowerCase())
      items = [...ctx.state.catalog.values()]
        .filter((i) => !i.marketplaceIds || i.marketplaceIds.includes(mp))
        .filter((i) => words.every((w) => `${i.title} ${i.brand}`.toLowerCase().includes(w)))
        .filter((i) => !brands || brands.includes(i.brand.toLowerCase()))
    }
    const page = items.slice(offset, offset + pageSize)
    const body: Record<string, unknown> = { numberOfResults: items.length, items: page.map((i) => renderCatalogItem(i, mp, included)) }
    const pagination: Record<string, string> = {}
    if (offset + pageSize < items.length) pagination.nextToken = encodeToken({ o: offset + pageSize })
    if (offset > 0) pagination.previousToken = encodeToken({ o: Math.max(0, offset - pageSize) })
    if (Object.keys(pagination).length) body.pagination = pagination
    if (keywords) {
      const brands = new Map<string, number>()
      for (const i of items) brands.set(i.brand, (brands.get(i.brand) ?? 0) + 1)
      body.refinements = { brands: [...brands].map(([brandName, numberOfResults]) => ({ numberOfResults, brandName })), classifications: [] }
    }
    res.json(body)
  })

  spApiRoute(ctx, router, { operationId: "getCatalogItem", api: API, method: "get", path: "/catalog/2022-04-01/items/:asin" }, (req, res, call) => {
    const q = call.query
    const marketplaceIds = q.list("marketplaceIds")
    if (!marketplaceIds?.length) return sendError(res, 400, "InvalidInput", "marketplaceIds is required.")
    const included = q.list("includedData") ?? ["summaries"]
    const badIncluded = included.find((i) => !INCLUDED.includes(i))
    if (badIncluded) return sendError(res, 400, "InvalidInput", `Invalid includedData value '${badIncluded}'.`)
    const asin = req.params.asin
    const mp = marketplaceIds.find((m) => ctx.state.catalogItemIn(asin, m))
    const item = mp ? ctx.state.catalogItemIn(asin, mp) : undefined
    if (!item || !mp) return sendError(res, 404, "NOT_FOUND", `Requested item '${asin}' not found in marketplace(s) ${marketplaceIds.join(", ")}.`)
    res.json(renderCatalogItem(item, mp, included))
  })
}

/** A catalog item in the Catalog Items 2022-04-01 `Item` shape. */
export function renderCatalogItem(item: CatalogItem, marketplaceId: string, included: string[]): Record<string, unknown> {
  const inc = new Set(included)
  const lang = marketplace(marketplaceId)?.language ?? "en_US"
  const out: Record<string, unknown> = { asin: item.asin }
  if (inc.has("summaries")) {
    out.summaries = [
      {
        marketplaceId,
        brand: item.brand,
        itemName: item.title,
        manufacturer: item.manufacturer ?? item.brand,
        itemClassification: "BASE_PRODUCT",
        ...(item.color ? { color: item.color } : {}),
        ...(item.size ? { size: item.size } : {}),
        ...(item.classification ? { browseClassification: item.classification } : {}),
      },
    ]
  }
  if (inc.has("identifiers")) {
    const identifiers = Object.entries(item.identifiers).flatMap(([identifierType, values]) => (values ?? []).map((identifier) => ({ identifierType, identifier })))
    out.identifiers = [{ marketplaceId, identifiers }]
  }
  if (inc.has("productTypes")) out.productTypes = [{ marketplaceId, productType: item.productType }]
  if (inc.has("dimensions")) out.dimensions = item.dimensions ? [{ marketplaceId, ...item.dimensions }] : []
  if (inc.has("attributes")) {
    const attributes: Record<string, unknown[]> = {
      item_name: [{ value: item.title, language_tag: lang, marketplace_id: marketplaceId }],
      brand: [{ value: item.brand, language_tag: lang, marketplace_id: marketplaceId }],
      externally_assigned_product_identifier: Object.entries(item.identifiers).flatMap(([type, values]) =>
        (values ?? []).map((value) => ({ type: type.toLowerCase(), value, marketplace_id: marketplaceId }))
      ),
    }
    if (item.color) attributes.color = [{ value: item.color, language_tag: lang, marketplace_id: marketplaceId }]
    if (item.size) attributes.size = [{ value: item.size, language_tag: lang, marketplace_id: marketplaceId }]
    const weight = item.dimensions?.package?.weight
    if (weight) attributes.item_package_weight = [{ value: weight.value, unit: weight.unit, marketplace_id: marketplaceId }]
    out.attributes = attributes
  }
  if (inc.has("images")) {
    out.images = [
      { marketplaceId, images: item.imageUrl ? [{ variant: "MAIN", link: item.imageUrl, height: 500, width: 500 }] : [] },
    ]
  }
  if (inc.has("classifications")) out.classifications = [{ marketplaceId, classifications: item.classification ? [item.classification] : [] }]
  if (inc.has("salesRanks")) out.salesRanks = [{ marketplaceId, classificationRanks: [], displayGroupRanks: [] }]
  if (inc.has("relationships")) out.relationships = [{ marketplaceId, relationships: [] }]
  if (inc.has("vendorDetails")) out.vendorDetails = [{ marketplaceId }]
  return out
}
