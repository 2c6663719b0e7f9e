import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type ExportableOrder, ordersToCsv, ordersToXlsx } from "../../../../../../../utils/orders/orders-export"
import { refetchAmazonStore } from "../../../../helpers"
import type { AdminExportStoreAmazonOrdersParamsType } from "../../../../orders/validators"

const PAGE = 1000

/**
 * GET /admin/amazon/stores/:id/orders/export?format=csv|xlsx — every Amazon order of the store as a file.
 * No buyer data: an export leaves the protection the Data Protection Policy asks for.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportStoreAmazonOrdersParamsType>, res: MedusaResponse) => {
  const store = (await refetchAmazonStore(req.params.id, req.scope, ["id", "name"])) as unknown as { id: string; name?: string }
  const { format, import_status } = req.validatedQuery as AdminExportStoreAmazonOrdersParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const orders: ExportableOrder[] = []
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({
      entity: "amazon_order",
      fields: [
        "amazon_order_id", "marketplace_id", "purchased_at", "amazon_status", "import_status", "fulfillment_channel",
        "currency_code", "total", "items", "issues", "order_id", "ship_country_code", "order.display_id",
      ],
      filters: { store_id: req.params.id, ...(import_status ? { import_status } : {}) },
      pagination: { skip, take: PAGE, order: { purchased_at: "DESC" } },
    })
    for (const row of data as Array<Record<string, any>>) {
      orders.push({ ...(row as ExportableOrder), order_display_id: row.order?.display_id ?? null })
    }
    if (data.length < PAGE) break
  }
  const stem = `amazon-orders-${String(store.name ?? store.id).replace(/[^A-Za-z0-9_-]+/g, "-")}-${new Date().toISOString().slice(0, 10)}`
  if (format === "xlsx") {
    res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    res.setHeader("Content-Disposition", `attachment; filename="${stem}.xlsx"`)
    res.send(await ordersToXlsx(orders))
    return
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${stem}.csv"`)
  res.send(ordersToCsv(orders))
}
