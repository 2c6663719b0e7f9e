import { createHash } from "node:crypto"
import { isValidGtin } from "./gtin"
import { marketplace } from "./marketplaces"
import { ATTRIBUTE_SCHEMAS, ProductTypeDefinition, Requirements, productTypeDefinition, requiredAttributes, themeAttributes } from "./product-types"
import { SandboxState } from "./state"
import { CatalogItem, Listing, ListingHistoryEntry, ListingIssue, ListingStatus } from "./types"

/**
 * How Amazon judges one listing submission (a JSON_LISTINGS_FEED message, or put/patchListingsItem):
 * the issues it raises and the listing that results when it is accepted. Shared by the Feeds and
 * Listings Items routes so both paths give the same answers.
 *
 * Issue codes are modelled on Amazon's (90220 and 99022 appear in Amazon's own example report); the
 * others are sandbox codes for the same conditions — do not map on the exact numbers.
 */
export const ISSUE_CODES = {
  requiredMissing: "90220",
  invalidValue: "99022",
  asinNotFound: "18046",
  invalidProductId: "8016",
  noMatchingAsin: "8560",
  skuNotFound: "4000009",
  unknownProductType: "90244",
  invalidPatch: "4000003",
  relevantAttributes: "18448",
  priceReference: "8026",
  ambiguousProductId: "8566",
  productTypeMismatch: "90057",
  languageTagMissing: "99023",
  fbaConverted: "8105",
  fbaQuantityIgnored: "8106",
  duplicateOffer: "8541",
  invalidProductType: "8101",
  variationTheme: "90003",
  variationParent: "90004",
} as const

export type OperationType = "UPDATE" | "PARTIAL_UPDATE" | "PATCH" | "DELETE"

export interface Submission {
  sellerId: string
  marketplaceId: string
  sku: string
  operationType: OperationType
  productType?: string
  requirements?: string
  attributes?: Record<string, unknown>
  patches?: unknown[]
  /** putListingsItem mode=VALIDATION_PREVIEW: a child's parent may still be on its way (warning, not error) */
  preview?: boolean
}

export interface Evaluation {
  issues: ListingIssue[]
  accepted: boolean
  /** The listing after the submission; null = deleted. Undefined when not accepted. */
  result?: Listing | null
  /** A catalog item the submission creates (new product with a barcode Amazon did not know). */
  newCatalogItem?: CatalogItem
}

type AttributeValues = Record<string, unknown[]>

const CONDITIONS = new Set(["new_new", "new_open_box", "new_oem", "refurbished_refurbished", "used_like_new", "used_very_good", "used_good", "used_acceptable", "collectible_like_new", "collectible_very_good", "collectible_good", "collectible_acceptable", "club_club"])

