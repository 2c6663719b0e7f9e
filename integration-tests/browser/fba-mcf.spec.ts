/**
 * FBA stock and Multi-Channel Fulfillment in a real browser (run by run.mjs after the other specs, same Medusa,
 * sandbox and demo seed): a connected DE store of its own whose seller has FBA stock → "Read FBA stock now" →
 * the store page's FBA panel shows the EU pool and its location, Settings › Locations lists "Amazon FBA (…)",
 * whose page shows the MCF shipping options (the demo seed's location, adopted by the first store whose FBA stock is read) → an order made in the admin as a draft order with the shipping
 * option "Amazon MCF Standard" (the draft order's page shows it) is converted, fulfilled from the FBA location,
 * and the order page's "Amazon Multi-Channel Fulfillment" widget shows Amazon's status in words.
 * The draft order is made through the admin API, not clicked together in the draft order form.
 *
 * Screenshots are named M01-…; after the first failing step the rest are skipped.
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
const STORE_NAME = `Amazon DE FBA ${RUN} (browser test)`
/** A sandbox seller of its own: (selling partner, region) is unique per store. */
const SELLER_ID = `A3FBA${RUN}`
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
  const file = path.join(ARTIFACTS, `M${String(++shots).padStart(2, "0")}-${name}.png`)
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
  if (failed) console.log(`\nFAILED at "${failed}"; last screenshot: M${String(shots).padStart(2, "0")}-…`)
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

let locationId = ""
let mcfLocationId = ""
let draftId = ""
let orderId = ""

step("set up a connected store whose seller holds FBA stock, and read it", async () => {
  const { sales_channels } = await admin.get<{ sales_channels: { id: string }[] }>("/admin/sales-channels?name=Webshop")
  assert.ok(sales_channels[0], "the demo seed's Webshop sales channel is missing")
  const { refreshToken } = await sandbox.post<{ refreshToken: string }>("/_sandbox/sellers", {
    sellerId: SELLER_ID,
    name: "FBA Browser Seller",
    region: "eu",
    marketplaceIds: [GERMANY],
  })
  await sandbox.post("/_sandbox/fba-inventory", { sellerId: SELLER_ID, marketplaceId: GERMANY, items: [{ sellerSku: "DEMO-BOOK", fulfillable: 14, inboundShipped: 6 }, { sellerSku: "DEMO-MUG", fulfillable: 20 }] })
  const { amazon_store } = await admin.post<{ amazon_store: { id: string } }>("/admin/amazon/stores", {
    name: STORE_NAME,
    email: "fba@example.com",
    marketplace_id: GERMANY,
    sales_channel_id: sales_channels[0].id,
    product_id_type: "EAN",
    product_id_attribute: "barcode",
  })
  storeId = amazon_store.id
  await admin.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SELLER_ID, refresh_token: refreshToken })
}, 180_000)

step(
  "store page: the FBA stock panel reads Amazon and shows the EU pool at its location",
  async () => {
    await page.goto(`/app/settings/amazon/${storeId}`, { timeout: FIRST_LOAD_MS })
    const panel = page.getByTestId("amazon-fba-pools")
    await panel.waitFor({ timeout: FIRST_LOAD_MS })
    await panel.getByRole("button", { name: "Read FBA stock now" }).click()
    const pool = panel.getByTestId("amazon-fba-pool-EU")
    await pool.waitFor({ timeout: 60_000 })
    await pool.getByText(/Amazon FBA \(EU \(pan-European\)\)/).waitFor()
    const { amazon_fba_pools } = await admin.get<{ amazon_fba_pools: Array<{ pool: string; stock_location_id: string }> }>(`/admin/amazon/stores/${storeId}/fba`)
    locationId = amazon_fba_pools.find((p) => p.pool === "EU")!.stock_location_id
    assert.ok(locationId)
    await screenshot("fba-panel")
  },
  FIRST_LOAD_MS * 2
)

