import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { listStaticExamples, type SandboxHandle, startSandbox } from "../../../../sandbox/server"
import type { SpApiClient } from "../client"
import { SpApiError } from "../errors"
import { euClient, SANDBOX } from "./sandbox-fixture"

/**
 * Contract test: every `x-amzn-api-sandbox.static` example in Amazon's models, for every operation the
 * client has, replayed through the sandbox *via the client's own operation method* (the sandbox answers a
 * request carrying `x-amzn-api-sandbox: static` from the matching example). The client must send a request
 * that selects the example and must hand back the example's body: the typed result for 2xx, the parsed
 * `errors` of an `SpApiError` with the example's status otherwise.
 *
 * Models folder: the sandbox's rule — AMAZON_SP_API_MODELS_DIR, else <repo>/../shared/amazon-sp-api.
 */

const MODELS_DIR = process.env.AMAZON_SP_API_MODELS_DIR ?? resolve(__dirname, "../../../../../shared/amazon-sp-api")

/** Stand-in for path parameters an example leaves open (the sandbox's own PATH_FILLER). */
const FILLER = "sandbox-static"

type Params = Record<string, unknown>
type Invoke = (client: SpApiClient, p: Params) => Promise<unknown>

const any = (value: unknown) => value as never
const str = (value: unknown) => (value === undefined ? FILLER : String(value))
const list = (value: unknown, fallback: string[]) => (value === undefined ? fallback : (value as string[]))

/** Keyed by model file + operationId (getOrder exists in Orders v0 and 2026-01-01; we call the latter). */
const OPERATIONS: Record<string, Invoke> = {
  "sellers:getMarketplaceParticipations": (c) => c.sellers.getMarketplaceParticipations(),

  "orders_2026-01-01:searchOrders": (c, p) => c.orders.searchOrders(any(p)),
  "orders_2026-01-01:getOrder": (c, p) => c.orders.getOrder(any(str(p.orderId)), any(p.includedData)),
  "ordersV0:confirmShipment": (c, p) => c.ordersV0.confirmShipment(any(str(p.orderId)), any(p.body)),

  "feeds_2021-06-30:createFeedDocument": (c, p) => c.feeds.createFeedDocument(any(p.body)),
  "feeds_2021-06-30:createFeed": (c, p) => c.feeds.createFeed(any(p.body)),
  "feeds_2021-06-30:getFeed": (c, p) => c.feeds.getFeed(any(str(p.feedId))),
  "feeds_2021-06-30:getFeeds": (c, p) => c.feeds.getFeeds(any(p)),
  "feeds_2021-06-30:cancelFeed": (c, p) => c.feeds.cancelFeed(any(str(p.feedId))),
  "feeds_2021-06-30:getFeedDocument": (c, p) => c.feeds.getFeedDocument(any(str(p.feedDocumentId))),

  "catalogItems_2022-04-01:searchCatalogItems": (c, p) =>
    c.catalogItems.searchCatalogItems(any({ ...p, marketplaceIds: list(p.marketplaceIds, [SANDBOX.US]) })),
  "catalogItems_2022-04-01:getCatalogItem": (c, p) =>
    c.catalogItems.getCatalogItem(any({ ...p, asin: str(p.asin), marketplaceIds: list(p.marketplaceIds, [SANDBOX.US]) })),

  "listingsItems_2021-08-01:getListingsItem": (c, p) => c.listingsItems.getListingsItem(any(listing(p))),
  "listingsItems_2021-08-01:putListingsItem": (c, p) => c.listingsItems.putListingsItem(any({ body: {}, ...listing(p) })),
  "listingsItems_2021-08-01:patchListingsItem": (c, p) => c.listingsItems.patchListingsItem(any({ body: {}, ...listing(p) })),
  "listingsItems_2021-08-01:deleteListingsItem": (c, p) => c.listingsItems.deleteListingsItem(any(listing(p))),
  "listingsItems_2021-08-01:searchListingsItems": (c, p) =>
    c.listingsItems.searchListingsItems(any({ ...p, sellerId: str(p.sellerId), marketplaceIds: list(p.marketplaceIds, [SANDBOX.US]) })),

  "reports_2021-06-30:createReport": (c, p) => c.reports.createReport(any(p.body)),
  "reports_2021-06-30:getReport": (c, p) => c.reports.getReport(any(str(p.reportId))),
  "reports_2021-06-30:getReports": (c, p) => c.reports.getReports(any(p)),
  "reports_2021-06-30:cancelReport": (c, p) => c.reports.cancelReport(any(str(p.reportId))),
  "reports_2021-06-30:getReportDocument": (c, p) => c.reports.getReportDocument(any(str(p.reportDocumentId))),

  "definitionsProductTypes_2020-09-01:searchDefinitionsProductTypes": (c, p) =>
    c.productTypeDefinitions.searchDefinitionsProductTypes(any({ ...p, marketplaceIds: list(p.marketplaceIds, [SANDBOX.US]) })),
  "definitionsProductTypes_2020-09-01:getDefinitionsProductType": (c, p) =>
    c.productTypeDefinitions.getDefinitionsProductType(
      any({ ...p, productType: str(p.productType), marketplaceIds: list(p.marketplaceIds, [SANDBOX.US]) })
    ),
}

