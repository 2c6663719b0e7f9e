import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { isKnownMarketplace } from "../../../lib/sp-api/marketplaces"
import { PRODUCT_ID_TYPES } from "../../../modules/amazon/types"
import { SELLER_ID_PATTERN } from "../../../utils/connect-errors"

/**
 * Where the product id lives on a Medusa variant: a variant column, or a
 * metadata key ("metadata.asin").
 */
export const PRODUCT_ID_ATTRIBUTE_FIELDS = ["sku", "barcode", "ean", "upc", "isbn"] as const
const productIdAttribute = z
  .string()
  .trim()
  .refine(
    (value) =>
      (PRODUCT_ID_ATTRIBUTE_FIELDS as readonly string[]).includes(value) || /^metadata\.[A-Za-z0-9_\-]{1,64}$/.test(value),
    { message: `product_id_attribute must be one of ${PRODUCT_ID_ATTRIBUTE_FIELDS.join(", ")} or "metadata.<key>"` }
  )

const marketplaceId = z
  .string()
  .trim()
  .refine(isKnownMarketplace, { message: "marketplace_id is not an Amazon marketplace id (e.g. A1PA6795UKMFR9 for Germany)" })

export const StoreSettingsSchema = z
  .object({
    order_status: z.enum(["pending", "completed"]),
    shipping_option_id: z.string().min(1).nullable(),
    payment_provider_id: z.string().min(1),
    confirm_shipment_on: z.enum(["shipment_created", "delivered"]),
    stock_buffer: z.number().int().min(0).max(100_000),
    fast_path: z.boolean(),
    handling_time_days: z.number().int().min(1).max(30),
    afn_orders: z.enum(["import_fulfilled", "skip"]),
    publish_imported_products: z.boolean(),
    order_import_interval_minutes: z.number().int().min(5).max(1440),
    import_package_weight: z.boolean(),
    switch_off_offers: z.enum(["zero", "delete"]),
  })
  .partial()
  .strict()

export const AdminCreateAmazonStore = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().email(),
    marketplace_id: marketplaceId,
    sales_channel_id: z.string().trim().min(1).optional(),
    product_id_type: z.enum(PRODUCT_ID_TYPES),
    product_id_attribute: productIdAttribute,
    settings: StoreSettingsSchema.optional(),
  })
  .strict()
export type AdminCreateAmazonStoreType = z.infer<typeof AdminCreateAmazonStore>

export const AdminUpdateAmazonStore = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().email(),
    sales_channel_id: z.string().trim().min(1),
    product_id_type: z.enum(PRODUCT_ID_TYPES),
    product_id_attribute: productIdAttribute,
    settings: StoreSettingsSchema,
  })
  .partial()
  .strict()
export type AdminUpdateAmazonStoreType = z.infer<typeof AdminUpdateAmazonStore>

export const AdminGetAmazonStoresParams = createFindParams({ limit: 20, offset: 0 })
export const AdminGetAmazonStoreParams = z.object({ fields: z.string().optional() })

export const AdminSetAmazonCredentials = z
  .object({
    selling_partner_id: z
      .string()
      .trim()
      .regex(SELLER_ID_PATTERN, "selling_partner_id must be your Amazon merchant token, e.g. A2EXAMPLE12345 (Seller Central → Settings → Account Info → Merchant Token)"),
    refresh_token: z
      .string()
      .trim()
      .regex(/^Atzr\|\S{10,}$/, 'refresh_token must be the LWA refresh token Seller Central showed you (it starts with "Atzr|")'),
    /** confirms switching a connected store to another seller account (its listings are forgotten) */
    replace_seller: z.boolean().optional(),
  })
  .strict()
export type AdminSetAmazonCredentialsType = z.infer<typeof AdminSetAmazonCredentials>

export const AdminAmazonOAuthCallback = z.object({
  state: z.string().min(1),
  // Amazon's merchant token; anything else is refused before the code is exchanged
  selling_partner_id: z.string().trim().regex(SELLER_ID_PATTERN),
  spapi_oauth_code: z.string().trim().min(1),
})

/** POST /admin/amazon/stores/:id/authorize: `replace_seller` confirms the consent may switch the store's seller account. */
export const AdminAuthorizeAmazonStore = z.preprocess(
  // the admin posts without a body to connect; only a replacement sends one
  (body) => body ?? {},
  z
    .object({
      replace_seller: z.boolean().optional(),
    })
    .strict()
)
export type AdminAuthorizeAmazonStoreType = z.infer<typeof AdminAuthorizeAmazonStore>

export const AdminUpdateAmazonMarketplace = z
  .object({
    enabled: z.boolean(),
    listings_export: z.boolean(),
    listings_import: z.boolean(),
    include_inactive: z.boolean(),
    orders_import: z.boolean(),
    region_id: z.string().trim().min(1).nullable(),
  })
  .partial()
  .strict()
