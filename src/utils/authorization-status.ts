const DAY_MS = 24 * 60 * 60 * 1000

/** Stores are reminded this long before the yearly re-authorization is due. */
export const EXPIRY_WARNING_DAYS = 30

export type StoreStatusUpdate = { status: "connected" | "expired" | "revoked"; status_message: string | null }

/** Days left before the authorization lapses (negative when past), or null when unknown. */
export function daysUntil(expiresAt: Date | string | null | undefined, now: Date = new Date()): number | null {
  if (!expiresAt) return null
  return Math.floor((new Date(expiresAt).getTime() - now.getTime()) / DAY_MS)
}

export function isExpiring(expiresAt: Date | string | null | undefined, now: Date = new Date()): boolean {
  const days = daysUntil(expiresAt, now)
  return days !== null && days <= EXPIRY_WARNING_DAYS
}

/**
 * What a store's status should say after Amazon refused its token: "expired"
 * once the yearly authorization has run out (or is about to), otherwise
 * "revoked" (the seller removed the app, or the token was replaced).
 */
export function statusAfterLostAuthorization(
  reason: string,
  expiresAt: Date | string | null | undefined,
  now: Date = new Date()
): StoreStatusUpdate {
  const days = daysUntil(expiresAt, now)
  const expired = days !== null && days <= 0
  return {
    status: expired ? "expired" : "revoked",
    status_message: expired
      ? `Amazon authorization expired on ${new Date(expiresAt!).toISOString().slice(0, 10)} (${reason}). Sync is paused: re-authorize the store to resume.`
      : `Amazon no longer accepts this store's authorization (${reason}). Sync is paused: re-authorize the store to resume.`,
  }
}

/** The message a connected store carries while its authorization is about to lapse. */
export function expiryReminder(expiresAt: Date | string, now: Date = new Date()): string | null {
  const days = daysUntil(expiresAt, now)
  if (days === null || days > EXPIRY_WARNING_DAYS) return null
  const date = new Date(expiresAt).toISOString().slice(0, 10)
  return days <= 0
    ? `Amazon authorization expired on ${date}. Sync is paused: re-authorize the store to resume.`
    : `Amazon authorization expires in ${days} day${days === 1 ? "" : "s"} (on ${date}). Re-authorize before then, or sync stops.`
}