function listing(p: Params): Params {
  return { ...p, sellerId: str(p.sellerId), sku: str(p.sku), marketplaceIds: list(p.marketplaceIds, [SANDBOX.US]) }
}

const all = existsSync(MODELS_DIR) ? listStaticExamples({ modelsDir: MODELS_DIR }) : []
const covered = all.filter((e) => OPERATIONS[`${e.api}:${e.operationId}`])
// An example that another example with the same request shadows, or one that needs an empty path
// segment (`asin: ""`), cannot be selected by any request.
const replayable = covered.filter(
  (e) => !e.shadowed && !Object.entries(e.parameters).some(([name, value]) => e.path.includes(`{${name}}`) && value === "")
)
const cases = replayable.map((e) => [`${e.api} ${e.operationId} → ${e.status} (#${e.index})`, e] as const)

describe("contract: Amazon's static sandbox examples through the client's operations", () => {
  if (cases.length === 0) {
    it("has no examples to replay", () => {
      console.warn(
        all.length === 0
          ? `Amazon's models were not found at ${MODELS_DIR} (set AMAZON_SP_API_MODELS_DIR): 0 static examples replayed.`
          : "None of the static examples concern an operation of the client."
      )
    })
    return
  }

  let sandbox: SandboxHandle
  let client: SpApiClient
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, timeScale: 1000, seed: "demo", modelsDir: MODELS_DIR })
    client = euClient(sandbox, { headers: { "x-amzn-api-sandbox": "static" }, maxRetries: 2 })
  })
  afterAll(() => sandbox?.close())

  it("covers every operation of the client that has examples", () => {
    const operations = new Set(replayable.map((e) => `${e.api}:${e.operationId}`))
    expect(operations.size).toBeGreaterThanOrEqual(20)
    // what was left out, and why, for the record
    const skipped = covered.length - replayable.length
    expect(skipped).toBeLessThan(5)
  })

  it.each(cases)("%s", async (_name, example) => {
    const invoke = OPERATIONS[`${example.api}:${example.operationId}`]
    const outcome = await invoke(client, example.parameters).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error })
    )
    const body = example.body as { errors?: unknown } | undefined
    if (example.status < 300) {
      if (!outcome.ok) {
        throw outcome.error
      }
      const empty = body === undefined || (typeof body === "object" && body !== null && Object.keys(body).length === 0)
      if (empty && (outcome.value === undefined || outcome.value === "")) {
        return // 204 / empty 200: the method returns void
      }
      expect(outcome.value).toEqual(example.body)
    } else {
      expect(outcome.ok).toBe(false)
      const error = (outcome as { error: unknown }).error
      expect(error).toBeInstanceOf(SpApiError)
      expect((error as SpApiError).status).toBe(example.status)
      expect((error as SpApiError).errors).toEqual(body?.errors ?? [])
    }
  })
})
