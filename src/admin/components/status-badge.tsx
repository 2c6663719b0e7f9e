import { StatusBadge } from "@medusajs/ui"
import { strings } from "../lib/strings"
import type { AmazonStoreStatus } from "../lib/types"

const COLORS: Record<AmazonStoreStatus, "green" | "orange" | "red" | "grey"> = {
  pending: "grey",
  connected: "green",
  expired: "orange",
  revoked: "red",
  error: "red",
}

export function AmazonStatusBadge({ status }: { status: AmazonStoreStatus }) {
  return (
    <StatusBadge color={COLORS[status] ?? "grey"} data-testid="amazon-store-status">
      {strings.status.label(status)}
    </StatusBadge>
  )
}
