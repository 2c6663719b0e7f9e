import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../modules/amazon"
import type AmazonModuleService from "../../modules/amazon/service"
import { identifierField, identifierForms, identifierKey, mappedIdentifier, mappingIsSku, type ProductIdMapping } from "../../utils/listings-import/identifiers"
import type { ReportListing } from "../../utils/listings-import/listing-row"
import type { BatchFacts, ExistingListing, KnownVariant } from "../../utils/listings-import/plan-batch"

type Scope = { store_id: string; marketplace_id: string; mapping: ProductIdMapping }
type VariantRow = { id: string; sku: string | null; product_id: string; metadata?: Record<string, unknown> | null } & Record<string, unknown>

/**
 * What planListingsBatch needs about one batch, in at most five queries whatever the batch size: our
 * listings by SKU (soft-deleted too: they still hold the unique key), variants by SKU, variants by the
 * mapped identifier (every spelling of it), variants of listings already linked, and our listings of
 * the candidate variants (a variant is listed once per marketplace).
 */
export async function readBatchFacts(container: MedusaContainer, scope: Scope, listings: ReportListing[]): Promise<BatchFacts> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const skus = [...new Set(listings.map((listing) => listing.sku))]

  const existing = (await amazon.listAmazonListings(
    { store_id: scope.store_id, marketplace_id: scope.marketplace_id, sku: skus },
    { select: ["id", "sku", "variant_id", "product_id", "synced_at", "deleted_at"], withDeleted: true }
  )) as Array<{ id: string; sku: string; variant_id: string | null; product_id: string | null; synced_at: Date | string | null; deleted_at: Date | string | null }>
  const listingsBySku = new Map<string, ExistingListing>()
  for (const row of existing) {
    // a row of a product without a variant is a variation parent listings out created (variation-families.ts)
    const listing = { ...toExisting(row), ...(!row.variant_id && row.product_id ? { variation_parent: true } : {}) }
    const current = listingsBySku.get(row.sku)
    // a live row wins over a deleted one with the same key (there can be only one of each)
    if (!current || current.deleted) listingsBySku.set(row.sku, listing)
  }

  const variantsBySku = new Map<string, KnownVariant>()
  for (const variant of await variants(container, { sku: skus })) variantsBySku.set(variant.sku!, known(variant))

  const variantsByIdentifier = new Map<string, KnownVariant[]>()
  if (!mappingIsSku(scope.mapping)) {
    const type = scope.mapping.product_id_type
    const identifiers = listings.map((listing) => mappedIdentifier(listing, scope.mapping)).filter((value): value is string => !!value)
    const forms = [...new Set(identifiers.flatMap((value) => identifierForms(type, value)))]
    if (forms.length) {
      const field = identifierField(scope.mapping.product_id_attribute)
      const rows = "column" in field
        ? await variants(container, { [field.column]: forms }, [field.column])
        : await variants(container, { metadata: { [field.metadata_key]: forms } }, ["metadata"])
      for (const row of rows) {
        const raw = "column" in field ? row[field.column] : row.metadata?.[field.metadata_key]
        if (raw === null || raw === undefined || raw === "") continue
        const key = identifierKey(type, String(raw))
        variantsByIdentifier.set(key, [...(variantsByIdentifier.get(key) ?? []), known(row)])
      }
    }
  }

  const linkedIds = [...new Set(existing.map((row) => row.variant_id).filter((id): id is string => !!id))]
  const variantsById = new Map<string, KnownVariant>()
  for (const variant of variantsBySku.values()) variantsById.set(variant.id, variant)
  for (const list of variantsByIdentifier.values()) for (const variant of list) variantsById.set(variant.id, variant)
  const missing = linkedIds.filter((id) => !variantsById.has(id))
  if (missing.length) for (const variant of await variants(container, { id: missing })) variantsById.set(variant.id, known(variant))

  const candidates = [...variantsById.keys()]
  const listingsByVariant = new Map<string, ExistingListing>()
  if (candidates.length) {
    const holders = (await amazon.listAmazonListings(
      { store_id: scope.store_id, marketplace_id: scope.marketplace_id, variant_id: candidates },
      { select: ["id", "sku", "variant_id", "synced_at", "deleted_at", "sent_hash", "status"] }
    )) as Array<{ id: string; sku: string; variant_id: string | null; synced_at: Date | string | null; deleted_at: Date | string | null; sent_hash?: string | null; status?: string }>
    for (const row of holders) listingsByVariant.set(row.variant_id!, toExisting(row))
  }

  return { listingsBySku, listingsByVariant, variantsById, variantsBySku, variantsByIdentifier }
}

/** Handles (of the candidates given) that products already use. */
export async function takenHandles(container: MedusaContainer, handles: string[]): Promise<Set<string>> {
  if (!handles.length) return new Set()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["handle"], filters: { handle: handles } })
  return new Set((data as Array<{ handle: string }>).map((product) => product.handle))
}

async function variants(container: MedusaContainer, filters: Record<string, unknown>, extra: string[] = []): Promise<VariantRow[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "product_id", ...extra], filters })
  return data as VariantRow[]
}

function known(row: VariantRow): KnownVariant {
  return { id: row.id, sku: row.sku ?? null, product_id: row.product_id }
}

/** Statuses of a listing nobody sent to Amazon yet (a queued change is superseded when import takes the row over). */
const UNSENT_STATUSES = ["draft", "pending", "error"]

function toExisting(row: {
  id: string
  sku: string
  variant_id: string | null
  synced_at: Date | string | null
  deleted_at: Date | string | null
  sent_hash?: string | null
  status?: string
}): ExistingListing {
  return {
    id: row.id,
    sku: row.sku,
    variant_id: row.variant_id,
    synced_at: row.synced_at ? new Date(row.synced_at).toISOString() : null,
    deleted: !!row.deleted_at,
    ...(row.status !== undefined ? { unsent: !row.sent_hash && UNSENT_STATUSES.includes(row.status) } : {}),
  }
}
