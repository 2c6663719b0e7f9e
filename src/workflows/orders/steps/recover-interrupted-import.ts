import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type RecoverInterruptedImportInput = { id: string }

/**
 * A row left "importing" was cut short by a crash (a killed worker, a restart) somewhere between the
 * ledger naming its order and the import finishing: the order may not exist, or exist without its
 * reservations, payment or status. Whatever was made goes — its reservations released, its payment
 * collection unlinked and deleted, an FBA order's fulfillment unlinked and deleted, the order deleted —
 * and the row is pending again, so the same run imports it in full. The caller holds the row's lock, so a
 * live import is never mistaken for a dead one.
 * No compensation: the partial order is not worth bringing back.
 */
export const recoverInterruptedImportStep = createStep(
  "amazon-recover-interrupted-order-import",
  async (input: RecoverInterruptedImportInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const row = await amazon.retrieveAmazonOrder(input.id, { select: ["id", "amazon_order_id", "order_id", "import_status"] })
    if (row.import_status !== "importing") return new StepResponse({ recovered: false })

    if (row.order_id) {
      const orderModule = container.resolve(Modules.ORDER)
      const [order] = await orderModule.listOrders({ id: row.order_id }, { select: ["id"], relations: ["items"] })
      if (order) {
        const lineItemIds = (order.items ?? []).map((item) => item.id)
        if (lineItemIds.length) await container.resolve(Modules.INVENTORY).deleteReservationItemsByLineItem(lineItemIds)
        // the payment recorded for it (if the import got that far) goes with it, link first
        const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "order",
          fields: ["id", "payment_collections.id", "fulfillments.id"],
          filters: { id: order.id },
        })
        const collectionIds = ((data[0] as { payment_collections?: Array<{ id: string } | null> } | undefined)?.payment_collections ?? [])
          .filter((c): c is { id: string } => !!c)
          .map((c) => c.id)
        if (collectionIds.length) {
          await container
            .resolve(ContainerRegistrationKeys.LINK)
            .dismiss(collectionIds.map((id) => ({ [Modules.ORDER]: { order_id: order.id }, [Modules.PAYMENT]: { payment_collection_id: id } })))
          await container.resolve(Modules.PAYMENT).deletePaymentCollections(collectionIds)
        }
        // the fulfillment made at import for units already shipped (create-shipped-fulfillment) goes too
        const fulfillmentIds = ((data[0] as { fulfillments?: Array<{ id: string } | null> } | undefined)?.fulfillments ?? [])
          .filter((f): f is { id: string } => !!f)
          .map((f) => f.id)
        if (fulfillmentIds.length) {
          const fulfillments = container.resolve(Modules.FULFILLMENT)
          await container
            .resolve(ContainerRegistrationKeys.LINK)
            .dismiss(fulfillmentIds.map((id) => ({ [Modules.ORDER]: { order_id: order.id }, [Modules.FULFILLMENT]: { fulfillment_id: id } })))
          for (const id of fulfillmentIds) {
            await fulfillments.updateFulfillment(id, { canceled_at: new Date() } as never)
            await fulfillments.deleteFulfillment(id)
          }
        }
        await orderModule.deleteOrders([order.id])
      }
    }
    await amazon.updateAmazonOrders({ id: row.id, order_id: null, import_status: "pending", issues: null })
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`[amazon] the import of Amazon order ${row.amazon_order_id} was interrupted; its partial Medusa order ${row.order_id ?? "(none)"} was removed and the order is imported again`)
    return new StepResponse({ recovered: true })
  }
)
