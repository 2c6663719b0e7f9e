/**
 * Every string of the Amazon orders pages and the order widget (STYLE §12), beside strings.ts.
 */
const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`

export const ordersStrings = {
  route: { breadcrumb: "Orders" },

  page: {
    title: "Amazon orders",
    subtitle: (store: string) => `Orders from ${store}, each imported once as a Medusa order. Held orders say what to fix.`,
    back: "Back to store",
    importNow: "Import now",
    importing: "Importing…",
    importQueued: "Import started",
    importQueuedDescription: "New and changed Amazon orders are on their way; this list refreshes by itself.",
    importJoined: "An import is already running",
    importJoinedDescription: "It brings in the new and changed orders; this list refreshes by itself.",
    loadError: "The orders could not be loaded",
    lastRun: (when: string) => `Last import ${when}`,
    neverRun: "Not imported yet",
    lastRunFailed: "The last import failed",
  },

  export: {
    csv: "Export CSV",
    xlsx: "Export Excel",
    failed: "The export could not be made",
  },

  filters: {
    all: "All orders",
    needsAttention: "Needs attention",
    imported: "Imported",
    pending: "Waiting for Amazon",
    failed: "Failed",
    canceled: "Canceled",
    skipped: "Skipped",
    statusAria: "Show orders by import status",
    search: "Search Amazon order id",
  },

  table: {
    amazonOrder: "Amazon order",
    purchased: "Purchased",
    medusaOrder: "Medusa order",
    amazonStatus: "Amazon status",
    importStatus: "Import",
    channel: "Fulfilled by",
    total: "Total",
    shipment: "Tracking",
    issues: "Issues",
    noIssues: "None",
    notImported: "–",
    openOrder: (display: number | string) => `Open Medusa order #${display}`,
    retry: "Retry",
    retrying: "Retrying…",
    retried: "Order tried again",
    emptyTitle: "No Amazon orders yet",
    emptyDescription: "Orders appear here after the first import (every few minutes, or Import now).",
    filteredTitle: "No orders match",
    filteredDescription: "Change the filter or the search.",
    pagination: { of: "of", results: "results", pages: "pages", prev: "Prev", next: "Next" },
  },

  importStatus: (status: string) =>
    ({
      pending: "Waiting",
      importing: "Importing",
      imported: "Imported",
      needs_attention: "Needs attention",
      skipped: "Skipped",
      canceled: "Canceled",
      failed: "Failed",
    })[status] ?? status,

  importStatusHint: (status: string) =>
    ({
      pending: "Amazon has not completed the order yet (payment, address or FBA shipment pending).",
      importing: "Being made into a Medusa order now. If it stays here, the import was interrupted: the next run undoes the partial order and makes it again.",
      skipped: "Not imported: fulfilled by Amazon and this store does not import those, or a multi-channel (MCF) order placed outside Amazon.",
      canceled: "Canceled on Amazon.",
    })[status] ?? "",

  amazonStatus: (status: string) =>
    ({
      PENDING: "Pending",
      PENDING_AVAILABILITY: "Pre-order",
      UNSHIPPED: "Unshipped",
      PARTIALLY_SHIPPED: "Partly shipped",
      SHIPPED: "Shipped",
      CANCELLED: "Canceled",
      UNFULFILLABLE: "Unfulfillable",
    })[status] ?? status,

  channel: (channel: string) => (channel === "AFN" ? "Amazon (FBA)" : "You (FBM)"),

  shipmentStatus: (status: string) =>
    ({ none: "–", pending: "Sending", confirmed: "Confirmed", failed: "Refused" })[status] ?? status,

  widget: {
    title: "Amazon",
    orderId: "Amazon order",
    marketplace: "Marketplace",
    channel: "Fulfilled by",
    amazonStatus: "Status on Amazon",
    importStatus: "Import",
    purchased: "Purchased",
    tracking: "Tracking to Amazon",
    noShipments: "Not shipped yet. Create a shipment with a tracking number and it is confirmed to Amazon.",
    fbaNoShipments: "Amazon ships this order (FBA); there is nothing to confirm.",
    package: (reference: string) => `Package ${reference}`,
    carrier: (code: string, name: string | null) => (code === "Other" && name ? `${name} (Other)` : code),
    attempts: (n: number) => plural(n, "attempt", "attempts"),
    nextAttempt: (when: string) => `next try ${when}`,
    confirmedAt: (when: string) => `confirmed ${when}`,
    retry: "Try again now",
    openOnSellerCentral: "Open in Seller Central",
    buyerPurged: "Buyer data removed (30 days after delivery).",
    loadError: "The Amazon side of this order could not be loaded",
    issues: "What to fix",
    buyerCancelTitle: "The buyer asked to cancel",
    buyerCancelReason: (reason: string | null) => (reason ? `Reason: ${reason}.` : "No reason given."),
    buyerCancelAdvice: "Do not ship. Cancel the order in Seller Central; the cancellation then comes back here by itself.",
    nonAmazon: "Multi-channel (MCF) order placed outside Amazon: not imported as an Amazon order.",
    nextRetry: (when: string) => `Tried again automatically ${when}.`,
  },
  buyerCancelBadge: "Cancel requested",
  buyerCancelHint: (reason: string | null) => `The buyer asked Amazon to cancel this order${reason ? ` (${reason})` : ""}. Do not ship it.`,
}
