/** An item of the Medusa order as the matcher needs it. */
export type OrderItemFacts = {
  id: string
  /** Amazon's SKU for the line (metadata.amazon_sku), else the variant's */
  sku: string | null
  variant_sku: string | null
  amazon_order_item_id: string | null
  /** shipped minus already requested/received/dismissed for return */
  returnable: number
}

type Line = { sku: string; asin?: string | null; quantity: number; reason?: string | null; amazon_order_item_id?: string | null; medusa_item_id?: string | null }

export type MatchResult<L extends Line> = { ok: true; lines: Array<L & { medusa_item_id: string; amazon_order_item_id: string | null }> } | { ok: false; reason: string }

/**
 * Return lines (by SKU — the returns flat file has no order item id) → the Medusa order's items. A SKU found on
 * several items is spread over them in order; each item gives at most what is still returnable. Pure.
 * A SKU not on the order, or more units than were shipped and not yet returned, is refused in words.
 */
export function matchReturnLines<L extends Line>(lines: L[], items: OrderItemFacts[]): MatchResult<L> {
  const left = new Map(items.map((i) => [i.id, i.returnable]))
  const out: Array<L & { medusa_item_id: string; amazon_order_item_id: string | null }> = []
  const problems: string[] = []
  for (const line of lines) {
    const candidates = items.filter((i) =>
      line.amazon_order_item_id ? i.amazon_order_item_id === line.amazon_order_item_id : i.sku === line.sku || i.variant_sku === line.sku
    )
    if (!candidates.length) {
      problems.push(`SKU ${line.sku} is not on the Medusa order`)
      continue
    }
    let wanted = line.quantity
    for (const item of candidates) {
      const take = Math.min(wanted, left.get(item.id) ?? 0)
      if (take <= 0) continue
      left.set(item.id, (left.get(item.id) ?? 0) - take)
      out.push({ ...line, quantity: take, medusa_item_id: item.id, amazon_order_item_id: item.amazon_order_item_id })
      wanted -= take
      if (!wanted) break
    }
    if (wanted > 0) {
      const shipped = candidates.reduce((n, i) => n + i.returnable, 0)
      problems.push(`${line.quantity} unit(s) of SKU ${line.sku} returned, but only ${shipped} shipped and not yet returned in Medusa`)
    }
  }
  return problems.length ? { ok: false, reason: `${problems.join("; ")}.` } : { ok: true, lines: out }
}