export function evaluateSubmission(state: SandboxState, submission: Submission, options: { randomWarnings?: boolean } = {}): Evaluation {
  const sub = forMarketplace(submission)
  const existing = state.getListing(sub.sellerId, sub.marketplaceId, sub.sku)
  if (sub.operationType === "DELETE") return { issues: [], accepted: true, result: null }

  const issues: ListingIssue[] = []
  const error = (code: string, message: string, attributeNames?: string[], categories: string[] = ["INVALID_ATTRIBUTE"]) =>
    issues.push({ code, message, severity: "ERROR", categories, ...(attributeNames ? { attributeNames } : {}) })

  const productType = sub.productType ?? existing?.productType
  const definition = productType ? productTypeDefinition(productType) : undefined
  // A patch never changes a listing's product type (only delete + recreate does). It is validated as the type it
  // names, so a type other than the listing's own or the generic PRODUCT is refused (Amazon: 8101 Invalid ProductType).
  const mismatch =
    sub.operationType !== "UPDATE" && !!existing && !!sub.productType && sub.productType !== "PRODUCT" && sub.productType !== existing.productType
  if (mismatch) {
    error(ISSUE_CODES.invalidProductType, `Invalid ProductType value for SKU: [${sub.sku}]. The listing's product type is '${existing!.productType}'; submit the ${sub.operationType} with '${existing!.productType}' or 'PRODUCT'.`)
  }
  if (!productType) {
    error(ISSUE_CODES.requiredMissing, "'productType' is required but not supplied.", undefined, ["MISSING_ATTRIBUTE"])
  } else if (!definition) {
    error(ISSUE_CODES.unknownProductType, `The product type '${productType}' is not valid for marketplace ${sub.marketplaceId}.`)
  }

  // The attributes the listing will have if the submission is accepted.
  let attributes: AttributeValues = {}
  if (sub.operationType === "UPDATE") {
    attributes = asAttributeValues(sub.attributes, error)
    requireLanguageTags(attributes, error)
  } else if (!existing) {
    error(
      ISSUE_CODES.skuNotFound,
      `The SKU '${sub.sku}' does not exist in marketplace ${sub.marketplaceId}. Submit it with operationType UPDATE (or putListingsItem) first.`,
      undefined,
      ["INVALID_ATTRIBUTE"]
    )
  } else if (sub.operationType === "PARTIAL_UPDATE") {
    attributes = { ...existing.attributes, ...asAttributeValues(sub.attributes, error) }
  } else {
    attributes = applyPatches(existing.attributes, sub.patches ?? [], error)
  }

  const mp = sub.marketplaceId
  let asin: string | undefined = sub.operationType === "UPDATE" ? undefined : existing?.asin
  let productId: Listing["productId"] = sub.operationType === "UPDATE" ? undefined : existing?.productId
  let newCatalogItem: CatalogItem | undefined

  const parentage = firstValue(attributes.parentage_level, sub.marketplaceId)
  if (sub.operationType === "UPDATE" && definition) {
    const requirements = (sub.requirements ?? "LISTING") as Requirements
    const suggestedAsin = firstValue(attributes.merchant_suggested_asin, mp)
    const identifiers = valuesFor(attributes.externally_assigned_product_identifier, mp)
    const exempt = firstValue(attributes.supplier_declared_has_product_identifier_exemption, mp) === true
    let matched: CatalogItem | undefined
    let barcodeOk = true

    for (const id of identifiers) {
      const value = String(id.value ?? "")
      const type = String(id.type ?? "").toUpperCase()
      if (!isValidGtin(value)) {
        barcodeOk = false
        error(ISSUE_CODES.invalidProductId, `The ${type || "product"} '${value}' is not a valid product ID: check the length and the check digit.`, ["externally_assigned_product_identifier"])
        continue
      }
      productId = productId ?? { type: (["EAN", "UPC", "ISBN", "GTIN", "JAN"].includes(type) ? type : "EAN") as NonNullable<Listing["productId"]>["type"], value }
      const found = state.findCatalogItems("EAN", value, mp)
      if (found.length > 1 && suggestedAsin === undefined) {
        // Amazon does not pick one of several ASINs for a barcode: the seller names it (merchant_suggested_asin)
        error(ISSUE_CODES.ambiguousProductId, `The ${type || "product"} '${value}' matches more than one ASIN (${found.map((f) => f.asin).join(", ")}) in marketplace ${mp}; provide merchant_suggested_asin.`, ["externally_assigned_product_identifier"])
      }
      matched = matched ?? found[0]
    }
    if (suggestedAsin !== undefined) {
      const item = state.catalogItemIn(String(suggestedAsin), mp)
      if (!item) {
        error(ISSUE_CODES.asinNotFound, `The ASIN '${String(suggestedAsin)}' in merchant_suggested_asin does not exist in marketplace ${mp}.`, ["merchant_suggested_asin"])
      } else {
        matched = item
        productId = productId ?? { type: "ASIN", value: item.asin }
      }
    }

    if (matched && productType && productType !== "PRODUCT" && productType !== matched.productType) {
      // an offer on an existing ASIN takes that ASIN's product type (or the generic PRODUCT), not the seller's category
      error(ISSUE_CODES.productTypeMismatch, `The product type '${productType}' does not match the product type '${matched.productType}' of ASIN ${matched.asin}. Submit the offer with '${matched.productType}' or 'PRODUCT'.`, undefined, ["INVALID_ATTRIBUTE"])
    }
    if (requirements === "LISTING_OFFER_ONLY") {
      if (suggestedAsin === undefined && identifiers.length === 0) {
        error(ISSUE_CODES.requiredMissing, "'merchant_suggested_asin' is required but not supplied.", ["merchant_suggested_asin"], ["MISSING_ATTRIBUTE"])
      } else if (!matched && barcodeOk && suggestedAsin === undefined) {
        error(ISSUE_CODES.noMatchingAsin, `No ASIN matches the product ID ${identifiers.map((i) => String(i.value)).join(", ")} in marketplace ${mp}; an offer-only listing needs an existing ASIN.`, ["externally_assigned_product_identifier"])
      }
      requireAll(requiredAttributes(definition, requirements), attributes, mp, error)
    } else if (matched) {
      // Offer on an existing ASIN: the product facts come from the catalog.
      if (requirements === "LISTING") requireAll(["condition_type"], attributes, mp, error)
    } else {
      // a variation parent is not sold: it has no product ID, and not the values its children vary by
      if (identifiers.length === 0 && !exempt && suggestedAsin === undefined && parentage !== "parent") {
        error(ISSUE_CODES.requiredMissing, "'externally_assigned_product_identifier' is required but not supplied.", ["externally_assigned_product_identifier"], ["MISSING_ATTRIBUTE"])
      }
      const varying = parentage === "parent" ? themeAttributes(definition) : []
      requireAll(requiredAttributes(definition, requirements).filter((n) => !varying.includes(n)), attributes, mp, error)
      if (requirements === "LISTING" && attributes.main_product_image_locator === undefined) {
        issues.push({
          code: ISSUE_CODES.relevantAttributes,
          message: "Attributes tagged as relevant_attributes are incomplete. Provide values for the following attribute(s): main_product_image_locator",
          severity: "WARNING",
          attributeNames: ["main_product_image_locator"],
          categories: ["MISSING_ATTRIBUTE"],
        })
      }
    }
    asin = matched?.asin
    if (!matched && !issues.some((i) => i.severity === "ERROR") && requirements !== "LISTING_OFFER_ONLY") {
      newCatalogItem = {
        asin: newAsin(sub.sellerId, sub.sku),
        identifiers: productId && productId.type !== "ASIN" ? { [productId.type === "GTIN" ? "EAN" : productId.type]: [productId.value] } : {},
        title: String(firstValue(attributes.item_name, mp) ?? sub.sku),
        brand: String(firstValue(attributes.brand, mp) ?? "Generic"),
        productType: definition.name,
        color: optionalString(firstValue(attributes.color, mp)),
        size: optionalString(firstValue(attributes.size, mp)),
      }
      asin = newCatalogItem.asin
    }
  }

  checkOffer(attributes, mp, error)
  if (definition) checkVariation(state, sub, definition, attributes, issues, error)
  checkFulfillmentChannel(existing, attributes, issues)
  if (sub.operationType === "UPDATE" && !existing && asin) {
    // Amazon accepts it, and the seller now has two offers of one product competing with each other
    const others = state.skusOfAsin(sub.sellerId, mp, asin).filter((sku) => sku !== sub.sku)
    if (others.length) {
      issues.push({
        code: ISSUE_CODES.duplicateOffer,
        message: `The ASIN ${asin} is already offered by this seller under SKU ${others.join(", ")}; SKU '${sub.sku}' creates a second offer of the same product.`,
        severity: "WARNING",
        attributeNames: ["merchant_suggested_asin"],
        categories: ["INVALID_ATTRIBUTE"],
      })
    }
  }

  if (issues.some((i) => i.severity === "ERROR")) return { issues, accepted: false }

  const now = state.clock.now()
  const catalogItem = asin ? (newCatalogItem ?? state.catalogItemIn(asin, mp)) : undefined
  const keep = sub.operationType !== "UPDATE" ? existing : undefined
  const offer = offerFrom(attributes, mp)
  const availability = availabilityFrom(attributes)
  const listing: Listing = {
    sellerId: sub.sellerId,
    marketplaceId: mp,
    sku: sub.sku,
    asin,
    // an existing listing keeps its product type whatever a PATCH / PARTIAL_UPDATE names
    productType: (sub.operationType !== "UPDATE" ? existing?.productType : undefined) ?? productType ?? "PRODUCT",
    itemName: optionalString(firstValue(attributes.item_name, mp)) ?? keep?.itemName ?? catalogItem?.title ?? existing?.itemName ?? sub.sku,
    description: optionalString(firstValue(attributes.product_description, mp)) ?? keep?.description,
    price: offer.price ?? keep?.price,
    currency: offer.currency ?? keep?.currency ?? marketplace(mp)?.currency ?? "EUR",
    quantity: availability ? availability.quantity : keep?.quantity,
    fulfillmentChannel: availability?.channel ?? keep?.fulfillmentChannel ?? existing?.fulfillmentChannel ?? "DEFAULT",
    conditionType: optionalString(firstValue(attributes.condition_type, mp)) ?? keep?.conditionType ?? "new_new",
    status: "Incomplete",
    attributes,
    issues: [...issues.filter((i) => i.severity !== "ERROR").map(withEnforcement), ...lastingIssues(keep, attributes, mp)],
    productId,
    listingId: existing?.listingId ?? state.newListingId(),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  }
  listing.status = listingStatus(listing)

  if (options.randomWarnings && listing.price !== undefined && state.random.next() < 0.03) {
    const warning: ListingIssue = {
      code: ISSUE_CODES.priceReference,
      message: `The price ${listing.price.toFixed(2)} ${listing.currency} is significantly different from the reference price for this product; the offer may be suppressed from the Buy Box.`,
      severity: "WARNING",
      attributeNames: ["purchasable_offer"],
      categories: ["INVALID_PRICE"],
    }
    issues.push(warning)
    listing.issues.push(warning)
  }
  return { issues, accepted: true, result: listing, newCatalogItem }
}

