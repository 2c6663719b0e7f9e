import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { marketplaceId, sku as toSku } from "../../../lib/sp-api"
import { ambiguousAsinMessage } from "../../../utils/listings/catalog-match"
import type { ListingIssue } from "../../../utils/listings/desired-listing"
import { feedMessage } from "../../../utils/listings/feed-messages"
import { loadAttributeValues } from "../lib/attribute-values"
import type { ChangeRow } from "../lib/listing-outcomes"
import { matchAsins } from "../lib/match-asins"

/** putListingsItem runs at 5 rps: a dry run validates this many full listings at most. */
export const VALIDATE_MAX = 20

export type ListingValidation = { status: "VALID" | "INVALID" | "NOT_CHECKED"; issues: ListingIssue[] }

/**
 * Amazon's own verdict on the full listings the next send would submit (new offers on an ASIN, new
 * ASINs with a product type), without submitting them: putListingsItem with mode=VALIDATION_PREVIEW
 * (listings model) on exactly the attributes the feed message would carry — after the same catalog
 * lookup the send does for barcodes without ASIN. Changes nothing at Amazon or here (the lookup's
 * answer is not stored), so no compensation. A barcode with no ASIN and no product type is not checked
 * (the send reports it as "no ASIN found").
 */
export const validateListingChangesStep = createStep(
  "amazon-validate-listing-changes",
  async (input: { store_id: string; change_ids: string[] }, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const result: Record<string, ListingValidation> = {}
    const rows = (await amazon.listAmazonListingChanges({ id: input.change_ids, operation: "update" })) as unknown as ChangeRow[]
    if (!rows.length) return new StepResponse(result)
    const client = await amazon.getStoreSpApiClient(input.store_id)
    const answers = await matchAsins(client, rows.slice(0, 100).filter((c) => !c.payload.asin))
    for (const change of rows) {
      const answer = answers.get(change.id)
      if (answer?.kind === "match") change.payload = { ...change.payload, asin: answer.asin, product_type: answer.product_type ?? "PRODUCT" }
      if (answer?.kind === "ambiguous") {
        const id = change.payload.identifier!
        result[change.id] = { status: "INVALID", issues: [{ source: "amazon", code: "ambiguous_asin", severity: "error", message: ambiguousAsinMessage(id.type, id.value, answer.candidates) }] }
      }
    }
    const checkable = rows.filter((c) => !result[c.id] && (c.payload.asin || c.payload.product_type !== "PRODUCT")).slice(0, VALIDATE_MAX)
    const store = await amazon.retrieveAmazonStore(input.store_id, { select: ["selling_partner_id"] })
    const creating = checkable.filter((c) => !c.payload.asin)
    const values = await loadAttributeValues(container, input.store_id, creating, client)
    for (const change of checkable) {
      const refused = values.refused.get(change.id)
      if (refused) {
        result[change.id] = { status: "INVALID", issues: refused }
        continue
      }
      const message = feedMessage(1, "update", change.payload, values.attributes.get(change.id))
      if (message.operationType !== "UPDATE") continue
      const answer = await client.listingsItems.putListingsItem({
        sellerId: store.selling_partner_id as never,
        sku: toSku(change.sku),
        marketplaceIds: [marketplaceId(change.marketplace_id)],
        mode: "VALIDATION_PREVIEW",
        issueLocale: "en_US",
        body: { productType: message.productType, requirements: message.requirements, attributes: message.attributes },
      })
      result[change.id] = {
        status: answer.status === "VALID" || answer.status === "ACCEPTED" ? "VALID" : "INVALID",
        issues: (answer.issues ?? []).map((issue) => ({
          source: "amazon" as const,
          code: issue.code,
          severity: issue.severity === "ERROR" ? ("error" as const) : ("warning" as const),
          message: issue.message,
          ...(issue.attributeNames?.[0] ? { field: `amazon:${issue.attributeNames[0]}` } : {}),
        })),
      }
    }
    return new StepResponse(result)
  }
)
