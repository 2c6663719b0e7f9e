import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { fbaPoolByKey, fbaPoolRows } from "../../../../../../utils/fba"
import { refetchAmazonStore } from "../../../helpers"

/**
 * The store's FBA pools: the Medusa stock location of each (its name as Medusa has it now), last passes,
 * counts, the last error, and the SKUs Amazon holds that no Medusa variant carries.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const rows = await fbaPoolRows(req.scope, req.params.id)
  const locationIds = rows.map((r) => r.stock_location_id)
  const { data: locations } = locationIds.length
    ? await query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: locationIds } })
    : { data: [] as Array<{ id: string; name: string }> }
  const nameOf = new Map((locations as Array<{ id: string; name: string }>).map((l) => [l.id, l.name]))
  const { data: unknown } = rows.length
    ? await query.graph({
        entity: "amazon_fba_stock",
        fields: ["pool", "sku", "asin", "fulfillable"],
        filters: { store_id: req.params.id, variant_id: null },
      })
    : { data: [] as unknown[] }
  res.json({
    amazon_fba_pools: rows.map((r) => ({
      id: r.id,
      pool: r.pool,
      label: fbaPoolByKey(r.pool)?.label ?? r.pool,
      marketplace_ids: fbaPoolByKey(r.pool)?.marketplace_ids ?? [],
      stock_location_id: r.stock_location_id,
      stock_location_name: nameOf.get(r.stock_location_id) ?? null,
      last_full_sync_at: r.last_full_sync_at,
      last_changes_sync_at: r.last_changes_sync_at,
      counts: r.counts,
      error: r.error,
      unknown_skus: (unknown as Array<{ pool: string; sku: string; asin: string | null; fulfillable: number }>)
        .filter((u) => u.pool === r.pool)
        .map(({ sku, asin, fulfillable }) => ({ sku, asin, fulfillable })),
    })),
  })
}
