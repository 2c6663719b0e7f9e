import { StatusBadge } from "@medusajs/ui"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonListingStatus } from "../../lib/types-listings"

const COLORS: Record<AmazonListingStatus, "green" | "orange" | "red" | "grey" | "blue" | "purple"> = {
  draft: "grey",
  pending: "blue",
  submitted: "purple",
  accepted: "purple",
  active: "green",
  inactive: "orange",
  incomplete: "orange",
  suppressed: "red",
  error: "red",
  deleted: "grey",
}

/** A listing's status as Medusa's own tables show one: a coloured dot and a word. */
export function ListingStatusBadge({ status }: { status: AmazonListingStatus }) {
  return (
    <StatusBadge color={COLORS[status] ?? "grey"} className="whitespace-nowrap" data-testid="amazon-listing-status">
      {s.status.label(status)}
    </StatusBadge>
  )
}
