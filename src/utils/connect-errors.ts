/**
 * Why a connection attempt failed, as the codes the consent callback puts in
 * `?connect_error=` (the admin shows its own text for each; a link someone
 * crafted with any other value shows a generic text, never the link's words).
 */
export const CONNECT_ERROR_CODES = [
  /** Amazon sent no authorization code: the consent was declined or interrupted */
  "declined",
  /** the seller id Amazon sent back is not a merchant token */
  "invalid_seller",
  /** this store is connected to another seller account and the change was not confirmed */
  "seller_changed",
  /** this seller account is already connected as another store in the region */
  "seller_taken",
  /** Amazon did not accept the authorization code (expired after 5 minutes, or already used) */
  "exchange_failed",
  /** Amazon refused the new authorization when asked which marketplaces the seller sells in */
  "verification_failed",
  /** MEDUSA_BACKEND_URL is not set outside development: there is no redirect URI to trust */
  "not_configured",
  "failed",
] as const
export type ConnectErrorCode = (typeof CONNECT_ERROR_CODES)[number]

/**
 * Error codes of LWA (RFC 6749 §5.2) and SP-API that may travel as `?connect_reason=`:
 * identifiers only, from this list, so the parameter can never carry a sentence.
 */
export const CONNECT_REASONS = [
  "invalid_grant",
  "invalid_request",
  "invalid_client",
  "unauthorized_client",
  "unsupported_grant_type",
  "invalid_scope",
  "access_denied",
  "server_error",
  "temporarily_unavailable",
  "Unauthorized",
  "InvalidInput",
  "QuotaExceeded",
] as const

/** Amazon's merchant token (Seller Central → Account Info): what selling_partner_id must look like. */
export const SELLER_ID_PATTERN = /^[A-Z0-9]{8,20}$/

/** The message a workflow failed with → the code (and Amazon's error code, when one is known) for the redirect. */
export function connectErrorOf(message: string): { connect_error: ConnectErrorCode; connect_reason?: string } {
  const reason = CONNECT_REASONS.find((code) => new RegExp(`\\b${code}\\b`).test(message))
  const code: ConnectErrorCode = /already connected as the store/.test(message)
    ? "seller_taken"
    : /is connected to Amazon seller .* replace/i.test(message)
      ? "seller_changed"
      : /exchange the authorization code/.test(message)
        ? "exchange_failed"
        : /verify the authorization/.test(message)
          ? "verification_failed"
          : /MEDUSA_BACKEND_URL/.test(message)
            ? "not_configured"
            : "failed"
  return reason ? { connect_error: code, connect_reason: reason } : { connect_error: code }
}

/**
 * A store already connected to one seller account is never switched to
 * another silently: the change must be confirmed (replace_seller), because the
 * store's listings mirror and sync cursors describe the old account. Returns
 * the refusal, or null when the connection may go ahead.
 */
export function sellerChangeRefusal(input: { current: string | null; incoming: string; confirmed: boolean }): string | null {
  if (!input.current || input.current === input.incoming || input.confirmed) return null
  return (
    `This store is connected to Amazon seller ${input.current}, but the authorization is for seller ${input.incoming}. ` +
    `To replace the seller account (its listings on this store are forgotten and imported again from the new account), confirm with Replace seller account (replace_seller: true); ` +
    `to sell with both, add another store.`
  )
}
