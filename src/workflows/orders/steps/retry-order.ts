import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { retryAmazonShipmentWorkflow } from "../../shipments/retry-amazon-shipment"
import { importAmazonOrderWorkflow } from "../import-amazon-order"
import { recordAmazonOrderFailureWorkflow } from "../record-amazon-order-failure"

/**
 * Runs one order's import again (its own workflow: the row's lock, exactly-once) and sends its failed
 * packages again. A failure is recorded on the row, where the admin shows it, not thrown at the button.
 */
export const retryOrderStep = createStep("amazon-retry-order", async (id: string, { container }) => {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  let action: string | null = null
  try {
    const { result } = await importAmazonOrderWorkflow(container).run({ input: { id } })
    action = result.action
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`[amazon] retry of order ${id} failed: ${message}`)
    await recordAmazonOrderFailureWorkflow(container).run({ input: { row_id: id, message } })
  }
  const row = await amazon.retrieveAmazonOrder(id, { select: ["store_id", "amazon_order_id"] })
  const failed = await amazon.listAmazonShipments(
    { store_id: row.store_id, amazon_order_id: row.amazon_order_id, status: "failed" },
    { select: ["id"] }
  )
  for (const shipment of failed) await retryAmazonShipmentWorkflow(container).run({ input: { id: shipment.id } })
  return new StepResponse({ action, shipments_retried: failed.length })
})
