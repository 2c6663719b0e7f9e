import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AMAZON_SYNC_RUN_FIELDS } from "../../query-config"
import { presentSyncRun } from "../helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [run],
  } = await query.graph({ entity: "amazon_sync_run", fields: AMAZON_SYNC_RUN_FIELDS, filters: { id: req.params.id } })
  if (!run) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sync run "${req.params.id}" not found`)
  res.json({ amazon_sync_run: presentSyncRun(run) })
}