/** Writes an accepted evaluation into the state. */
export function applyEvaluation(state: SandboxState, sub: Submission, evaluation: Evaluation): void {
  if (!evaluation.accepted) return
  if (evaluation.newCatalogItem && !state.catalog.has(evaluation.newCatalogItem.asin)) state.addCatalogItem(evaluation.newCatalogItem)
  const before = state.getListing(sub.sellerId, sub.marketplaceId, sub.sku)
  if (evaluation.result === null) state.deleteListing(sub.sellerId, sub.marketplaceId, sub.sku)
  else if (evaluation.result) state.putListing(evaluation.result)
  recordHistory(state, sub, before, evaluation.result ?? undefined)
}

/** Appends what an accepted submission changed, attribute by attribute, to the seller's history. */
function recordHistory(state: SandboxState, sub: Submission, before: Listing | undefined, after: Listing | undefined): void {
  if (!before && !after) return
  const names = new Set([...Object.keys(before?.attributes ?? {}), ...Object.keys(after?.attributes ?? {})])
  const changes: ListingHistoryEntry["changes"] = {}
  for (const name of names) {
    const a = before?.attributes[name]
    const b = after?.attributes[name]
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[name] = { before: a, after: b }
  }
  state.listingHistory.push({
    at: state.clock.now(),
    sellerId: sub.sellerId,
    marketplaceId: sub.marketplaceId,
    sku: sub.sku,
    operationType: sub.operationType,
    kind: !before ? "created" : !after ? "deleted" : "changed",
    changes,
    fulfillmentChannel: { before: before?.fulfillmentChannel, after: after?.fulfillmentChannel },
    sameAsinSkus: after?.asin ? state.skusOfAsin(sub.sellerId, sub.marketplaceId, after.asin).filter((sku) => sku !== sub.sku) : [],
  })
}

