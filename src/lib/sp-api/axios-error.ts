import { isAxiosError } from "axios"
import {
  type AmazonApiError,
  SpApiAuthError,
  SpApiError,
  SpApiNetworkError,
  SpApiThrottledError,
} from "./errors"
import type { Redactor } from "./redact"
import { classifyNetworkError, isRetryable } from "./retry"

export interface ErrorFromAxiosContext {
  operation: string
  /** Whether the operation may be repeated without a second effect (see retry.ts). */
  idempotent: boolean
  /** 1-based number of the attempt that failed. */
  attempt: number
  redactor: Redactor
}

/** Turns whatever one HTTP attempt threw into the client's own error, classified for retrying. */
export function errorFromAxios(error: unknown, context: ErrorFromAxiosContext): SpApiError {
  if (error instanceof SpApiError) {
    return error
  }
  const { operation, idempotent, attempt, redactor } = context
  if (!isAxiosError(error)) {
    // e.g. the generated clients' RequiredError ("Required parameter sku was null or undefined …"):
    // raised before anything was sent
    const message = error instanceof Error ? error.message : String(error)
    return new SpApiError({ operation, code: "InvalidRequest", amazonMessage: redactor.text(message), attempts: attempt })
  }

  const response = error.response
  if (!response || (error.code === "ERR_BAD_RESPONSE" && response.status < 300)) {
    // no response, or a 2xx whose body could not be read (malformed JSON): Amazon may have acted on it
    const failure = response ? ({ kind: "maybe-received", timeout: false } as const) : classifyNetworkError(error.code)
    const timeout = failure.kind === "maybe-received" && failure.timeout
    return new SpApiNetworkError({
      operation,
      status: response?.status,
      code: response ? "MalformedResponse" : timeout ? "Timeout" : (error.code ?? "NetworkError"),
      amazonMessage: response
        ? "The response body could not be parsed"
        : timeout
          ? "No response within the timeout"
          : redactor.text(error.message),
      requestId: header(response?.headers, "x-amzn-requestid"),
      retryable: isRetryable(failure, idempotent),
      mayHaveBeenReceived: failure.kind === "maybe-received",
      attempts: attempt,
    })
  }

  const status = response.status
  const requestId = header(response.headers, "x-amzn-requestid")
  const errors = amazonErrors(response.data, redactor)
  const first = errors[0]
  const init = {
    operation,
    status,
    code: first?.code,
    amazonMessage: first?.message,
    details: first?.details || undefined,
    errors,
    requestId,
    retryable: isRetryable({ kind: "http", status }, idempotent),
    attempts: attempt,
  }
  if (status === 429) {
    return new SpApiThrottledError({ ...init, code: init.code ?? "QuotaExceeded" })
  }
  if (status === 401 || status === 403) {
    return new SpApiAuthError({ ...init, code: init.code ?? "Unauthorized" })
  }
  return new SpApiError(init)
}

/** Reads `{"errors": [...]}` (SP-API) or `{"error", "error_description"}` (LWA), redacted. */
export function amazonErrors(body: unknown, redactor: Redactor): AmazonApiError[] {
  let data = body
  if (typeof data === "string") {
    try {
      data = JSON.parse(data)
    } catch {
      return []
    }
  }
  if (!data || typeof data !== "object") {
    return []
  }
  const record = data as Record<string, unknown>
  if (Array.isArray(record.errors)) {
    return record.errors
      .filter((e): e is Record<string, unknown> => !!e && typeof e === "object")
      .map((e) => ({
        code: String(e.code ?? "Unknown"),
        ...(typeof e.message === "string" ? { message: redactor.text(e.message) } : {}),
        ...(typeof e.details === "string" ? { details: redactor.text(e.details) } : {}),
      }))
  }
  if (typeof record.error === "string") {
    return [
      {
        code: record.error,
        ...(typeof record.error_description === "string"
          ? { message: redactor.text(record.error_description) }
          : {}),
      },
    ]
  }
  return []
}

/** One response header, case-insensitively, as a string. */
export function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") {
    return undefined
  }
  const getter = (headers as { get?: unknown }).get
  let value: unknown
  if (typeof getter === "function") {
    value = getter.call(headers, name)
  }
  if (value === undefined || value === null) {
    const wanted = name.toLowerCase()
    for (const [key, v] of Object.entries(headers as Record<string, unknown>)) {
      if (key.toLowerCase() === wanted) {
        value = v
        break
      }
    }
  }
  if (Array.isArray(value)) {
    value = value[0]
  }
  return value === undefined || value === null || value === false ? undefined : String(value)
}