step("Settings › Locations lists the FBA location; its page shows the MCF shipping options", async () => {
  await page.goto("/app/settings/locations")
  await page.getByText("Amazon FBA (EU (pan-European))").first().waitFor({ timeout: 60_000 })
  await screenshot("locations")
  // the seed's MCF service zone is on its FBA location, which the first store whose FBA stock is read adopts: this
  // store's, or (in the full run, when the FBA job read another spec's store first) that one's
  const { stock_locations } = await admin.get<{ stock_locations: Array<{ id: string; metadata: Record<string, unknown> | null; fulfillment_sets?: Array<{ service_zones: Array<{ shipping_options: Array<{ name: string }> }> }> }> }>(
    "/admin/stock-locations?limit=100&fields=id,metadata,fulfillment_sets.service_zones.shipping_options.name"
  )
  const optionsOf = (l: (typeof stock_locations)[number]) => (l.fulfillment_sets ?? []).flatMap((f) => f.service_zones.flatMap((z) => z.shipping_options.map((o) => o.name)))
  const withMcf = stock_locations.filter((l) => l.metadata?.amazon_fba_pool === "EU" && optionsOf(l).includes("Amazon MCF Standard"))
  const mcfLocation = withMcf.find((l) => l.id === locationId) ?? withMcf[0]
  assert.ok(mcfLocation, "no FBA location with the MCF options (the demo seed makes one)")
  assert.deepEqual([...optionsOf(mcfLocation)].sort(), ["Amazon MCF Expedited", "Amazon MCF Priority", "Amazon MCF Standard"])
  mcfLocationId = mcfLocation.id
  await page.goto(`/app/settings/locations/${mcfLocationId}`)
  await page.getByText("Amazon MCF Standard").first().waitFor({ timeout: 60_000 })
  await page.getByText("Amazon MCF Expedited").first().waitFor()
  await page.getByText("Amazon MCF Priority").first().waitFor()
  await screenshot("fba-location-mcf-options")
})

step("an admin (draft) order with the shipping option Amazon MCF Standard shows it", async () => {
  const { regions } = await admin.get<{ regions: { id: string }[] }>("/admin/regions?name=Europe")
  const { sales_channels } = await admin.get<{ sales_channels: { id: string }[] }>("/admin/sales-channels?name=Webshop")
  const { products } = await admin.get<{ products: Array<{ variants: Array<{ id: string; sku: string }> }> }>("/admin/products?handle=demo-field-guide-book&fields=variants.id,variants.sku")
  const { shipping_options } = await admin.get<{ shipping_options: Array<{ id: string; name: string }> }>(`/admin/shipping-options?stock_location_id=${mcfLocationId}`)
  const standard = shipping_options.find((o) => o.name === "Amazon MCF Standard")
  assert.ok(standard, `no "Amazon MCF Standard" option at the FBA location: ${JSON.stringify(shipping_options.map((o) => o.name))}`)
  const address = { first_name: "Erika", last_name: "Mustermann", address_1: "Hauptstraße 5", city: "Berlin", postal_code: "10115", country_code: "de", phone: "+49301234567" }
  const { draft_order } = await admin.post<{ draft_order: { id: string } }>("/admin/draft-orders", {
    email: "erika@example.com",
    region_id: regions[0].id,
    sales_channel_id: sales_channels[0].id,
    shipping_address: address,
    billing_address: address,
    items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
    shipping_methods: [{ shipping_option_id: standard.id, name: "Amazon MCF Standard", amount: 5.9 }],
  })
  draftId = draft_order.id
  await page.goto(`/app/draft-orders/${draftId}`)
  await page.getByText("Amazon MCF Standard").first().waitFor({ timeout: 60_000 })
  await screenshot("draft-order-mcf-standard")
})

step("converted and fulfilled from the FBA location: the order page's MCF widget shows Amazon's status in words", async () => {
  const { order } = await admin.post<{ order: { id: string; items: Array<{ id: string; quantity: number }> } }>(`/admin/draft-orders/${draftId}/convert-to-order`, {})
  orderId = order.id
  const { order: full } = await admin.get<{ order: { items: Array<{ id: string }> } }>(`/admin/orders/${orderId}?fields=items.id`)
  // the draft order has one line of 1 × DEMO-BOOK
  await admin.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: full.items[0].id, quantity: 1 }], location_id: mcfLocationId })
  await page.goto(`/app/orders/${orderId}`)
  const widget = page.getByTestId("amazon-mcf-widget")
  await widget.waitFor({ timeout: 60_000 })
  await widget.getByText("Amazon Multi-Channel Fulfillment").waitFor()
  for (let attempt = 0; attempt < 10; attempt++) {
    if (await widget.getByText(/Amazon has the order \((Received|Planning|Processing)\)|Shipped by Amazon/).count()) break
    await page.waitForTimeout(3000)
    await page.reload()
    await widget.waitFor({ timeout: 60_000 })
  }
  await widget.getByTestId("amazon-mcf-description").getByText(/Amazon has the order \((Received|Planning|Processing)\)|Shipped by Amazon/).waitFor()
  await widget.getByText(/1 × DEMO-BOOK/).waitFor()
  await screenshot("order-mcf-widget")
}, 180_000)