/**
 * Variation families (parent/child), as Amazon judges them against the product type's themes: the theme must be
 * one of the type's (variation_theme enum), a parent carries the theme and no offer, a child names an existing
 * parent of the same theme (the parent must have been accepted first) and carries every attribute of the theme.
 */
function checkVariation(
  state: SandboxState,
  sub: Submission,
  def: ProductTypeDefinition,
  attributes: AttributeValues,
  issues: ListingIssue[],
  error: (code: string, message: string, attrs?: string[], categories?: string[]) => void
): void {
  const mp = sub.marketplaceId
  const level = firstValue(attributes.parentage_level, mp)
  const relationship = valuesFor(attributes.child_parent_sku_relationship, mp)[0]
  const themeName = (valuesFor(attributes.variation_theme, mp)[0] as { name?: unknown } | undefined)?.name
  if (level === undefined && themeName === undefined && !relationship) return
  const themes = def.variationThemes ?? []
  if (!themes.length) {
    error(ISSUE_CODES.variationTheme, `The product type '${def.name}' has no variation themes; submit the item without parentage_level, child_parent_sku_relationship and variation_theme.`, ["variation_theme"])
    return
  }
  if (level !== "parent" && level !== "child") {
    error(ISSUE_CODES.invalidValue, `The value '${String(level)}' for 'parentage_level' is not one of parent, child.`, ["parentage_level"])
    return
  }
  const theme = themes.find((t) => t.name === themeName)
  if (themeName === undefined) {
    error(ISSUE_CODES.requiredMissing, "'variation_theme' is required but not supplied.", ["variation_theme"], ["MISSING_ATTRIBUTE"])
  } else if (!theme) {
    error(ISSUE_CODES.variationTheme, `The value '${String(themeName)}' for 'variation_theme' is not valid for product type '${def.name}'. Allowed: ${themes.map((t) => t.name).join(", ")}.`, ["variation_theme"])
  }
  if (level === "parent") {
    for (const name of ["purchasable_offer", "fulfillment_availability"]) {
      if (valuesFor(attributes[name], mp).length) error(ISSUE_CODES.variationParent, `A variation parent is not buyable: remove '${name}' from parent SKU '${sub.sku}'.`, [name])
    }
    if (relationship) error(ISSUE_CODES.variationParent, `A variation parent cannot have a parent: remove 'child_parent_sku_relationship' from '${sub.sku}'.`, ["child_parent_sku_relationship"])
    return
  }
  const parentSku = relationship?.parent_sku === undefined ? undefined : String(relationship.parent_sku)
  if (!parentSku || relationship?.child_relationship_type !== "variation") {
    error(ISSUE_CODES.requiredMissing, "'child_parent_sku_relationship' with child_relationship_type 'variation' and 'parent_sku' is required for a child.", ["child_parent_sku_relationship"], ["MISSING_ATTRIBUTE"])
    return
  }
  const parent = state.getListing(sub.sellerId, mp, parentSku)
  if (!parent || firstValue(parent.attributes.parentage_level, mp) !== "parent") {
    const message = `The parent SKU '${parentSku}' does not exist as a variation parent in marketplace ${mp}; submit the parent first and wait for it to be accepted.`
    if (sub.preview && !parent) issues.push({ code: ISSUE_CODES.variationParent, message, severity: "WARNING", attributeNames: ["child_parent_sku_relationship"], categories: ["INVALID_ATTRIBUTE"] })
    else error(ISSUE_CODES.variationParent, message, ["child_parent_sku_relationship"])
  } else {
    const parentTheme = (valuesFor(parent.attributes.variation_theme, mp)[0] as { name?: unknown } | undefined)?.name
    if (theme && parentTheme !== theme.name) {
      error(ISSUE_CODES.variationTheme, `The variation_theme '${theme.name}' of '${sub.sku}' differs from its parent '${parentSku}' (${String(parentTheme)}).`, ["variation_theme"])
    }
  }
  for (const name of theme?.attributes ?? []) {
    if (!valuesFor(attributes[name], mp).some((v) => v.value !== undefined && v.value !== "")) {
      error(ISSUE_CODES.requiredMissing, `'${name}' is required by variation theme '${theme!.name}' but not supplied on child '${sub.sku}'. The theme's attributes must be populated for all items in the grouping.`, [name], ["MISSING_ATTRIBUTE"])
    }
  }
}

