/**
 * Variation families in the admin, in a real browser (run by run.mjs after listings.spec.ts, same Medusa,
 * sandbox and demo seed): a connected store selling the demo Webshop channel, its category mapped to SHIRT →
 * store settings: the attribute mappings of SHIRT show the type's variation themes and the demo T-shirt's
 * option "Size" suggested as Amazon's "size" → Map → the option is mapped (and saved: the API has it).
 *
 * Screenshots are named V01-…; after the first failing step the rest are skipped.
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
const STORE_NAME = `Amazon DE variations ${RUN} (browser test)`
/** A sandbox seller of its own: (selling partner, region) is unique per store. */
const SELLER_ID = `A3VAR${RUN}`
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
  const file = path.join(ARTIFACTS, `V${String(++shots).padStart(2, "0")}-${name}.png`)
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
  if (failed) console.log(`\nFAILED at "${failed}"; last screenshot: V${String(shots).padStart(2, "0")}-…`)
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

step("set up a connected store that sells the demo Webshop channel, its category mapped to SHIRT", async () => {
  const { sales_channels } = await admin.get<{ sales_channels: { id: string }[] }>("/admin/sales-channels?name=Webshop")
  assert.ok(sales_channels[0], "the demo seed's Webshop sales channel is missing")
  const { refreshToken } = await sandbox.post<{ refreshToken: string }>("/_sandbox/sellers", {
    sellerId: SELLER_ID,
    name: "Variations Browser Seller",
    region: "eu",
    marketplaceIds: [GERMANY],
  })
  const { amazon_store } = await admin.post<{ amazon_store: { id: string } }>("/admin/amazon/stores", {
    name: STORE_NAME,
    email: "variations@example.com",
    marketplace_id: GERMANY,
    sales_channel_id: sales_channels[0].id,
    product_id_type: "EAN",
    product_id_attribute: "barcode",
  })
  storeId = amazon_store.id
  const connected = await admin.post<{ amazon_store: { status: string } }>(`/admin/amazon/stores/${storeId}/credentials`, {
    selling_partner_id: SELLER_ID,
    refresh_token: refreshToken,
  })
  assert.equal(connected.amazon_store.status, "connected")
  const { product_category } = await admin.post<{ product_category: { id: string } }>("/admin/product-categories", { name: `Shirts ${RUN}`, is_active: true })
  await admin.post(`/admin/amazon/stores/${storeId}/category-mappings`, { category_id: product_category.id, product_type: "SHIRT" })
})

step(
  "store settings: SHIRT's themes and the option Size suggested as size → Map",
  async () => {
    await page.goto(`/app/settings/amazon/${storeId}`, { timeout: FIRST_LOAD_MS })
    const section = page.getByTestId("amazon-attribute-mappings")
    await section.waitFor({ timeout: FIRST_LOAD_MS })
    await section.scrollIntoViewIfNeeded()
    await section.getByRole("button", { name: "SHIRT", exact: true }).click()
    const suggestions = section.getByTestId("amazon-variation-suggestions")
    await suggestions.waitFor({ timeout: 60_000 })
    await suggestions.getByText("SIZE_NAME/COLOR_NAME (size + color)").waitFor()
    const size = suggestions.getByTestId("amazon-option-suggestion-Size")
    await size.getByText("size", { exact: true }).waitFor()
    await suggestions.scrollIntoViewIfNeeded()
    await screenshot("option-suggested")
    await size.getByRole("button", { name: "Map", exact: true }).click()
    await suggestions.getByTestId("amazon-option-mapped-Size").waitFor()
    await screenshot("option-mapped")
    // saved: the option mapping is the store's (what the sender reads)
    const { amazon_attribute_mappings } = await admin.get<{ amazon_attribute_mappings: Array<{ attribute: string; source_type: string; source_value: string }> }>(
      `/admin/amazon/stores/${storeId}/attribute-mappings?product_type=SHIRT`
    )
    assert.ok(amazon_attribute_mappings.some((m) => m.attribute === "size" && m.source_type === "option" && m.source_value === "Size"), JSON.stringify(amazon_attribute_mappings))
  },
  FIRST_LOAD_MS * 2
)
