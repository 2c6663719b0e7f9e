import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { confirmAmazonShipmentsWorkflow } from "../confirm-amazon-shipments"

/** Each store's confirmations as their own workflow run and sync run, side by side (quotas are per seller). */
export const runShipmentConfirmationsStep = createStep(
  "amazon-run-shipment-confirmations",
  async (input: { store_ids: string[]; now?: Date | string }, { container }) => {
    const results = await Promise.all(
      input.store_ids.map(async (store_id) => {
        const { errors } = await confirmAmazonShipmentsWorkflow(container).run({
          input: { store_id, trigger: "schedule", now: input.now },
          throwOnError: false,
        })
        return { store_id, ok: !errors?.length }
      })
    )
    return new StepResponse(results)
  }
)