/**
 * FBA offers: a merchant entry ("DEFAULT") in fulfillment_availability converts the offer to merchant-fulfilled —
 * Amazon stops shipping it from its warehouses and the FBA stock is stranded (the same submission is how a seller
 * switches channels on purpose) — and a quantity on an FBA entry is ignored: Amazon counts FBA stock itself.
 */
function checkFulfillmentChannel(existing: Listing | undefined, attributes: AttributeValues, issues: ListingIssue[]): void {
  const entries = (Array.isArray(attributes.fulfillment_availability) ? attributes.fulfillment_availability : []) as Record<string, unknown>[]
  if (existing && existing.fulfillmentChannel !== "DEFAULT" && entries.some((e) => e?.fulfillment_channel_code === "DEFAULT")) {
    issues.push({
      code: ISSUE_CODES.fbaConverted,
      message: `SKU '${existing.sku}' was fulfilled by Amazon (${existing.fulfillmentChannel}); fulfillment_channel_code DEFAULT converts it to merchant-fulfilled.`,
      severity: "WARNING",
      attributeNames: ["fulfillment_availability"],
      categories: ["INVALID_ATTRIBUTE"],
    })
  }
  if (entries.some((e) => e && e.fulfillment_channel_code !== "DEFAULT" && e.quantity !== undefined)) {
    issues.push({
      code: ISSUE_CODES.fbaQuantityIgnored,
      message: "A quantity for a fulfilled-by-Amazon channel is ignored: Amazon counts FBA stock itself.",
      severity: "WARNING",
      attributeNames: ["fulfillment_availability"],
      categories: ["INVALID_ATTRIBUTE"],
    })
  }
}

