import { FbaInventoryApi, type InventorySummary } from "@sp-api-sdk/fba-inventory-api-v1"
import type { SpApiTransport } from "../transport"

export type { InventorySummary }

export interface InventorySummariesParams {
  /** the pool's reference marketplace (granularityId and the one marketplaceIds entry) */
  marketplaceId: string
  /** "changed since" (≤ 18 months back); Amazon does not report changes of inbound quantities this way */
  startDateTime?: string
}

/** One page of summaries and the token for the next (absent on the last page; it dies 30 s after issue). */
export interface InventorySummariesPage {
  summaries: InventorySummary[]
  nextToken?: string
}

/**
 * FBA Inventory v1 (models/fba-inventory-api-model/fbaInventory.json): `getInventorySummaries`, 2 rps, burst 2.
 * Always with details (fulfillable, inbound, reserved, unfulfillable). Pages are fetched back to back because
 * a nextToken "will expire 30 seconds after being created"; startDateTime must be repeated with it.
 */
export class FbaInventoryOperations {
  private readonly api: FbaInventoryApi

  constructor(private readonly transport: SpApiTransport) {
    this.api = new FbaInventoryApi(undefined, transport.basePath, transport.http)
  }

  /** One page. */
  getInventorySummaries(params: InventorySummariesParams & { nextToken?: string }): Promise<InventorySummariesPage> {
    return this.transport
      .data("getInventorySummaries", (options) =>
        this.api.getInventorySummaries(
          {
            granularityType: "Marketplace",
            granularityId: params.marketplaceId,
            marketplaceIds: [params.marketplaceId],
            details: true,
            ...(params.startDateTime ? { startDateTime: params.startDateTime } : {}),
            ...(params.nextToken ? { nextToken: params.nextToken } : {}),
          },
          options
        )
      )
      .then((response) => ({
        summaries: response.payload?.inventorySummaries ?? [],
        ...(response.pagination?.nextToken ? { nextToken: response.pagination.nextToken } : {}),
      }))
  }

  /** Every page, in order. */
  async *inventorySummaryPages(params: InventorySummariesParams): AsyncGenerator<InventorySummariesPage> {
    let nextToken: string | undefined
    do {
      const page = await this.getInventorySummaries({ ...params, nextToken })
      yield page
      nextToken = page.nextToken
    } while (nextToken)
  }
}
