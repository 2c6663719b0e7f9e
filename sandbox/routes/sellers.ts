import { Router } from "express"
import { SandboxContext } from "../context"
import { spApiRoute } from "../http"
import { marketplace } from "../marketplaces"

const API = "sellers"

/** Sellers API v1: the marketplaces the selling partner participates in. */
export function sellersRoutes(ctx: SandboxContext, router: Router): void {
  spApiRoute(ctx, router, { operationId: "getMarketplaceParticipations", api: API, method: "get", path: "/sellers/v1/marketplaceParticipations" }, (_req, res, call) => {
    const payload = call.seller.marketplaceIds.map((id) => {
      const m = marketplace(id)
      return {
        marketplace: {
          id,
          countryCode: m?.countryCode ?? "",
          name: m?.name ?? id,
          defaultCurrencyCode: m?.currency ?? "",
          defaultLanguageCode: m?.language ?? "",
          domainName: m?.domain ?? "",
        },
        storeName: call.seller.storeName,
        participation: { isParticipating: true, hasSuspendedListings: false },
      }
    })
    res.json({ payload })
  })
}
