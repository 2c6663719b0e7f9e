import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AMAZON_MODULE } from "../../../../../../../modules/amazon"
import type AmazonModuleService from "../../../../../../../modules/amazon/service"
import { DEFAULT_STORE_SETTINGS, type StoreSettings } from "../../../../../../../modules/amazon/types"
import { previewListingChanges } from "../../../../../../../utils/listings/preview"
import { validateListingChangesWorkflow } from "../../../../../../../workflows/listings/validate-listing-changes"
import { explainListingRules } from "../../../../../../../workflows/listings/lib/explain-listing-rules"
import { refetchAmazonStore } from "../../../../helpers"

/**
 * Exactly what the next send would change, per listing (old → new, and
 * whether it goes by the fast path or a feed), without sending anything.
 * `?validate=true` also asks Amazon (putListingsItem VALIDATION_PREVIEW) about
 * the full listings among them (up to 20) and adds its verdict to each row.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const store = await refetchAmazonStore(req.params.id, req.scope, ["id", "settings", "sales_channel_id"])
  const amazon = req.scope.resolve<AmazonModuleService>(AMAZON_MODULE)
  const changes = await amazon.listAmazonListingChanges(
    { store_id: req.params.id, status: ["pending", "held"] },
    { order: { created_at: "ASC" } }
  )
  const listings = await amazon.listAmazonListings(
    { id: [...new Set(changes.map((c) => c.listing_id))] },
    { select: ["id", "sent_state", "quantity", "variant_id", "product_id"] }
  )
  const [, offersWithStock] = await amazon.listAndCountAmazonListings(
    { store_id: req.params.id, quantity: { $gt: 0 } },
    { select: ["id"], take: 1 }
  )
  const settings = { ...DEFAULT_STORE_SETTINGS, ...((store.settings as Partial<StoreSettings>) ?? {}) }
  const rulesPage = {
    limit: Math.min(500, Math.max(1, Number(req.query.rules_limit ?? 100) || 100)),
    offset: Math.max(0, Number(req.query.rules_offset ?? 0) || 0),
  }
  // per product and marketplace with listing rules: listed or not, and the rule that decided
  const listingRules = await explainListingRules(req.scope, { id: req.params.id, sales_channel_id: ((store as Record<string, unknown>).sales_channel_id as string | null) ?? null }, rulesPage)
  const preview = { ...previewListingChanges(changes as never, listings as never, { fastPath: settings.fast_path, offersWithStock }), listing_rules: listingRules }
  if (req.query.validate !== "true") return void res.json(preview)
  const ids = preview.changes.filter((c) => c.operation === "update" && !c.held).map((c) => c.change_id)
  const { result: verdicts } = await validateListingChangesWorkflow(req.scope).run({ input: { store_id: req.params.id, change_ids: ids } })
  res.json({
    ...preview,
    changes: preview.changes.map((c) => (verdicts[c.change_id] ? { ...c, amazon_validation: verdicts[c.change_id] } : c)),
    validated: Object.keys(verdicts).length,
  })
}
