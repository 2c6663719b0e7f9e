/** What one InventorySummary (details=true) says, in the numbers the plugin keeps. */
export type FbaQuantities = {
  sku: string
  asin: string | null
  fnsku: string | null
  fulfillable: number
  inbound_working: number
  inbound_shipped: number
  inbound_receiving: number
  reserved: number
  unfulfillable: number
  researching: number
  amazon_updated_at: string | null
}

type Summary = {
  sellerSku?: string
  asin?: string
  fnSku?: string
  lastUpdatedTime?: string
  inventoryDetails?: {
    fulfillableQuantity?: number
    inboundWorkingQuantity?: number
    inboundShippedQuantity?: number
    inboundReceivingQuantity?: number
    reservedQuantity?: { totalReservedQuantity?: number }
    researchingQuantity?: { totalResearchingQuantity?: number }
    unfulfillableQuantity?: { totalUnfulfillableQuantity?: number }
  }
}

const count = (value: unknown): number => {
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0
}

/**
 * Amazon's summary → quantities. A summary without a seller SKU can match nothing and is dropped (null); a
 * missing or negative number counts as 0. Amazon may send an empty string for lastUpdatedTime.
 */
export function toFbaQuantities(summary: Summary): FbaQuantities | null {
  const sku = typeof summary.sellerSku === "string" ? summary.sellerSku.trim() : ""
  if (!sku) return null
  const d = summary.inventoryDetails ?? {}
  return {
    sku,
    asin: summary.asin || null,
    fnsku: summary.fnSku || null,
    fulfillable: count(d.fulfillableQuantity),
    inbound_working: count(d.inboundWorkingQuantity),
    inbound_shipped: count(d.inboundShippedQuantity),
    inbound_receiving: count(d.inboundReceivingQuantity),
    reserved: count(d.reservedQuantity?.totalReservedQuantity),
    unfulfillable: count(d.unfulfillableQuantity?.totalUnfulfillableQuantity),
    researching: count(d.researchingQuantity?.totalResearchingQuantity),
    amazon_updated_at: summary.lastUpdatedTime && Number.isFinite(Date.parse(summary.lastUpdatedTime)) ? summary.lastUpdatedTime : null,
  }
}

/** The Medusa inventory level an FBA SKU gets at its pool's location: stocked = fulfillable, incoming = inbound. */
export function toFbaLevel(q: Pick<FbaQuantities, "fulfillable" | "inbound_working" | "inbound_shipped" | "inbound_receiving">): {
  stocked_quantity: number
  incoming_quantity: number
} {
  return { stocked_quantity: q.fulfillable, incoming_quantity: q.inbound_working + q.inbound_shipped + q.inbound_receiving }
}

/** Pages merged by SKU (a SKU repeated across pages keeps its last answer). */
export function mergeSummaries(pages: Summary[][]): Map<string, FbaQuantities> {
  const bySku = new Map<string, FbaQuantities>()
  for (const page of pages) for (const s of page) {
    const q = toFbaQuantities(s)
    if (q) bySku.set(q.sku, q)
  }
  return bySku
}