/**
 * Amazon suppresses a new product without a main image: the offer is accepted but not buyable
 * (Seller Central "Search suppressed"/"Incomplete"); getListingsItem shows the issue with a
 * LISTING_SUPPRESSED enforcement and no BUYABLE status. The submission's own report has the warning only.
 */
function withEnforcement(issue: ListingIssue): ListingIssue {
  if (issue.code !== ISSUE_CODES.relevantAttributes || !issue.attributeNames?.includes("main_product_image_locator")) return issue
  return { ...issue, enforcements: { actions: [{ action: "LISTING_SUPPRESSED" }], exemption: { status: "NOT_EXEMPT" } } }
}

/** A suppression stays through patches until the attribute it names is supplied. */
function lastingIssues(before: Listing | undefined, attributes: AttributeValues, mp: string): ListingIssue[] {
  return (before?.issues ?? []).filter((i) => i.enforcements && !(i.attributeNames ?? []).every((name) => valuesFor(attributes[name], mp).length > 0))
}

export function listingStatus(l: Pick<Listing, "asin" | "price" | "quantity" | "fulfillmentChannel"> & { issues?: ListingIssue[] }): ListingStatus {
  if (!l.asin || l.price === undefined) return "Incomplete"
  if ((l.issues ?? []).some((i) => i.enforcements?.exemption.status === "NOT_EXEMPT" && i.enforcements.actions.some((a) => a.action === "LISTING_SUPPRESSED"))) return "Incomplete"
  if (l.fulfillmentChannel === "DEFAULT" && (l.quantity ?? 0) <= 0) return "Inactive"
  return "Active"
}

/** ASINs the sandbox creates: "B0" + 8 characters derived from seller and SKU (stable across runs). */
export function newAsin(sellerId: string, sku: string): string {
  const hash = createHash("sha1").update(`${sellerId}/${sku}`).digest("hex")
  return `B0${BigInt(`0x${hash.slice(0, 12)}`).toString(36).toUpperCase().padStart(8, "0").slice(-8)}`
}

// ---------------------------------------------------------------- helpers

/**
 * A submission as one marketplace sees it: a feed naming several marketplaces applies each message to every one
 * of them, and each attribute value to the marketplace its `marketplace_id` names (untagged values to all). So a
 * message carrying DE's and FR's tagged prices gives DE its price and FR its own, never DE's value in FR.
 */
function forMarketplace(sub: Submission): Submission {
  const mine = (values: unknown) =>
    Array.isArray(values)
      ? values.filter((v) => !v || typeof v !== "object" || typeof (v as { marketplace_id?: unknown }).marketplace_id !== "string" || (v as { marketplace_id: string }).marketplace_id === sub.marketplaceId)
      : values
  const attributes =
    sub.attributes && typeof sub.attributes === "object" && !Array.isArray(sub.attributes)
      ? Object.fromEntries(Object.entries(sub.attributes).map(([k, v]) => [k, mine(v)]))
      : sub.attributes
  const patches = sub.patches?.map((p) => (p && typeof p === "object" && "value" in (p as object) ? { ...(p as object), value: mine((p as { value: unknown }).value) } : p))
  return { ...sub, ...(attributes !== undefined ? { attributes } : {}), ...(patches !== undefined ? { patches } : {}) }
}

