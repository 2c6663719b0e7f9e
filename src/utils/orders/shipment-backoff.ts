/** After this many failed confirmations a shipment waits for the merchant (the admin's retry button). */
export const MAX_SHIPMENT_ATTEMPTS = 8

const MINUTE_MS = 60 * 1000
const MAX_DELAY_MS = 6 * 60 * MINUTE_MS

/**
 * When a failed confirmation is tried again: 1, 2, 4 … minutes after the attempt, at most 6 hours; null once
 * the attempts are used up. confirmShipment's quota (2 rps, burst 10) is not what limits this — Amazon's
 * own reasons (an order not yet payable, a carrier outage) take minutes to hours to clear.
 */
export function nextShipmentAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_SHIPMENT_ATTEMPTS) return null
  const delay = Math.min(MAX_DELAY_MS, MINUTE_MS * 2 ** Math.max(0, attempts - 1))
  return new Date(now.getTime() + delay)
}
