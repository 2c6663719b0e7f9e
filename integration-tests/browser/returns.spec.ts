/**
 * Returns on the order page, in a real browser (run by run.mjs after the other specs, same Medusa, sandbox and demo
 * seed): a connected DE store of its own → a shipped Amazon order (2 × DEMO-MUG) imported into Medusa → the buyer
 * returns one unit on Amazon → "read returns now" → the order page's "Returns on Amazon" says "Return authorized on
 * Amazon" and that the Medusa return is requested → the seller receives it → "Received by you on <date>", Medusa return
 * received.
 *
 * Screenshots are named T01-… (R is the rules spec); after the first failing step the rest are skipped.
 */
/* (shape copied from refunds.spec.ts)
 * Refund on Amazon from the order page, in a real browser (run by run.mjs after the other specs, same Medusa, sandbox
 * and demo seed): a connected DE store of its own → an Amazon order (2 × DEMO-MUG at 12.50) imported into Medusa →
 * the order's page → "Refund on Amazon" → one unit, reason PriceError → Preview shows the plan (12.50 EUR, gross, no
 * tax in Germany) → Send → the refunds section shows it "Waiting to be sent" → the sender runs ("Sent to Amazon") →
 * Amazon processes the feed → "Accepted by Amazon", and the Medusa order has the refund.
 *
 * Screenshots are named F01-…; after the first failing step the rest are skipped.
 */
import { after, before, test } from "node:test"
import assert from "node:assert/strict"
import { mkdirSync } from "node:fs"
import path from "node:path"
import { chromium, type APIResponse, type Browser, type BrowserContext, type Page } from "playwright-core"

const BASE_URL = required("BROWSER_BASE_URL")
const SANDBOX_URL = required("BROWSER_SANDBOX_URL")
const ADMIN_EMAIL = required("BROWSER_ADMIN_EMAIL")
const ADMIN_PASSWORD = required("BROWSER_ADMIN_PASSWORD")
const ARTIFACTS = process.env.BROWSER_ARTIFACTS_DIR || path.join(__dirname, "artifacts")
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

