import { generateEntityId, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { buyerDataBinding } from "../../../modules/amazon/lib/secret-bindings"
import { decimalToNumber } from "../../../utils/orders/decimal"
import type { PlannedLine } from "../../../utils/orders/plan-order-import"
import { toMedusaOrderInput } from "../../../utils/orders/to-medusa-order"
import type { BuyerData } from "../../../utils/orders/types"
import type { OrderImportContext } from "./load-order-import"

export type CreateMedusaOrderInput = { context: OrderImportContext; lines: PlannedLine[] }

export type CreatedMedusaOrder = {
  order_id: string
  /** the Medusa line item of each Amazon order item, with what to reserve and what is already shipped */
  lines: Array<PlannedLine & { line_item_id: string }>
  /** what the buyer paid: Amazon's order total, which is also the Medusa order's computed total */
  total: number
}

/**
 * Creates the Medusa order of an Amazon order. Its id is chosen here and written into the ledger row
 * (import_status "importing") *before* the order is created, so there is never an order the ledger does
 * not know of: a process killed anywhere in the import leaves a row that says which order to undo
 * (recoverInterruptedImportStep), and a run that finds `order_id` set never creates another (the caller
 * holds the row's lock). The row becomes "imported" when the whole import is done. Buyer data is unsealed
 * here and only here: it goes into the order and never into the step's output. The buyer becomes a guest
 * customer (Amazon's anonymised e-mail).
 * Compensation: the order (and a customer made for it) is deleted and the row unlinked.
 */
export const createMedusaOrderStep = createStep(
  "amazon-create-medusa-order",
  async ({ context, lines }: CreateMedusaOrderInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const orderModule = container.resolve(Modules.ORDER)
    const customerModule = container.resolve(Modules.CUSTOMER)

    const row = await amazon.retrieveAmazonOrder(context.row_id, {
      select: ["id", "order_id", "import_status", "issues", "buyer_data_ciphertext"],
    })
    if (row.order_id) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Amazon order ${context.amazon_order_id} is already imported`)
    }
    const buyer: BuyerData | null = row.buyer_data_ciphertext
      ? (JSON.parse(amazon.openSecret(row.buyer_data_ciphertext, buyerDataBinding(context.store_id, context.amazon_order_id))) as BuyerData)
      : null

    let customerId: string | null = null
    let createdCustomerId: string | null = null
    if (buyer?.email) {
      const [guest] = await customerModule.listCustomers({ email: buyer.email, has_account: false }, { select: ["id"], take: 1 })
      if (guest) customerId = guest.id
      else {
        const created = await customerModule.createCustomers({ email: buyer.email, has_account: false })
        customerId = createdCustomerId = created.id
      }
    }

    const { total, ...input } = toMedusaOrderInput({
      context: {
        amazon_order_id: context.amazon_order_id,
        amazon_store_id: context.store_id,
        marketplace_id: context.marketplace_id,
        channel: context.channel,
        currency_code: context.currency_code,
        region_id: context.region_id!,
        sales_channel_id: context.sales_channel_id!,
        customer_id: customerId,
        shipping_option: context.shipping_option,
      },
      buyer,
      ship_country_code: context.ship_country_code,
      lines,
      amazon_lines: context.items,
      variants: context.variants,
      total: context.total,
      order_charges: context.order_charges,
    })
    const orderId = generateEntityId(undefined, "order")
    await amazon.updateAmazonOrders({ id: context.row_id, order_id: orderId, import_status: "importing", issues: null })
    const [order] = await orderModule.createOrders([{ ...input, id: orderId } as never])

    const lineItemOf = new Map((order.items ?? []).map((item) => [(item.metadata as Record<string, unknown> | null)?.amazon_order_item_id, item.id]))
    return new StepResponse<CreatedMedusaOrder, { order_id: string; row: { id: string; import_status: string; issues: unknown }; customer_id: string | null }>(
      {
        order_id: order.id,
        lines: lines.map((line) => ({ ...line, line_item_id: lineItemOf.get(line.order_item_id) as string })),
        total: decimalToNumber(total),
      },
      { order_id: order.id, row: { id: row.id, import_status: row.import_status, issues: row.issues }, customer_id: createdCustomerId }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    await amazon.updateAmazonOrders({ ...undo.row, order_id: null } as never)
    await container.resolve(Modules.ORDER).deleteOrders([undo.order_id])
    if (undo.customer_id) await container.resolve(Modules.CUSTOMER).deleteCustomers([undo.customer_id])
  }
)
