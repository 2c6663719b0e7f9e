import { StatusBadge, Tooltip } from "@medusajs/ui"
import { ordersStrings as s } from "../../lib/strings-orders"

const IMPORT_COLORS: Record<string, "green" | "red" | "orange" | "grey" | "blue"> = {
  imported: "green",
  needs_attention: "orange",
  failed: "red",
  pending: "blue",
  importing: "blue",
  skipped: "grey",
  canceled: "grey",
}

const SHIPMENT_COLORS: Record<string, "green" | "red" | "blue" | "grey"> = {
  confirmed: "green",
  failed: "red",
  pending: "blue",
  sending: "blue",
}

/** Where an Amazon order stands in Medusa: imported, waiting for Amazon, held for the merchant … */
export function ImportStatusBadge({ status }: { status: string }) {
  const hint = s.importStatusHint(status)
  const badge = (
    <StatusBadge color={IMPORT_COLORS[status] ?? "grey"} className="whitespace-nowrap" data-testid="amazon-order-import-status">
      {s.importStatus(status)}
    </StatusBadge>
  )
  return hint ? <Tooltip content={hint}>{badge}</Tooltip> : badge
}

/** Whether Amazon has the tracking numbers of the order's packages. */
export function ShipmentStatusBadge({ status }: { status: string }) {
  if (status === "none") return null
  return (
    <StatusBadge color={SHIPMENT_COLORS[status] ?? "grey"} className="whitespace-nowrap" data-testid="amazon-shipment-status">
      {s.shipmentStatus(status)}
    </StatusBadge>
  )
}
