import type { SpApiTransport } from "../transport"

/*
 * Sellers API v1 (models/sellers-api-model/sellers.json). There is no `@sp-api-sdk/sellers-api-v1` in the
 * registry we can reach, so the one call and its types are written by hand from the model.
 */

/** A marketplace as Sellers v1 describes it (`Marketplace` definition). */
export interface SellersMarketplace {
  /** The marketplace id, e.g. `A1PA6795UKMFR9`. */
  id: string
  name: string
  /** ISO 3166-1 alpha-2 (note: the UK marketplace reports `GB` here). */
  countryCode: string
  /** ISO 4217 */
  defaultCurrencyCode: string
  /** e.g. `de_DE` */
  defaultLanguageCode: string
  domainName: string
}

/** `Participation`: whether the seller sells there. */
export interface SellersParticipation {
  isParticipating: boolean
  /** `true` when the seller's listing status is Inactive in that marketplace. */
  hasSuspendedListings: boolean
}

export interface MarketplaceParticipation {
  marketplace: SellersMarketplace
  participation: SellersParticipation
  /** The seller's store name in that marketplace. */
  storeName: string
}

/** `GetMarketplaceParticipationsResponse` */
export interface GetMarketplaceParticipationsResponse {
  payload?: MarketplaceParticipation[]
  errors?: Array<{ code: string; message?: string; details?: string }>
}

export class SellersOperations {
  constructor(private readonly transport: SpApiTransport) {}

  /**
   * The marketplaces the seller can sell in (rate 0.016/s, burst 15). Also the cheapest way to check that a
   * refresh token works: the Medusa side calls it when a store is connected.
   */
  getMarketplaceParticipations(): Promise<GetMarketplaceParticipationsResponse> {
    return this.transport.data("getMarketplaceParticipations", (options) =>
      this.transport.http.request<GetMarketplaceParticipationsResponse>({
        ...options,
        method: "GET",
        url: `${this.transport.basePath}/sellers/v1/marketplaceParticipations`,
        headers: { ...options.headers, accept: "application/json" },
      })
    )
  }
}
