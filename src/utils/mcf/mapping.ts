/**
 * Pure Multi-Channel Fulfillment mapping: Medusa shipping options, addresses and fulfillment items to
 * Fulfillment Outbound 2020-07-01 shapes, and Amazon's statuses back to words the merchant reads.
 */

export const MCF_SPEEDS = ["Standard", "Expedited", "Priority"] as const
export type McfSpeed = (typeof MCF_SPEEDS)[number]

/** Fulfillment option ids the provider offers (the shipping option's data.id). */
export const MCF_OPTIONS: ReadonlyArray<{ id: string; name: string; shipping_speed: McfSpeed }> = [
  { id: "mcf-standard", name: "Amazon MCF Standard", shipping_speed: "Standard" },
  { id: "mcf-expedited", name: "Amazon MCF Expedited", shipping_speed: "Expedited" },
  { id: "mcf-priority", name: "Amazon MCF Priority", shipping_speed: "Priority" },
]

/** The Amazon shipping speed of a shipping option's data, or null when it is not one of ours. */
export function speedOfOption(data: Record<string, unknown> | null | undefined): McfSpeed | null {
  const id = data?.id
  const speed = data?.shipping_speed
  const option = MCF_OPTIONS.find((o) => o.id === id)
  if (!option) return null
  if (speed !== undefined && speed !== option.shipping_speed) return null
  return option.shipping_speed
}

export type MedusaAddress = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  phone?: string | null
}

export type McfAddress = {
  name: string
  addressLine1: string
  addressLine2?: string
  addressLine3?: string
  city?: string
  stateOrRegion?: string
  postalCode: string
  countryCode: string
  phone?: string
}

const clean = (v: string | null | undefined): string => (v ?? "").replace(/\s+/g, " ").trim()

/** What is missing from an address for Amazon to ship it, in words (empty when complete). */
export function addressProblems(a: MedusaAddress | null | undefined): string[] {
  if (!a) return ["the order has no shipping address"]
  const out: string[] = []
  if (!clean([a.first_name, a.last_name].filter(Boolean).join(" ")) && !clean(a.company)) out.push("a recipient name")
  if (!clean(a.address_1)) out.push("a street address (line 1)")
  if (!clean(a.city)) out.push("a city")
  if (!clean(a.postal_code)) out.push("a postal code")
  if (!/^[a-z]{2}$/i.test(clean(a.country_code))) out.push("a two-letter country code")
  return out.length ? [`Amazon needs ${out.join(", ")} to ship this order`] : []
}

/** A Medusa address as Amazon's Address (name ≤ 50, lines ≤ 60, as the model allows). */
export function toMcfAddress(a: MedusaAddress): McfAddress {
  const name = clean([a.first_name, a.last_name].filter(Boolean).join(" ")) || clean(a.company)
  const company = clean(a.company)
  const line1 = clean(a.address_1)
  const line2 = clean(a.address_2)
  const out: McfAddress = {
    name: name.slice(0, 50),
    addressLine1: (company && company !== name ? `${company}, ${line1}` : line1).slice(0, 60),
    postalCode: clean(a.postal_code).slice(0, 20),
    countryCode: clean(a.country_code).toUpperCase(),
  }
  if (company && company !== name && (company.length + line1.length + 2 > 60)) out.addressLine1 = line1.slice(0, 60)
  if (line2) out.addressLine2 = line2.slice(0, 60)
  if (clean(a.city)) out.city = clean(a.city).slice(0, 50)
  if (clean(a.province)) out.stateOrRegion = clean(a.province).slice(0, 150)
  if (clean(a.phone)) out.phone = clean(a.phone).slice(0, 20)
  return out
}

export type McfLedgerItem = { line_item_id: string | null; fulfillment_item_id: string; sku: string; quantity: number; title: string }

export type MedusaFulfillmentItem = { id?: string; line_item_id?: string | null; sku?: string | null; quantity?: unknown; title?: string | null }

/**
 * Fulfillment items as ledger items: one per SKU line, quantities whole. Items without a SKU cannot be sent
 * (Amazon ships by seller SKU): they come back in `problems`.
 */
