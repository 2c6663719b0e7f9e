import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MARKETPLACES, REGION_NAMES } from "../../../../lib/sp-api"

/** Every SP-API marketplace, for the "Add Amazon Store" form. */
export const GET = async (_req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const order = ["eu", "na", "fe"] as const
  const marketplaces = [...MARKETPLACES]
    .sort((a, b) => order.indexOf(a.region) - order.indexOf(b.region) || a.name.localeCompare(b.name))
    .map((m) => ({ ...m, region_name: REGION_NAMES[m.region] }))
  res.json({ marketplaces })
}
