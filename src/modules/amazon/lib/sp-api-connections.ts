import {
  LwaClient,
  RateLimiterRegistry,
  SpApiClient,
  type SpApiLogger,
  type SpApiRegion,
} from "../../../lib/sp-api"
import type { AmazonModuleOptions } from "../types"

export class AmazonNotConfiguredError extends Error {
  constructor() {
    super(
      "Amazon is not configured: set AMAZON_LWA_CLIENT_ID and AMAZON_LWA_CLIENT_SECRET (plugin options lwaClientId / lwaClientSecret)."
    )
    this.name = "AmazonNotConfiguredError"
  }
}

/**
 * One LWA token cache and one set of rate-limit buckets per process, shared by
 * every store's client: the buckets are per seller and operation (quotas are
 * per seller × app), and a job and a route talking to the same seller must
 * draw from the same bucket.
 */
export class SpApiConnections {
  private lwa_?: LwaClient
  readonly rateLimiter = new RateLimiterRegistry()

  constructor(
    private readonly options: AmazonModuleOptions,
    private readonly logger?: SpApiLogger
  ) {}

  get configured(): boolean {
    return !!(this.options.lwaClientId && this.options.lwaClientSecret)
  }

  lwa(): LwaClient {
    if (!this.options.lwaClientId || !this.options.lwaClientSecret) {
      throw new AmazonNotConfiguredError()
    }
    this.lwa_ ??= new LwaClient({
      clientId: this.options.lwaClientId,
      clientSecret: this.options.lwaClientSecret,
      tokenUrl: this.options.lwaTokenUrl,
      logger: this.logger,
    })
    return this.lwa_
  }

  client(input: { refreshToken: string; region: SpApiRegion; sellingPartnerId?: string | null }): SpApiClient {
    const lwa = this.lwa()
    return new SpApiClient({
      clientId: this.options.lwaClientId!,
      clientSecret: this.options.lwaClientSecret!,
      refreshToken: input.refreshToken,
      region: input.region,
      sellingPartnerId: input.sellingPartnerId ?? undefined,
      endpoint: this.options.spApiEndpoint,
      lwa,
      rateLimiter: this.rateLimiter,
      logger: this.logger,
    })
  }
}
