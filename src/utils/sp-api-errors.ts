import { MedusaError } from "@medusajs/framework/utils"
import { SpApiAuthError, SpApiError, SpApiNetworkError, SpApiThrottledError } from "../lib/sp-api"
import { AmazonNotConfiguredError } from "../modules/amazon/lib/sp-api-connections"

/** True when Amazon says the seller's authorization is gone (revoked, expired, wrong token). */
export function isAuthorizationLost(error: unknown): error is SpApiAuthError {
  return error instanceof SpApiAuthError && (error.code === "invalid_grant" || error.code === "unauthorized_client")
}

/** Amazon's own reason, for a store owner: code and message, no request internals. */
export function amazonReason(error: SpApiError): string {
  const message = error.amazonMessage ?? error.message
  return error.code ? `${error.code}: ${message}` : message
}

/**
 * The one place where SP-API failures become MedusaErrors (STYLE §7), each
 * with what to do next. Anything else is passed through.
 */
export function toMedusaError(error: unknown, action: string): unknown {
  if (error instanceof MedusaError) return error
  if (error instanceof AmazonNotConfiguredError) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
  }
  if (error instanceof SpApiAuthError) {
    if (error.code === "invalid_client") {
      return new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Amazon refused this app's credentials while trying to ${action} (${amazonReason(error)}). Check AMAZON_LWA_CLIENT_ID and AMAZON_LWA_CLIENT_SECRET.`
      )
    }
    return new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Amazon refused the authorization while trying to ${action} (${amazonReason(error)}). The refresh token is wrong, revoked, or belongs to another app or region: authorize the store again.`
    )
  }
  if (error instanceof SpApiThrottledError) {
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Amazon is throttling requests while trying to ${action}; nothing was lost — try again in a minute.`
    )
  }
  if (error instanceof SpApiError && error.code === "MalformedResponse") {
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Could not ${action}: Amazon's answer was not valid JSON${error.attempts && error.attempts > 1 ? ` (${error.attempts} times)` : ""}${error.requestId ? ` [request id ${error.requestId}]` : ""}. Nothing was changed; the next run asks again.`
    )
  }
  if (error instanceof SpApiError && error.code === "CorruptDocument") {
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Could not ${action}: the document Amazon sent could not be read completely (a cut-off transfer or corrupt gzip). Nothing of it was used; the next run reads it again.`
    )
  }
  if (error instanceof SpApiNetworkError) {
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Amazon did not answer while trying to ${action} (${error.code ?? "network error"}); try again shortly.`
    )
  }
  if (error instanceof SpApiError) {
    if (error.status === 403) {
      return new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Amazon denied access while trying to ${action} (${amazonReason(error)}). Check that the app has the needed roles and the seller authorized it for this region.`
      )
    }
    if (error.status !== undefined && error.status < 500) {
      return new MedusaError(MedusaError.Types.INVALID_DATA, `Amazon refused to ${action}: ${amazonReason(error)}`)
    }
    return new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Amazon failed while trying to ${action} (${amazonReason(error)}); try again shortly.`
    )
  }
  return error
}
