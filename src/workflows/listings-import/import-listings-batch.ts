import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createProductVariantsWorkflow,
  updateProductOptionValuesOnProductStep,
} from "@medusajs/medusa/core-flows"
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

/** Children of a family whose product an earlier page or run made: the option values they add, their variants. */
export type FamilyAddition = {
  product_id: string
  option_values: Array<{ product_option_id: string; add: string[] }>
  variants: NewProductInput["variants"]
}

/**
 * A variation parent's listing: recorded on its family's product, without a variant (never sold). `product_id`
 * null: the product this batch makes for the family, found by the SKU of one of its children.
 */
export type ParentListing = {
  fields: ListingFields
  existing_id: string | null
  restore: boolean
  product_id: string | null
  child_sku: string
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
  /** a product per unknown standalone SKU and per new variation family */
  products: NewProductInput[]
  /** a listing per new variant (of `products` and `additions`), found by its SKU */
  new_listings: NewProductListing[]
  /** children joining a family's existing product */
  additions?: FamilyAddition[]
  /** variation parents to record */
  parents?: ParentListing[]
}

/**
 * One batch of a listings import (≤ 500 rows): new products for unknown SKUs (one per variation family),
 * children added to a family's existing product (its options get the new values first), Amazon's stock at
 * the sales channel's location for the new variants, then every listing of the batch — parents included,
 * without a variant — linked in one bulk write. If the listing
 * write fails, the workflow engine compensates the steps before it — the batch's products and stock
 * levels are deleted — so no product is left without its listing; and should the process die in between,
 * the next run finds the product by its SKU and links it (plan-batch.ts).
 */
export const importListingsBatchWorkflow = createWorkflow("import-amazon-listings-batch", (input: ImportListingsBatchInput) => {
  const created = when("create-imported-products", { input }, ({ input }) => input.products.length > 0).then(() =>
    createProductsWorkflow.runAsStep({ input: { products: input.products } })
  )

  const additions = transform({ input }, ({ input }) => input.additions ?? [])
  when("add-imported-option-values", { additions }, ({ additions }) => additions.some((a) => a.option_values.some((o) => o.add.length > 0))).then(() =>
    updateProductOptionValuesOnProductStep(
      transform({ additions }, ({ additions }) =>
        additions.flatMap((addition) =>
          addition.option_values
            .filter((option) => option.add.length > 0)
            .map((option) => ({ product_id: addition.product_id, product_option_id: option.product_option_id, add: option.add.map((value) => ({ value })) }))
        )
      )
    )
  )
  const added = when("add-imported-family-variants", { additions }, ({ additions }) => additions.length > 0).then(() =>
    createProductVariantsWorkflow.runAsStep({
      input: transform({ additions }, ({ additions }) => ({
        product_variants: additions.flatMap((addition) => addition.variants.map((variant) => ({ ...variant, product_id: addition.product_id }))),
      })),
    })
  )

  const newVariants = transform({ created, added }, ({ created, added }) => [
    ...(created ?? []).flatMap((product) => (product.variants ?? []).map((variant) => ({ id: variant.id, sku: variant.sku!, product_id: product.id }))),
    ...(added ?? []).map((variant) => ({ id: variant.id, sku: variant.sku!, product_id: variant.product_id! })),
  ])

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
    const parents: ImportedListingWrite[] = (input.parents ?? []).map((parent) => ({
      ...parent.fields,
      existing_id: parent.existing_id,
      restore: parent.restore,
      variant_id: null,
      product_id: parent.product_id ?? bySku.get(parent.child_sku)!.product_id,
    }))
    return {
      store_id: input.store_id,
      marketplace_id: input.marketplace_id,
      currency_code: input.currency_code,
      synced_at: input.synced_at,
      writes: [...input.links, ...linkedNew, ...parents],
    }
  })
  return new WorkflowResponse(upsertImportedListingsStep(writes))
})
