const DAY_MS = 24 * 60 * 60 * 1000

/** Amazon's Data Protection Policy: buyer PII is kept no longer than 30 days after delivery (notes §9). */
export const BUYER_DATA_RETENTION_DAYS = 30

/** Orders delivered (or due to be delivered, when no delivery is recorded) before this time are purged. */
export function purgeCutoff(now: Date): Date {
  return new Date(now.getTime() - BUYER_DATA_RETENTION_DAYS * DAY_MS)
}

/** When an order's buyer data must be gone: 30 days after delivery, else after Amazon's latest delivery date. */
export function purgeDueAt(row: { delivered_at: Date | string | null; latest_delivery_at: Date | string | null }): Date | null {
  const from = row.delivered_at ?? row.latest_delivery_at
  return from ? new Date(new Date(from).getTime() + BUYER_DATA_RETENTION_DAYS * DAY_MS) : null
}

export function isPurgeDue(
  row: { delivered_at: Date | string | null; latest_delivery_at: Date | string | null; buyer_data_purged_at?: Date | string | null },
  now: Date
): boolean {
  if (row.buyer_data_purged_at) return false
  const due = purgeDueAt(row)
  return due !== null && due.getTime() <= now.getTime()
}

/**
 * The order address after the purge: every personal field blank, the country kept (reporting, taxes).
 * Applied to the Medusa order's shipping and billing addresses.
 */
export function purgedAddress<T extends { country_code?: string | null }>(address: T) {
  return {
    first_name: null,
    last_name: null,
    company: null,
    address_1: null,
    address_2: null,
    city: null,
    province: null,
    postal_code: null,
    phone: null,
    metadata: null,
    country_code: address.country_code ?? null,
  }
}
