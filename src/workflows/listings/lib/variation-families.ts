import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type AmazonModuleService from "../../../modules/amazon/service"
import type { SpApiClient } from "../../../lib/sp-api"
import { type DesiredListing, hashState, type ListingContext, type ListingIssue, type ListingPlan, type VariantFacts } from "../../../utils/listings/desired-listing"
import { patchFields } from "../../../utils/listings/existing-offer"
import { chooseTheme, parentSku, type VariationState, type VariationTheme, variationThemes } from "../../../utils/listings/variation"
import type { ChangeRow } from "./listing-outcomes"
import { loadProductTypeSchema } from "./product-type-schemas"

/**
 * A product's variation family in one marketplace (research §4.4), decided once per compute batch:
 * - family: the theme fits the mapped options; children carry it, a parent row is queued before them;
 * - flat: no theme fits — the variants go as standalone listings, each with a warning that says why;
 * - blocked: the product type's themes could not be read from Amazon — nothing is sent on a guess.
 */
export type Family =
  | {
      kind: "family"
      product_id: string
      product_type: string
      parent_sku: string
      theme: VariationTheme
      /** per variant id: the theme's attribute → the variant's option value */
      values: Map<string, Record<string, string>>
    }
  | { kind: "flat" | "blocked"; issue: ListingIssue }

type ProductRow = {
  id: string
  handle: string | null
  title: string
  metadata: Record<string, unknown> | null
  options?: Array<{ title: string } | null> | null
  variants?: Array<{ id: string; sku: string | null; options?: Array<{ value: string; option?: { title: string } | null } | null> | null } | null> | null
}

export const familyKey = (marketplaceId: string, productId: string) => `${marketplaceId}|${productId}`

/**
 * Families of the batch's products that would create new ASINs (a category mapped to a product type) and
 * have several variants with options mapped (attribute mappings of source "option"). A product with no
 * mapped option is not a family candidate at all and stays as it was (standalone listings, no warning).
 */
