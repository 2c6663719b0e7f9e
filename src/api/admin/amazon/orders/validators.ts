import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

export const IMPORT_STATUSES = ["pending", "importing", "imported", "needs_attention", "skipped", "canceled", "failed"] as const

export const AdminGetStoreAmazonOrdersParams = createFindParams({ limit: 50, offset: 0 }).extend({
  import_status: z.union([z.enum(IMPORT_STATUSES), z.array(z.enum(IMPORT_STATUSES))]).optional(),
  /** Amazon order id, or part of it */
  q: z.string().trim().min(1).max(40).optional(),
})
export type AdminGetStoreAmazonOrdersParamsType = z.infer<typeof AdminGetStoreAmazonOrdersParams>

export const AdminExportStoreAmazonOrdersParams = z.object({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  import_status: z.union([z.enum(IMPORT_STATUSES), z.array(z.enum(IMPORT_STATUSES))]).optional(),
})
export type AdminExportStoreAmazonOrdersParamsType = z.infer<typeof AdminExportStoreAmazonOrdersParams>

/** The order page widget asks by Medusa order id. */
export const AdminGetAmazonOrdersParams = z.object({ order_id: z.string().min(1) })
export type AdminGetAmazonOrdersParamsType = z.infer<typeof AdminGetAmazonOrdersParams>