export function toLedgerItems(items: MedusaFulfillmentItem[]): { items: McfLedgerItem[]; problems: string[] } {
  const out: McfLedgerItem[] = []
  const problems: string[] = []
  for (const i of items) {
    const quantity = Number(i.quantity)
    if (!clean(i.sku)) {
      problems.push(`"${clean(i.title) || i.id}" has no SKU, so Amazon cannot ship it`)
      continue
    }
    if (!Number.isInteger(quantity) || quantity < 1) {
      problems.push(`"${clean(i.title) || i.sku}" has quantity ${String(i.quantity)}; Amazon ships whole units`)
      continue
    }
    out.push({ line_item_id: i.line_item_id ?? null, fulfillment_item_id: String(i.id ?? i.line_item_id), sku: clean(i.sku), quantity, title: clean(i.title) })
  }
  return { items: out, problems }
}

/** Ledger items as Amazon's CreateFulfillmentOrderItem (sellerFulfillmentOrderItemId ≤ 50: the fulfillment item id). */
export function toMcfItems(items: McfLedgerItem[]): Array<{ sellerSku: string; sellerFulfillmentOrderItemId: string; quantity: number }> {
  return items.map((i) => ({ sellerSku: i.sku, sellerFulfillmentOrderItemId: i.fulfillment_item_id.slice(0, 50), quantity: i.quantity }))
}

export type McfLedgerStatus = "pending" | "sent" | "shipped" | "unfulfillable" | "cancel_requested" | "cancelled" | "failed"

/** What an Amazon FulfillmentOrderStatus means for the ledger row (null: nothing changes, keep polling). */
export function ledgerStatusOf(amazonStatus: string | undefined | null): McfLedgerStatus | null {
  switch (amazonStatus) {
    case "Complete":
    case "CompletePartialled":
      return "shipped"
    case "Unfulfillable":
    case "Invalid":
      return "unfulfillable"
    case "Cancelled":
      return "cancelled"
    default:
      return null
  }
}

/** Amazon statuses under which cancelFulfillmentOrder is still accepted. */
export function cancellableAtAmazon(amazonStatus: string | undefined | null): boolean {
  return !amazonStatus || amazonStatus === "New" || amazonStatus === "Received" || amazonStatus === "Planning"
}

/** The merchant's words for a row's state. */
export function describeMcf(row: {
  status: string
  amazon_status?: string | null
  unfulfillable?: Array<{ sku: string; quantity: number; unfulfillable_quantity: number }> | null
  error?: { code?: string; message?: string } | null
}): string {
  const short = (row.unfulfillable ?? []).filter((u) => u.unfulfillable_quantity > 0)
  const shortWords = short.map((u) => `${u.unfulfillable_quantity} of ${u.quantity} × ${u.sku}`).join(", ")
  if (row.error && (row.error as { code?: string }).code === "CANCEL_REFUSED" && (row.status === "sent" || row.status === "shipped")) {
    return row.status === "shipped"
      ? `Shipped by Amazon although the Medusa fulfillment was cancelled: ${row.error.message}`
      : `${row.error.message}. Amazon's status: ${row.amazon_status ?? "unknown"}`
  }
  switch (row.status) {
    case "pending":
      return row.error?.message ? `Waiting to be sent to Amazon (last try: ${row.error.message})` : "Waiting to be sent to Amazon"
    case "sent":
      return `Amazon has the order (${row.amazon_status ?? "Received"})${shortWords ? `; Amazon cannot ship ${shortWords}` : ""}`
    case "shipped":
      return row.amazon_status === "CompletePartialled" && shortWords
        ? `Partly shipped by Amazon; not shipped: ${shortWords}`
        : "Shipped by Amazon"
    case "unfulfillable":
      return `Amazon cannot fulfil this order${shortWords ? `: no FBA stock for ${shortWords}` : ""}${row.error?.message ? ` (${row.error.message})` : ""}. Cancel the fulfillment and ship it another way.`
    case "cancel_requested":
      return "Cancellation requested at Amazon"
    case "cancelled":
      return "Cancelled at Amazon"
    case "failed":
      return `Amazon refused the order: ${row.error?.message ?? "no reason given"}`
    default:
      return row.status
  }
}