export async function planFamilies(
  container: MedusaContainer,
  amazon: AmazonModuleService,
  storeId: string,
  contexts: ListingContext[],
  facts: Map<string, VariantFacts>,
  client: () => Promise<SpApiClient>
): Promise<Map<string, Family>> {
  const families = new Map<string, Family>()
  const candidates = new Map<string, Set<string>>() // product id → product types (per marketplace category mapping)
  for (const variant of facts.values()) {
    for (const ctx of contexts) {
      const type = variant.product.category_ids.map((id) => ctx.category_product_types.get(id)).find(Boolean)
      if (type && type !== "PRODUCT") candidates.set(variant.product.id, new Set([...(candidates.get(variant.product.id) ?? []), type]))
    }
  }
  if (!candidates.size) return families
  const mappings = (await amazon.listAmazonAttributeMappings({ store_id: storeId, source_type: "option" })) as Array<{
    product_type: string
    attribute: string
    source_value: string
    marketplace_id: string | null
  }>
  if (!mappings.length) return families
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "title", "metadata", "options.title", "variants.id", "variants.sku", "variants.options.value", "variants.options.option.title"],
    filters: { id: [...candidates.keys()] },
  })
  const products = data as unknown as ProductRow[]
  const themesOf = new Map<string, VariationTheme[] | Error>()
  for (const ctx of contexts) {
    for (const product of products) {
      const productType = [...(facts.values())].find((v) => v.product.id === product.id)?.product.category_ids.map((id) => ctx.category_product_types.get(id)).find(Boolean)
      if (!productType || productType === "PRODUCT") continue
      const variants = (product.variants ?? []).filter((v): v is NonNullable<typeof v> => !!v)
      if (variants.length < 2) continue
      // option title → Amazon attribute, a marketplace's own mapping winning over the store-wide one
      const byOption = new Map<string, string>()
      for (const m of mappings.filter((m) => m.product_type === productType && !m.marketplace_id)) byOption.set(m.source_value.toLowerCase(), m.attribute)
      for (const m of mappings.filter((m) => m.product_type === productType && m.marketplace_id === ctx.marketplace_id)) byOption.set(m.source_value.toLowerCase(), m.attribute)
      const options = (product.options ?? []).filter((o): o is { title: string } => !!o)
      // sorted by title: the database returns options in no fixed order, and the words below must not change between runs
      const mapped = options.filter((o) => byOption.has(o.title.toLowerCase())).sort((a, b) => a.title.localeCompare(b.title))
      if (!mapped.length) continue
      const key = familyKey(ctx.marketplace_id, product.id)
      const flat = (message: string) =>
        families.set(key, { kind: "flat", issue: { source: "medusa", code: "variation_flat", severity: "warning", message, field: "options" } })

      const schemaKey = `${productType}|${ctx.marketplace_id}`
      if (!themesOf.has(schemaKey)) {
        try {
          themesOf.set(schemaKey, variationThemes(await loadProductTypeSchema(await client(), productType, ctx.marketplace_id)))
        } catch (error) {
          themesOf.set(schemaKey, error instanceof Error ? error : new Error(String(error)))
        }
      }
      const themes = themesOf.get(schemaKey)!
      if (themes instanceof Error) {
        families.set(key, {
          kind: "blocked",
          issue: { source: "amazon", code: "variation_themes_unavailable", severity: "error", message: `The variation themes of ${productType} could not be read from Amazon (${themes.message}); "${product.title}" is sent once they can.` },
        })
        continue
      }
      const attributes = mapped.map((o) => byOption.get(o.title.toLowerCase())!)
      const optionNames = mapped.map((o) => `${o.title} → ${byOption.get(o.title.toLowerCase())}`).join(", ")
      if (!themes.length) {
        flat(`"${product.title}" is listed as separate items, not one variation family: Amazon's product type ${productType} has no variation themes.`)
        continue
      }
      const choice = chooseTheme(themes, attributes)
      if (choice.kind === "none") {
        const allowed = themes.map((t) => `${t.name} (${t.attributes.join(" + ")})`).join(", ")
        flat(
          `"${product.title}" is listed as separate items, not one variation family: no variation theme of ${productType} fits its mapped options (${optionNames}). ` +
            `Allowed themes: ${allowed}. Map the options to exactly one theme's attributes under Amazon → attribute mappings.`
        )
        continue
      }
      const values = new Map<string, Record<string, string>>()
      const seen = new Map<string, string>()
      let clash: string | null = null
      for (const variant of variants) {
        const own: Record<string, string> = {}
        for (const option of mapped) {
          const value = variant.options?.find((o) => o?.option?.title?.toLowerCase() === option.title.toLowerCase())?.value
          if (value) own[byOption.get(option.title.toLowerCase())!] = value
        }
        const tuple = JSON.stringify(choice.theme.attributes.map((a) => own[a] ?? ""))
        if (seen.has(tuple) && !clash) clash = `${seen.get(tuple)} and ${variant.sku ?? variant.id}`
        seen.set(tuple, variant.sku ?? variant.id)
        values.set(variant.id, own)
      }
      if (clash) {
        flat(`"${product.title}" is listed as separate items: variants ${clash} have the same ${choice.theme.attributes.join(" and ")}, which Amazon's theme ${choice.theme.name} cannot tell apart; map the option that differs.`)
        continue
      }
      const sku = parentSku(product)
      const taken = variants.find((v) => v.sku?.trim() === sku)
      const other = taken ? null : (await amazon.listAmazonListings({ store_id: storeId, sku }, { select: ["id", "product_id", "variant_id"] })).find((l) => l.product_id !== product.id || l.variant_id)
      if (taken || other) {
        flat(`"${product.title}" is listed as separate items: its parent SKU ${sku} is already used by ${taken ? `variant ${taken.sku}` : "another listing"}; set product metadata "amazon_parent_sku" to a free SKU.`)
        continue
      }
      families.set(key, { kind: "family", product_id: product.id, product_type: productType, parent_sku: sku, theme: choice.theme, values })
    }
  }
  return families
}

/**
 * A child's plan in its family: a listing that creates a new ASIN (or one we created as a family member)
 * gets the family state; flat and blocked add their issue. An offer on an existing ASIN stays offer-only.
 */
export function withFamily(plan: ListingPlan, family: Family | undefined, variantId: string, sent: VariationState | undefined): ListingPlan {
  if (!plan.desired || !family) return plan
  const creates = !plan.desired.asin && plan.desired.product_type !== "PRODUCT"
  if (!creates && !sent) return plan
  if (family.kind !== "family") return { ...plan, issues: [...plan.issues, family.issue] }
  const desired: DesiredListing = {
    ...plan.desired,
    variation: { role: "child", theme: family.theme.name, parent_sku: family.parent_sku, attributes: family.values.get(variantId) ?? {} },
  }
  return { ...plan, desired, hash: hashState(desired) }
}

type ParentRow = {
  id: string
  marketplace_id: string
  sku: string
  asin: string | null
  desired_hash: string | null
  sent_hash: string | null
  sent_state: unknown
}

