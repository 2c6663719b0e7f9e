import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto"

/**
 * The consent round trip's `state`: `<storeId>.<nonce>.<expiresAtMs>.<mode>.<hmac>`,
 * mode "connect", or "replace" when the admin confirmed replacing the store's
 * seller account (signed with the rest, so the callback cannot be made to switch sellers).
 * The HMAC (key derived from the encryption key) makes it unforgeable; the
 * store keeps only the SHA-256 of the current one, cleared when used, which
 * makes it single-use; the expiry bounds it to 10 minutes.
 */
export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000

export type IssuedOAuthState = { state: string; hash: string; expiresAt: Date }

export type OAuthStateCheck =
  | { ok: true; storeId: string; hash: string; replaceSeller: boolean }
  | { ok: false; reason: "malformed" | "forged" | "expired" }

function sign(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url")
}

export function hashOAuthState(state: string): string {
  return createHash("sha256").update(state).digest("hex")
}

export function issueOAuthState(
  key: Buffer,
  storeId: string,
  now: number = Date.now(),
  options: { replaceSeller?: boolean } = {}
): IssuedOAuthState {
  const expiresAt = now + OAUTH_STATE_TTL_MS
  const payload = `${storeId}.${randomBytes(16).toString("base64url")}.${expiresAt}.${options.replaceSeller ? "replace" : "connect"}`
  const state = `${payload}.${sign(key, payload)}`
  return { state, hash: hashOAuthState(state), expiresAt: new Date(expiresAt) }
}

export function checkOAuthState(key: Buffer, state: string, now: number = Date.now()): OAuthStateCheck {
  const parts = state.split(".")
  if (parts.length !== 5 || parts.some((p) => !p)) return { ok: false, reason: "malformed" }
  const [storeId, nonce, expiresAt, mode, mac] = parts
  const expected = Buffer.from(sign(key, `${storeId}.${nonce}.${expiresAt}.${mode}`))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "forged" }
  if (!/^\d+$/.test(expiresAt) || Number(expiresAt) < now) return { ok: false, reason: "expired" }
  if (mode !== "connect" && mode !== "replace") return { ok: false, reason: "malformed" }
  return { ok: true, storeId, hash: hashOAuthState(state), replaceSeller: mode === "replace" }
}