const GERMANY = "A1PA6795UKMFR9"
const RUN = Date.now().toString(36).toUpperCase()
const STORE_NAME = `Amazon DE returns ${RUN} (browser test)`
/** A sandbox seller of its own: (selling partner, region) is unique per store. */
const SELLER_ID = `A3RTN${RUN}`
const FIRST_LOAD_MS = 180_000
const STEP_MS = 30_000

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run this spec through integration-tests/browser/run.mjs`)
  return value
}

let browser: Browser
let context: BrowserContext
let page: Page
let shots = 0
let failed: string | null = null
let storeId = ""

async function screenshot(name: string): Promise<void> {
  const file = path.join(ARTIFACTS, `T${String(++shots).padStart(2, "0")}-${name}.png`)
  await page.screenshot({ path: file, fullPage: true, timeout: 15_000 })
  console.log(`screenshot: artifacts/${path.basename(file)}`)
}

function step(name: string, fn: () => Promise<void>, timeout = 120_000) {
  test(name, { timeout }, async (t) => {
    if (failed) {
      t.skip(`skipped: "${failed}" failed`)
      return
    }
    try {
      await fn()
    } catch (error) {
      failed = name
      await screenshot(`FAILED-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`).catch(() => undefined)
      throw error
    }
  })
}

async function json<T>(res: APIResponse, what: string): Promise<T> {
  assert.ok(res.ok(), `${what} answered ${res.status()}: ${await res.text()}`)
  return (await res.json()) as T
}

const admin = {
  get: async <T>(url: string) => json<T>(await page.request.get(url, { timeout: STEP_MS }), `GET ${url}`),
  post: async <T>(url: string, data: unknown) =>
    json<T>(await page.request.post(url, { data, timeout: STEP_MS }), `POST ${url}`),
}
/** "Read returns now" waits for Amazon's report (a minute in the sandbox at time scale 1, minutes at Amazon) */
const syncReturns = async <T>(id: string) =>
  json<T>(await page.request.post(`/admin/amazon/stores/${id}/returns/sync`, { data: {}, timeout: 240_000 }), "POST returns/sync")
const sandbox = {
  post: async <T>(url: string, data: unknown) =>
    json<T>(await page.request.post(`${SANDBOX_URL}${url}`, { data, timeout: STEP_MS }), `sandbox POST ${url}`),
  delete: async (url: string) => {
    const res = await page.request.delete(`${SANDBOX_URL}${url}`, { timeout: STEP_MS })
    assert.ok(res.ok(), `sandbox DELETE ${url} answered ${res.status()}`)
  },
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
  context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1440, height: 1000 } })
  context.setDefaultTimeout(STEP_MS)
  context.setDefaultNavigationTimeout(60_000)
  page = await context.newPage()
  page.on("pageerror", (error) => console.log(`[page error] ${error.message}`))
})

after(async () => {
  await context?.close().catch(() => undefined)
  await browser?.close().catch(() => undefined)
  if (failed) console.log(`\nFAILED at "${failed}"; last screenshot: R${String(shots).padStart(2, "0")}-…`)
})

step(
  "log in to the admin",
  async () => {
    await page.goto("/app/login", { timeout: FIRST_LOAD_MS })
    await page.waitForLoadState("networkidle", { timeout: FIRST_LOAD_MS }).catch(() => undefined)
    for (let attempt = 1; ; attempt++) {
      try {
        await page.locator('input[name="email"]').fill(ADMIN_EMAIL, { timeout: FIRST_LOAD_MS })
        await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
        await page.getByRole("button", { name: "Continue with Email" }).click()
        await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 60_000 })
        break
      } catch (error) {
        if (attempt >= 2) throw error
        await page.goto("/app/login")
      }
    }
  },
  FIRST_LOAD_MS * 2
)

let orderId = ""
let amazonOrderId = ""

step("set up a connected store and import a shipped Amazon order into Medusa", async () => {
  const { sales_channels } = await admin.get<{ sales_channels: { id: string }[] }>("/admin/sales-channels?name=Webshop")
  assert.ok(sales_channels[0], "the demo seed's Webshop sales channel is missing")
  const { refreshToken } = await sandbox.post<{ refreshToken: string }>("/_sandbox/sellers", {
    sellerId: SELLER_ID,
    name: "Returns Browser Seller",
    region: "eu",
    marketplaceIds: [GERMANY],
  })
  const { amazon_store } = await admin.post<{ amazon_store: { id: string } }>("/admin/amazon/stores", {
    name: STORE_NAME,
    email: "returns@example.com",
    marketplace_id: GERMANY,
    sales_channel_id: sales_channels[0].id,
    product_id_type: "EAN",
    product_id_attribute: "barcode",
  })
  storeId = amazon_store.id
  await admin.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SELLER_ID, refresh_token: refreshToken })
  const { orderIds } = await sandbox.post<{ orderIds: string[] }>("/_sandbox/orders", {
    orders: [{ sellerId: SELLER_ID, marketplaceId: GERMANY, status: "Shipped", items: [{ sku: "DEMO-MUG", quantity: 2, unitPrice: 12.5 }] }],
  })
  amazonOrderId = orderIds[0]
  for (let attempt = 0; attempt < 40 && !orderId; attempt++) {
    await admin.post(`/admin/amazon/stores/${storeId}/sync`, { type: "orders" }).catch(() => undefined)
    await page.waitForTimeout(3000)
    const { amazon_orders } = await admin.get<{ amazon_orders: Array<{ amazon_order_id: string; order_id: string | null; import_status: string }> }>(
      `/admin/amazon/stores/${storeId}/orders?q=${amazonOrderId}`
    )
    const row = amazon_orders.find((o) => o.amazon_order_id === amazonOrderId && o.import_status === "imported" && o.order_id)
    if (row) orderId = row.order_id!
  }
  assert.ok(orderId, `Amazon order ${amazonOrderId} was not imported into Medusa`)
}, 180_000)

let rmaId = ""

step(
  "the buyer returns one unit: the order page says the return is authorized on Amazon, requested in Medusa",
  async () => {
    ;({ rmaId } = await sandbox.post<{ rmaId: string }>("/_sandbox/returns", { orderId: amazonOrderId, items: [{ sku: "DEMO-MUG", quantity: 1 }], reason: "AMZ-PG-BAD-DESC" }))
    const { result } = await syncReturns<{ result: { requested: number; errors: unknown[] } }>(storeId)
    assert.equal(result.requested, 1, JSON.stringify(result))
    await page.goto(`/app/orders/${orderId}`, { timeout: FIRST_LOAD_MS })
    const section = page.getByTestId("amazon-returns")
    await section.waitFor({ timeout: FIRST_LOAD_MS })
    const row = section.getByTestId("amazon-return-row")
    await row.getByTestId("amazon-return-status").getByText("Return authorized on Amazon").waitFor()
    await row.getByText(`RMA ${rmaId}`, { exact: false }).waitFor()
    await row.getByText("1 × DEMO-MUG · AMZ-PG-BAD-DESC").waitFor()
    await row.getByText("Medusa return requested").waitFor()
    await screenshot("return-authorized")
  },
  FIRST_LOAD_MS * 3
)

step("the seller receives it: 'Received by you on <date>', the Medusa return received", async () => {
  await sandbox.post("/_sandbox/returns", { orderId: amazonOrderId, rmaId, status: "Received" })
  const { result } = await syncReturns<{ result: { received: number } }>(storeId)
  assert.equal(result.received, 1, JSON.stringify(result))
  await page.reload()
  const row = page.getByTestId("amazon-returns").getByTestId("amazon-return-row")
  await row.getByTestId("amazon-return-status").getByText(/^Received by you on /).waitFor({ timeout: 60_000 })
  await row.getByText("Medusa return received").waitFor()
  await screenshot("return-received")
}, 360_000)