/**
 * The parents of the families whose children this batch planned: a listing row per (marketplace, parent
 * SKU) — product-level, no variant — and a change when its desired state moved. A parent is a product
 * without an offer: no price, no quantity (LISTING_PRODUCT_ONLY). One Amazon has is only ever patched.
 */
export async function queueParents(
  amazon: AmazonModuleService,
  storeId: string,
  used: Array<{ ctx: ListingContext; family: Extract<Family, { kind: "family" }>; product: VariantFacts["product"] }>
): Promise<number> {
  if (!used.length) return 0
  const rows = (await amazon.listAmazonListings({ store_id: storeId, sku: [...new Set(used.map((u) => u.family.parent_sku))] })) as unknown as ParentRow[]
  const byKey = new Map(rows.map((r) => [`${r.marketplace_id}|${r.sku}`, r]))
  let queued = 0
  for (const { ctx, family, product } of used) {
    const row = byKey.get(`${ctx.marketplace_id}|${family.parent_sku}`)
    const desired: DesiredListing = {
      sku: family.parent_sku,
      marketplace_id: ctx.marketplace_id,
      identifier: null,
      asin: row?.asin ?? null,
      product_type: family.product_type,
      condition: "new_new",
      price: null,
      quantity: null,
      handling_days: ctx.settings.handling_time_days,
      package_weight_kg: null,
      withdrawn: product.status !== "published" || !product.in_sales_channel,
      variation: { role: "parent", theme: family.theme.name, parent_sku: family.parent_sku },
    }
    const hash = hashState(desired)
    if (row && (hash === row.desired_hash || (hash === row.sent_hash && row.desired_hash === row.sent_hash))) continue
    if (desired.withdrawn && !row?.sent_hash) continue // never created: nothing to take back
    const sent = (row?.sent_state as (DesiredListing & { patch_fields?: unknown }) | null) ?? null
    let operation: "update" | "patch" = "update"
    let payload: Record<string, unknown> = desired
    if (row?.sent_hash && sent) {
      const { patch_fields: _f, ...base } = sent
      const fields = patchFields(base as DesiredListing, desired, { price: null, quantity: null })
      if (!fields.length) {
        await amazon.updateAmazonListings({ id: row.id, desired_hash: hash, sent_hash: hash, sent_state: desired as unknown as Record<string, unknown> })
        continue
      }
      operation = "patch"
      payload = { ...desired, patch_fields: fields }
    }
    const listing =
      row ??
      ((await amazon.createAmazonListings({
        store_id: storeId,
        marketplace_id: ctx.marketplace_id,
        variant_id: null,
        product_id: family.product_id,
        sku: family.parent_sku,
        product_type: family.product_type,
        status: "draft",
      } as never)) as unknown as ParentRow)
    await amazon.updateAmazonListingChanges({
      selector: { listing_id: listing.id, status: ["pending", "held"] },
      data: { status: "superseded", completed_at: new Date() },
    })
    await amazon.createAmazonListingChanges({
      store_id: storeId,
      marketplace_id: ctx.marketplace_id,
      listing_id: listing.id,
      sku: family.parent_sku,
      operation,
      payload,
      hash,
    } as never)
    await amazon.updateAmazonListings({ id: listing.id, desired_hash: hash, status: "pending", issues: [] as unknown as Record<string, unknown> })
    queued++
  }
  return queued
}

/**
 * Children of a family wait until Amazon has accepted their parent (its row carries a sent state): a child
 * sent first fails at Amazon ("parent SKU does not exist"). Returns the ids of the changes that must wait.
 */
export async function childrenAwaitingParent(amazon: AmazonModuleService, storeId: string, changes: Array<Pick<ChangeRow, "id" | "marketplace_id" | "payload">>): Promise<Set<string>> {
  const children = changes.filter((c) => c.payload?.variation?.role === "child" && !c.payload.asin)
  if (!children.length) return new Set()
  const parents = await amazon.listAmazonListings(
    { store_id: storeId, sku: [...new Set(children.map((c) => c.payload.variation!.parent_sku))] },
    { select: ["marketplace_id", "sku", "sent_hash"] }
  )
  const accepted = new Set(parents.filter((p) => p.sent_hash).map((p) => `${p.marketplace_id}|${p.sku}`))
  return new Set(children.filter((c) => !accepted.has(`${c.marketplace_id}|${c.payload.variation!.parent_sku}`)).map((c) => c.id))
}