function asAttributeValues(input: unknown, error: (code: string, message: string, attrs?: string[]) => void): AttributeValues {
  const out: AttributeValues = {}
  if (input === undefined) return out
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    error(ISSUE_CODES.invalidValue, "'attributes' must be an object of attribute arrays.")
    return out
  }
  for (const [name, value] of Object.entries(input as Record<string, unknown>)) {
    if (!Array.isArray(value)) {
      error(ISSUE_CODES.invalidValue, `The attribute '${name}' must be an array of values.`, [name])
      continue
    }
    out[name] = value
  }
  return out
}

function applyPatches(current: AttributeValues, patches: unknown[], error: (code: string, message: string, attrs?: string[]) => void): AttributeValues {
  const out: AttributeValues = { ...current }
  for (const raw of patches) {
    const patch = (raw ?? {}) as { op?: string; path?: string; value?: unknown }
    const m = /^\/attributes\/([A-Za-z0-9_]+)$/.exec(String(patch.path ?? ""))
    if (!m) {
      error(ISSUE_CODES.invalidPatch, `The patch path '${String(patch.path)}' is invalid; only top-level attributes ("/attributes/<name>") can be patched.`)
      continue
    }
    const name = m[1]
    const value = patch.value
    if (patch.op !== "delete" && !Array.isArray(value)) {
      error(ISSUE_CODES.invalidPatch, `The patch for '${name}' needs a value array.`, [name])
      continue
    }
    if (patch.op === "add" || patch.op === "replace") out[name] = value as unknown[]
    else if (patch.op === "merge") out[name] = mergeValues(out[name] ?? [], value as unknown[])
    else if (patch.op === "delete") {
      if (Array.isArray(value) && value.length && out[name]) {
        const keys = new Set((value as unknown[]).map(valueKey))
        out[name] = out[name].filter((v) => !keys.has(valueKey(v)))
        if (out[name].length === 0) delete out[name]
      } else delete out[name]
    } else error(ISSUE_CODES.invalidPatch, `The patch operation '${String(patch.op)}' is not one of add, replace, merge, delete.`, [name])
  }
  return out
}

/** Entries are identified by marketplace and channel, as Amazon merges them. */
function valueKey(v: unknown): string {
  const o = (v ?? {}) as Record<string, unknown>
  return `${String(o.marketplace_id ?? "")}|${String(o.fulfillment_channel_code ?? "")}|${String(o.language_tag ?? "")}`
}

function mergeValues(current: unknown[], incoming: unknown[]): unknown[] {
  const out = [...current]
  for (const v of incoming) {
    const i = out.findIndex((c) => valueKey(c) === valueKey(v))
    if (i >= 0) out[i] = { ...(out[i] as object), ...(v as object) }
    else out.push(v)
  }
  return out
}

/** Values that apply in a marketplace: those tagged with it, or untagged ones. */
export function valuesFor(values: unknown[] | undefined, marketplaceId: string): Record<string, unknown>[] {
  if (!Array.isArray(values)) return []
  return values
    .filter((v): v is Record<string, unknown> => !!v && typeof v === "object")
    .filter((v) => v.marketplace_id === undefined || v.marketplace_id === marketplaceId)
}

export function firstValue(values: unknown[] | undefined, marketplaceId: string): unknown {
  return valuesFor(values, marketplaceId)[0]?.value
}

function optionalString(v: unknown): string | undefined {
  return v === undefined || v === null ? undefined : String(v)
}

/** Text attributes (their schema has language_tag) are refused without one, as Amazon's product-type schemas do. */
function requireLanguageTags(attributes: AttributeValues, error: (code: string, message: string, attrs?: string[]) => void): void {
  for (const [name, values] of Object.entries(attributes)) {
    const props = (ATTRIBUTE_SCHEMAS[name] as { items?: { properties?: Record<string, unknown> } } | undefined)?.items?.properties
    if (!props?.language_tag) continue
    if (values.some((v) => !v || typeof v !== "object" || typeof (v as Record<string, unknown>).language_tag !== "string")) {
      error(ISSUE_CODES.languageTagMissing, `The attribute '${name}' requires 'language_tag' on every value (e.g. "de_DE").`, [name])
    }
  }
}

