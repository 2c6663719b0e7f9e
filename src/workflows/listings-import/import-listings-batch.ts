import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ListingFields } from "../../utils/listings-import/plan-batch"
import type { NewProductInput } from "../../utils/listings-import/new-product"
import { findInventoryItemsStep } from "./steps/find-inventory-items"
import { type ImportedListingWrite, upsertImportedListingsStep } from "./steps/upsert-imported-listings"

/** A listing whose product this batch creates: linked to the new variant of the same SKU. */
export type NewProductListing = {
  fields: ListingFields
  existing_id: string | null
  restore: boolean
  /** units to stock at the location (initialStock); null = none */
  stock: number | null
}

export type ImportListingsBatchInput = {
  store_id: string
  marketplace_id: string
  currency_code: string
  synced_at: string
  /** where new products' stock goes; null = the sales channel has no location */
  location_id: string | null
  /** listings of variants that exist */
  links: ImportedListingWrite[]
  /** one product per unknown SKU, in the same order as `new_listings` */
  products: NewProductInput[]
  new_listings: NewProductListing[]
}

/**
 * One batch of a listings import (≤ 500 rows): new products for unknown SKUs, Amazon's stock at the sales
 * channel's location for them, then every listing of the batch linked in one bulk write. If the listing
 * write fails, the workflow engine compensates the steps before it — the batch's products and stock
 * levels are deleted — so no product is left without its listing; and should the process die in between,
 * the next run finds the product by its SKU and links it (plan-batch.ts).
 */
export const importListingsBatchWorkflow = createWorkflow("import-amazon-listings-batch", (input: ImportListingsBatchInput) => {
  const created = when("create-imported-products", { input }, ({ input }) => input.products.length > 0).then(() =>
    createProductsWorkflow.runAsStep({ input: { products: input.products } })
  )

  const newVariants = transform({ created }, ({ created }) =>
    (created ?? []).flatMap((product) => (product.variants ?? []).map((variant) => ({ id: variant.id, sku: variant.sku!, product_id: product.id })))
  )

  const items = findInventoryItemsStep(
    transform({ input, newVariants }, ({ input, newVariants }) => {
      if (!input.location_id) return []
      const stocked = new Set(input.new_listings.filter((listing) => listing.stock !== null).map((listing) => listing.fields.sku))
      return newVariants.filter((variant) => stocked.has(variant.sku)).map((variant) => variant.id)
    })
  )
  const levels = transform({ input, newVariants, items }, ({ input, newVariants, items }) => {
    const stockBySku = new Map(input.new_listings.map((listing) => [listing.fields.sku, listing.stock]))
    const skuByVariant = new Map(newVariants.map((variant) => [variant.id, variant.sku]))
    return items.map((item) => ({
      inventory_item_id: item.inventory_item_id,
      location_id: input.location_id!,
      stocked_quantity: stockBySku.get(skuByVariant.get(item.variant_id)!) ?? 0,
    }))
  })
  when("stock-imported-products", { levels }, ({ levels }) => levels.length > 0).then(() =>
    createInventoryLevelsWorkflow.runAsStep({ input: { inventory_levels: levels } })
  )

  const writes = transform({ input, newVariants }, ({ input, newVariants }) => {
    const bySku = new Map(newVariants.map((variant) => [variant.sku, variant]))
    const linkedNew: ImportedListingWrite[] = input.new_listings.map((listing) => {
      const variant = bySku.get(listing.fields.sku)!
      return { ...listing.fields, existing_id: listing.existing_id, restore: listing.restore, variant_id: variant.id, product_id: variant.product_id }
    })
    return {
      store_id: input.store_id,
      marketplace_id: input.marketplace_id,
      currency_code: input.currency_code,
      synced_at: input.synced_at,
      writes: [...input.links, ...linkedNew],
    }
  })
  return new WorkflowResponse(upsertImportedListingsStep(writes))
})
