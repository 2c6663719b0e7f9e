import { strings } from "./strings"

export type DescribedError = { message: string; hint: string; status?: number }

/** A message from the server is shown as it is, unless it is not prose (a JSON or HTML body). */
function readable(message: unknown): string | undefined {
  if (typeof message !== "string") return undefined
  const text = message.trim()
  if (!text || /^[{[<]/.test(text) || text.length > 600) return undefined
  return text
}

/**
 * Turns whatever a call threw (the js-sdk's FetchError carries Medusa's
 * `{ type, message }` message and the HTTP status) into a sentence and what to
 * do next. The page never shows the raw error.
 */
export function describeError(error: unknown): DescribedError {
  const status =
    typeof error === "object" && error !== null && typeof (error as { status?: unknown }).status === "number"
      ? (error as { status: number }).status
      : undefined
  const message = readable((error as { message?: unknown } | null)?.message)

  if (status === undefined) {
    // fetch() itself failed: no answer at all
    if (error instanceof TypeError) return { message: strings.errors.network, hint: strings.errors.networkHint }
    return { message: message ?? strings.errors.unknown, hint: strings.errors.unknownHint }
  }
  const statusText = [
    "Bad Request",
    "Unauthorized",
    "Forbidden",
    "Not Found",
    "Conflict",
    "Internal Server Error",
  ]
  // FetchError falls back to the HTTP status text when the body had no message
  const own = message && !statusText.includes(message) ? message : undefined
  if (status === 401) return { status, message: strings.errors.unauthorized, hint: strings.errors.unauthorizedHint }
  if (status === 403) return { status, message: own ?? strings.errors.forbidden, hint: strings.errors.forbiddenHint }
  if (status === 404) return { status, message: own ?? strings.errors.notFound, hint: strings.errors.notFoundHint }
  if (status === 409) return { status, message: own ?? strings.errors.conflict, hint: strings.errors.conflictHint }
  if (status >= 400 && status < 500) return { status, message: own ?? strings.errors.invalid, hint: strings.errors.invalidHint }
  if (status >= 500) return { status, message: own ?? strings.errors.server, hint: strings.errors.serverHint }
  return { status, message: own ?? strings.errors.unknown, hint: strings.errors.unknownHint }
}

/** For toasts: "message — hint" fits one toast. */
export function errorToast(error: unknown): { title: string; description: string } {
  const { message, hint } = describeError(error)
  return { title: message, description: hint }
}