function requireAll(names: string[], attributes: AttributeValues, mp: string, error: (code: string, message: string, attrs?: string[], categories?: string[]) => void): void {
  for (const name of names) {
    if (valuesFor(attributes[name], mp).length === 0) {
      error(ISSUE_CODES.requiredMissing, `'${name}' is required but not supplied.`, [name], ["MISSING_ATTRIBUTE"])
    }
  }
}

function checkOffer(attributes: AttributeValues, mp: string, error: (code: string, message: string, attrs?: string[]) => void): void {
  for (const offer of valuesFor(attributes.purchasable_offer, mp)) {
    const prices = offer.our_price
    const schedule = Array.isArray(prices) ? (prices[0] as { schedule?: unknown } | undefined)?.schedule : undefined
    const first = Array.isArray(schedule) ? (schedule[0] as { value_with_tax?: unknown } | undefined) : undefined
    if (!first) {
      error(ISSUE_CODES.invalidValue, "The field 'schedule' for the attribute 'purchasable_offer.our_price' does not have enough values. The required minimum is '1' value(s).", ["purchasable_offer"])
      continue
    }
    const price = Number(first.value_with_tax)
    if (typeof first.value_with_tax !== "number" || !Number.isFinite(price) || price <= 0) {
      error(ISSUE_CODES.invalidValue, `The value '${String(first.value_with_tax)}' for 'purchasable_offer.our_price.schedule.value_with_tax' is invalid: it must be a number greater than 0.`, ["purchasable_offer"])
    }
  }
  for (const entry of valuesFor(attributes.fulfillment_availability, mp)) {
    const channel = String(entry.fulfillment_channel_code ?? "")
    if (!channel) {
      error(ISSUE_CODES.requiredMissing, "'fulfillment_availability.fulfillment_channel_code' is required but not supplied.", ["fulfillment_availability"])
      continue
    }
    if (channel === "DEFAULT") {
      const q = entry.quantity
      if (typeof q !== "number" || !Number.isInteger(q) || q < 0) {
        error(ISSUE_CODES.invalidValue, `The value '${String(q)}' for 'fulfillment_availability.quantity' is invalid: it must be a whole number of 0 or more.`, ["fulfillment_availability"])
      }
    }
  }
  const condition = firstValue(attributes.condition_type, mp)
  if (condition !== undefined && !CONDITIONS.has(String(condition))) {
    error(ISSUE_CODES.invalidValue, `The value '${String(condition)}' for 'condition_type' is not one of the allowed values.`, ["condition_type"])
  }
}

function offerFrom(attributes: AttributeValues, mp: string): { price?: number; currency?: string } {
  // the consumer offer's price is the listing's price; a B2B (audience "B2B") price is a separate offer
  const offers = valuesFor(attributes.purchasable_offer, mp)
  const offer = offers.find((o) => o.audience === undefined || o.audience === "ALL")
  if (!offer) return {}
  const prices = offer.our_price as { schedule?: { value_with_tax?: unknown }[] }[] | undefined
  const value = prices?.[0]?.schedule?.[0]?.value_with_tax
  return { price: typeof value === "number" ? value : undefined, currency: optionalString(offer.currency) }
}

function availabilityFrom(attributes: AttributeValues): { channel: string; quantity?: number } | undefined {
  const entries = valuesFor(attributes.fulfillment_availability, "")
  const all = Array.isArray(attributes.fulfillment_availability) ? (attributes.fulfillment_availability as Record<string, unknown>[]) : entries
  const merchant = all.find((e) => e && e.fulfillment_channel_code === "DEFAULT")
  if (merchant) return { channel: "DEFAULT", quantity: Number(merchant.quantity) }
  const afn = all.find((e) => e && typeof e.fulfillment_channel_code === "string")
  return afn ? { channel: String(afn.fulfillment_channel_code), quantity: undefined } : undefined
}
