import express, { Request, Response, Router } from "express"
import { SandboxContext } from "../context"
import { baseUrl, sendError, spApiRoute } from "../http"
import { marketplace } from "../marketplaces"
import { META_SCHEMA, PROPERTY_GROUPS, PRODUCT_TYPES, Requirements, checksum, productTypeDefinition, productTypeSchema } from "../product-types"

const API = "definitionsProductTypes_2020-09-01"
/** A fixed version string; real ones are opaque tokens like "UHqSqmb4FNUk=". */
const VERSION = "U2FuZGJveFYx"
const REQUIREMENTS: readonly Requirements[] = ["LISTING", "LISTING_PRODUCT_ONLY", "LISTING_OFFER_ONLY"]

/**
 * Product Type Definitions API 2020-09-01. The schema and meta-schema links point back at the sandbox
 * (`/_schemas/…`, unauthenticated like Amazon's presigned links).
 */
export function productTypeDefinitionsRoutes(ctx: SandboxContext, router: Router): void {
  spApiRoute(ctx, router, { operationId: "searchDefinitionsProductTypes", api: API, method: "get", path: "/definitions/2020-09-01/productTypes" }, (_req, res, call) => {
    const q = call.query
    const marketplaceIds = q.list("marketplaceIds")
    if (!marketplaceIds?.length) return sendError(res, 400, "InvalidInput", "marketplaceIds is required.")
    const keywords = q.list("keywords")?.map((k) => k.toLowerCase())
    const itemName = q.str("itemName")
    if (keywords && itemName) return sendError(res, 400, "InvalidInput", "keywords and itemName cannot be used together.")
    const words = keywords ?? itemName?.toLowerCase().split(/[^a-z0-9-]+/).filter(Boolean)
    const matches = PRODUCT_TYPES.filter((p) => !words || words.some((w) => p.keywords.includes(w) || p.name.toLowerCase() === w))
    // itemName asks for a recommendation: fall back to the generic type rather than nothing.
    const result = matches.length || !itemName ? matches : PRODUCT_TYPES.filter((p) => p.name === "PRODUCT")
    res.json({
      productTypes: result.map((p) => ({ name: p.name, displayName: p.displayName, marketplaceIds })),
      productTypeVersion: VERSION,
    })
  })

  spApiRoute(ctx, router, { operationId: "getDefinitionsProductType", api: API, method: "get", path: "/definitions/2020-09-01/productTypes/:productType" }, (req, res, call) => {
    const q = call.query
    const marketplaceIds = q.list("marketplaceIds")
    if (!marketplaceIds?.length) return sendError(res, 400, "InvalidInput", "marketplaceIds is required.")
    const def = productTypeDefinition(req.params.productType)
    if (!def) return sendError(res, 404, "NOT_FOUND", `Product type '${req.params.productType}' was not found for marketplace ${marketplaceIds[0]}.`)
    const requirements = (q.str("requirements") ?? "LISTING") as Requirements
    if (!REQUIREMENTS.includes(requirements)) return sendError(res, 400, "InvalidInput", `Invalid requirements '${requirements}'.`)
    const enforced = q.str("requirementsEnforced") ?? "ENFORCED"
    const requestedLocale = q.str("locale")
    const locale = !requestedLocale || requestedLocale === "DEFAULT" ? (marketplace(marketplaceIds[0])?.language ?? "en_US") : requestedLocale
    const base = call.baseUrl
    const schema = productTypeSchema(def, requirements, base)
    res.json({
      metaSchema: { link: { resource: `${base}/_schemas/meta-schema.json`, verb: "GET" }, checksum: checksum(META_SCHEMA) },
      schema: {
        link: { resource: `${base}/_schemas/product-types/${def.name}.json?requirements=${requirements}`, verb: "GET" },
        checksum: checksum(schema),
      },
      requirements,
      requirementsEnforced: enforced === "NOT_ENFORCED" ? "NOT_ENFORCED" : "ENFORCED",
      propertyGroups: PROPERTY_GROUPS,
      locale,
      marketplaceIds,
      productType: def.name,
      displayName: def.displayName,
      productTypeVersion: { version: VERSION, latest: true, releaseCandidate: false },
    })
  })
}

/** The schema documents behind the links above. */
export function schemasRouter(): Router {
  const router = express.Router()
  router.get("/_schemas/meta-schema.json", (_req: Request, res: Response) => void res.json(META_SCHEMA))
  router.get("/_schemas/product-types/:file", (req: Request, res: Response) => {
    const name = req.params.file.replace(/\.json$/, "")
    const def = productTypeDefinition(name)
    if (!def) return void res.status(404).json({ message: `No schema for ${name}` })
    const requirements = String(req.query.requirements ?? "LISTING") as Requirements
    res.json(productTypeSchema(def, REQUIREMENTS.includes(requirements) ? requirements : "LISTING", baseUrl(req)))
  })
  return router
}
