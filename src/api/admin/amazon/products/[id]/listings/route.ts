import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getMarketplace } from "../../../../../../lib/sp-api"
import { AMAZON_LISTING_FIELDS as LISTING_FIELDS } from "../../../query-config"

/** A product's listings in every store and marketplace, for the product page widget. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "amazon_listing",
    fields: [...LISTING_FIELDS, "store_id"],
    filters: { product_id: req.params.id },
  })
  const { data: stores } = await query.graph({ entity: "amazon_store", fields: ["id", "name", "status"], filters: { id: [...new Set(data.map((l: { store_id: string }) => l.store_id))] } })
  const storeById = new Map(stores.map((s: { id: string }) => [s.id, s]))
  res.json({
    amazon_listings: data.map((l: { store_id: string; marketplace_id: string }) => ({
      ...l,
      store: storeById.get(l.store_id) ?? null,
      marketplace: getMarketplace(l.marketplace_id) ?? null,
    })),
  })
}