export type AdminUpdateAmazonMarketplaceType = z.infer<typeof AdminUpdateAmazonMarketplace>

const optionalMarketplaceId = marketplaceId.nullable().optional()
const productType = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_]{2,100}$/, "product_type must be an Amazon product type name such as SHIRT or LUGGAGE")

export const AdminUpsertCategoryMapping = z
  .object({ category_id: z.string().trim().min(1), product_type: productType, marketplace_id: optionalMarketplaceId })
  .strict()
export type AdminUpsertCategoryMappingType = z.infer<typeof AdminUpsertCategoryMapping>

export const ATTRIBUTE_SOURCE_FIELDS = [
  "title",
  "subtitle",
  "description",
  "material",
  "weight",
  "length",
  "height",
  "width",
  "origin_country",
  "hs_code",
  "mid_code",
  "sku",
  "barcode",
  "ean",
  "upc",
] as const

export const AdminUpsertAttributeMapping = z
  .object({
    product_type: productType,
    attribute: z.string().trim().regex(/^[a-z0-9_]{1,100}$/, "attribute must be an Amazon attribute name such as color or item_name"),
    source_type: z.enum(["field", "option", "metadata", "constant"]),
    source_value: z.string().trim().min(1).max(500),
    marketplace_id: optionalMarketplaceId,
  })
  .strict()
  .refine((m) => m.source_type !== "field" || (ATTRIBUTE_SOURCE_FIELDS as readonly string[]).includes(m.source_value), {
    message: `source_value must be one of ${ATTRIBUTE_SOURCE_FIELDS.join(", ")} when source_type is "field"`,
  })
export type AdminUpsertAttributeMappingType = z.infer<typeof AdminUpsertAttributeMapping>

export const AdminListAttributeMappingsParams = z.object({ product_type: productType.optional() })
export const AdminSearchProductTypesParams = z.object({
  keywords: z.string().trim().min(1).max(200).optional(),
  item_name: z.string().trim().min(1).max(500).optional(),
  marketplace_id: marketplaceId.optional(),
})
export const AdminGetProductTypeParams = z.object({ marketplace_id: marketplaceId.optional() })

export const AdminRequestAmazonSync = z
  .object({
    type: z.enum(["orders", "listings", "listings_import", "shipments"]),
    marketplace_id: marketplaceId.optional(),
  })
  .strict()
export type AdminRequestAmazonSyncType = z.infer<typeof AdminRequestAmazonSync>

export const AdminGetSyncRunsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  type: z.enum(["orders", "listings", "listings_import", "shipments", "reconcile", "health", "purge"]).optional(),
  status: z.enum(["queued", "running", "succeeded", "failed", "canceled", "skipped"]).optional(),
})

export const AdminGetAmazonListingsParams = createFindParams({ limit: 50, offset: 0 }).extend({
  status: z
    .union([
      z.enum(["draft", "pending", "submitted", "accepted", "active", "inactive", "incomplete", "suppressed", "error", "deleted"]),
      z.array(z.enum(["draft", "pending", "submitted", "accepted", "active", "inactive", "incomplete", "suppressed", "error", "deleted"])),
    ])
    .optional(),
  marketplace_id: marketplaceId.optional(),
  q: z.string().trim().min(1).max(200).optional(),
})

export const AdminSendToAmazon = z
  .object({
    product_ids: z.array(z.string().min(1)).max(10_000).optional(),
    variant_ids: z.array(z.string().min(1)).max(50_000).optional(),
  })
  .strict()
  .refine((body) => (body.product_ids?.length ?? 0) + (body.variant_ids?.length ?? 0) > 0, {
    message: "Send product_ids or variant_ids (at least one)",
  })
export type AdminSendToAmazonType = z.infer<typeof AdminSendToAmazon>

export const AdminResolveHeldChanges = z.object({ action: z.enum(["release", "discard"]) }).strict()
export type AdminResolveHeldChangesType = z.infer<typeof AdminResolveHeldChanges>

/** The ASIN chosen for an ambiguous barcode (one of the listing's candidates). */
export const AdminChooseListingAsin = z.object({ asin: z.string().trim().regex(/^[A-Za-z0-9]{10}$/, "an ASIN is 10 letters and digits") }).strict()
export type AdminChooseListingAsinType = z.infer<typeof AdminChooseListingAsin>
/** One of the seller's SKUs on the listing's ASIN (issue several_seller_offers). */
export const AdminChooseListingSku = z.object({ sku: z.string().trim().min(1).max(200) }).strict()
export type AdminChooseListingSkuType = z.infer<typeof AdminChooseListingSku>
