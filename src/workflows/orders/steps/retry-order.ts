import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { markAuthorizationLost } from "../../../utils/mark-authorization-lost"
import { MALFORMED_ORDER } from "../../../utils/orders/map-amazon-order"
import { retryAmazonShipmentWorkflow } from "../../shipments/retry-amazon-shipment"
import { importAmazonOrderWorkflow } from "../import-amazon-order"
import { recordAmazonOrderFailureWorkflow } from "../record-amazon-order-failure"
import { refetchAmazonOrderWorkflow } from "../refetch-amazon-order"
import type { FetchedAmazonOrder } from "./fetch-amazon-order"
import { safeErrorMessage } from "../../../utils/db-error"

/** Workflow runs reject with serialized errors (plain objects with a message), not always Error instances. */
function errorMessage(error: unknown): string {
  // logged and stored: a database error by its class, never the row values it quotes
  return safeErrorMessage(error)
}

/**
 * Runs one order's import again (its own workflow: the row's lock, exactly-once) and sends its failed
 * packages again. An order quarantined because Amazon sent it malformed is fetched from Amazon first
 * (getOrder) and imported only when it is readable now. A failure is recorded on the row, where the admin
 * shows it, not thrown at the button.
 */
export const retryOrderStep = createStep("amazon-retry-order", async (id: string, { container }) => {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  let action: string | null = null
  const before = await amazon.retrieveAmazonOrder(id, { select: ["id", "store_id", "import_status", "issues"] })
  const quarantined =
    before.import_status === "failed" &&
    Array.isArray(before.issues) &&
    (before.issues as Array<{ code?: string } | null>).some((issue) => issue?.code === MALFORMED_ORDER)
  let importable = true
  if (quarantined) {
    const fetched = await refetchAmazonOrderWorkflow(container)
      .run({ input: { row_id: id } })
      .then(({ result }) => result)
      .catch((error): FetchedAmazonOrder => ({ outcome: "unavailable", store_id: before.store_id, message: errorMessage(error) }))
    if (fetched.outcome === "authorization_lost") {
      await markAuthorizationLost(amazon, before.store_id, fetched.reason)
      importable = false
    } else if (fetched.outcome === "unavailable") {
      // the quarantine's own message stays: the order is still what Amazon last sent
      logger.warn(`[amazon] retry of order ${id}: ${fetched.message}`)
      importable = false
    } else if (fetched.outcome === "malformed") {
      importable = false
    }
    action = fetched.outcome === "fetched" ? null : fetched.outcome
  }
  if (importable) {
    try {
      const { result } = await importAmazonOrderWorkflow(container).run({ input: { id } })
      action = result.action
    } catch (error) {
      const message = errorMessage(error)
      logger.warn(`[amazon] retry of order ${id} failed: ${message}`)
      await recordAmazonOrderFailureWorkflow(container).run({ input: { row_id: id, message } })
    }
  }
  const row = await amazon.retrieveAmazonOrder(id, { select: ["store_id", "amazon_order_id"] })
  const failed = await amazon.listAmazonShipments(
    { store_id: row.store_id, amazon_order_id: row.amazon_order_id, status: "failed" },
    { select: ["id"] }
  )
  for (const shipment of failed) await retryAmazonShipmentWorkflow(container).run({ input: { id: shipment.id } })
  return new StepResponse({ action, shipments_retried: failed.length })
})
