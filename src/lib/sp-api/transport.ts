import { performance } from "node:perf_hooks"
import type { AxiosInstance, AxiosResponse, RawAxiosRequestConfig } from "axios"
import { errorFromAxios, header } from "./axios-error"
import type { ResolvedSpApiConfig } from "./config"
import { SpApiAuthError, SpApiError, SpApiThrottledError } from "./errors"
import type { SpApiLogger } from "./logger"
import type { LwaClient } from "./lwa"
import type { RateLimiterRegistry } from "./rate-limiter"
import type { Redactor } from "./redact"
import { withRetries } from "./retry"

/**
 * Operations that must not be sent twice when the first attempt may have reached Amazon (retry.ts).
 * createFeedDocument and createReport are left out on purpose: a duplicate only leaves an unused upload
 * slot or an extra report behind.
 */
const NON_IDEMPOTENT = new Set(["createFeed", "confirmShipment", "createFulfillmentOrder"])

export interface SpApiTransportDeps {
  config: ResolvedSpApiConfig
  lwa: LwaClient
  limiter: RateLimiterRegistry
  redactor: Redactor
  logger: SpApiLogger
  http: AxiosInstance
}

/**
 * Sends one SP-API operation: waits for quota, attaches the access token and user agent, retries what may be
 * retried, feeds the limiter what Amazon says about the quota, and turns failures into `SpApiError`s.
 * `send` performs one HTTP attempt with the request options it is given — usually a generated bizon
 * `XxxApi` method bound to our axios instance, so the generated code builds the path, query and body.
 */
export class SpApiTransport {
  constructor(private readonly deps: SpApiTransportDeps) {}

  get http(): AxiosInstance {
    return this.deps.http
  }

  get basePath(): string {
    return this.deps.config.endpoint
  }

  async call<T>(
    operation: string,
    send: (options: RawAxiosRequestConfig) => Promise<AxiosResponse<T>>
  ): Promise<AxiosResponse<T>> {
    const { config, lwa, limiter, logger, redactor } = this.deps
    const idempotent = !NON_IDEMPOTENT.has(operation)
    let reauthorized = false

    const attempt = async (n: number): Promise<AxiosResponse<T>> => {
      // Token first: the first call of a seller waits for LWA here, not between its quota grant and its send.
      redactor.add(await lwa.getAccessToken(config.refreshToken))
      await limiter.acquire(config.partnerKey, operation)
      const accessToken = await lwa.getAccessToken(config.refreshToken) // cached; renewed if the wait was long
      redactor.add(accessToken)
      const started = performance.now()
      try {
        const response = await send({
          headers: { ...config.headers, "x-amz-access-token": accessToken, "user-agent": config.userAgent },
          timeout: config.timeoutMs,
          // with silentJSONParsing off (client.ts), a body that is not JSON becomes an error, not a string
          responseType: "json",
        })
        limiter.observeRateLimitHeader(config.partnerKey, operation, header(response.headers, "x-amzn-ratelimit-limit"))
        logger.debug(
          `${operation}: HTTP ${response.status} in ${Math.round(performance.now() - started)} ms` +
            ` (attempt ${n + 1}, request id ${header(response.headers, "x-amzn-requestid") ?? "-"})`
        )
        return response
      } catch (thrown) {
        const error = errorFromAxios(thrown, { operation, idempotent, attempt: n + 1, redactor })
        const limitHeader = (thrown as { response?: AxiosResponse }).response?.headers
        limiter.observeRateLimitHeader(config.partnerKey, operation, header(limitHeader, "x-amzn-ratelimit-limit"))
        if (error instanceof SpApiThrottledError) {
          limiter.throttled(config.partnerKey, operation)
        }
        if (error instanceof SpApiAuthError && error.status !== undefined && !reauthorized) {
          // A token refused by SP-API may have been revoked or expired early: fetch a fresh one, once.
          reauthorized = true
          lwa.invalidate(config.refreshToken)
          throw retryableCopy(error)
        }
        throw error
      }
    }

    try {
      return await withRetries(attempt, {
        policy: config.retry,
        unrefTimers: config.unrefTimers,
        // LWA failures were already retried by the LwaClient; do not multiply its attempts here
        shouldRetry: (error) => error.retryable && !error.operation.startsWith("lwa:"),
        onRetry: (error, retry, delay) =>
          logger.warn(
            `${operation}: ${error.status ? `HTTP ${error.status}` : "no response"} ${error.code ?? ""},` +
              ` retry ${retry}/${config.retry.maxRetries} in ${delay} ms (request id ${error.requestId ?? "-"})`
          ),
      })
    } catch (error) {
      if (error instanceof SpApiError) {
        // a 4xx is usually an answer for the caller (not found, invalid input), not an incident
        const answered = error.status !== undefined && error.status < 500 && error.status !== 429
        logger[answered ? "warn" : "error"](error.message)
      }
      throw error
    }
  }

  /** `call` returning the body only. */
  async data<T>(operation: string, send: (options: RawAxiosRequestConfig) => Promise<AxiosResponse<T>>): Promise<T> {
    return (await this.call(operation, send)).data
  }
}

function retryableCopy(error: SpApiAuthError): SpApiAuthError {
  return new SpApiAuthError({
    operation: error.operation,
    status: error.status,
    code: error.code,
    amazonMessage: error.amazonMessage,
    details: error.details,
    errors: error.errors,
    requestId: error.requestId,
    attempts: error.attempts,
    retryable: true,
  })
}
