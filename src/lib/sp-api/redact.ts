/**
 * The one redaction helper. Every log line and every error message of the client passes through it, so an
 * LWA token, the app's client secret, a presigned-URL credential or buyer data never leaves the process in
 * text (DPP §1.4/§1.7, notes §9). Two layers:
 *  - patterns for the shapes Amazon's secrets always have (`Atza|…`, `Atzr|…`, `amzn1.oa2-cs.v1.…`,
 *    `X-Amz-Signature=…`, `refresh_token=…`), so a secret we were never told about is still caught;
 *  - the exact values a `Redactor` was given (the configured client secret and refresh token, issued access
 *    tokens, an authorization code), for secrets without a recognisable shape (sandboxes, tests).
 */

export const REDACTED = "[redacted]"

const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // LWA access tokens (Atza|…) and refresh tokens (Atzr|…)
  [/Atz[ar]\|[^\s"'&,;)}\]]+/g, REDACTED],
  // LWA client secrets
  [/amzn1\.oa2-cs\.v1\.[A-Za-z0-9]+/g, REDACTED],
  // presigned S3 URL credentials (feed/report documents are readable by anyone holding the URL)
  [/(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\s"']+/gi, `$1${REDACTED}`],
  // form fields, query parameters, headers and JSON properties that carry secrets
  [
    /((?:refresh_token|access_token|client_secret|spapi_oauth_code|x-amz-access-token|restrictedDataToken)["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi,
    `$1${REDACTED}`,
  ],
]

/** Object keys whose values are secrets or buyer PII, whatever they contain. */
const SENSITIVE_KEY =
  /^(?:access_?token|refresh_?token|client_?secret|x-amz-access-token|authorization|password|secret|restricted_?data_?token|spapi_oauth_code|buyer(?:_?info|_?name|_?email|_?phone)?|recipient|(?:shipping|delivery|buyer)_?address|address(?:es)?|email|phone)$/i

/** Replaces every secret in `text`: the known shapes, then the exact `secrets` given. */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text
  for (const [pattern, replacement] of SECRET_PATTERNS) {
    out = out.replace(pattern, replacement)
  }
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; they are not secrets worth the name.
    if (secret && secret.length >= 6 && out.includes(secret)) {
      out = out.split(secret).join(REDACTED)
    }
  }
  return out
}

/** A deep copy of `value` with sensitive keys blanked and every string passed through {@link redactText}. */
export function redactValue(value: unknown, secrets: Iterable<string> = [], depth = 0): unknown {
  const known = Array.isArray(secrets) ? (secrets as string[]) : [...secrets]
  if (typeof value === "string") {
    return redactText(value, known)
  }
  if (value === null || typeof value !== "object") {
    return value
  }
  if (depth > 8) {
    return "[…]"
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, known, depth + 1))
  }
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SENSITIVE_KEY.test(key) && item != null ? REDACTED : redactValue(item, known, depth + 1)
  }
  return out
}

/**
 * Holds the exact secret values one client (or one LWA client) knows about, bounded so that a process that
 * refreshes tokens for many sellers for months does not grow without limit (patterns catch real Amazon
 * tokens anyway; the exact list is the second layer).
 */
export class Redactor {
  private readonly secrets = new Set<string>()

  constructor(
    secrets: Iterable<string | undefined> = [],
    private readonly capacity = 256
  ) {
    for (const secret of secrets) {
      this.add(secret)
    }
  }

  add(secret: string | undefined): void {
    if (!secret) {
      return
    }
    this.secrets.delete(secret)
    this.secrets.add(secret)
    if (this.secrets.size > this.capacity) {
      const oldest = this.secrets.values().next().value
      if (oldest !== undefined) {
        this.secrets.delete(oldest)
      }
    }
  }

  text(text: string): string {
    return redactText(text, this.secrets)
  }

  value(value: unknown): unknown {
    return redactValue(value, [...this.secrets])
  }
}
