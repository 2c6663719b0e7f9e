import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { isKnownMarketplace } from "../../../lib/sp-api/marketplaces"
import { PRODUCT_ID_TYPES } from "../../../modules/amazon/types"

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
