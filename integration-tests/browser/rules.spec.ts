/**
 * Listing and pricing rules in the admin, in a real browser (run by run.mjs after the other specs, same Medusa,
 * sandbox and demo seed): a connected DE store → Settings › Amazon › store › Rules → add an exclude rule for a
 * collection, a EUR→GBP exchange rate and a pricing rule (+10 %, .99, max) → each shows in its table and is
 * saved (the API has it) → deleting the listing rule empties its table. A bad rule (min above max) shows
 * a readable error, never raw JSON.
 *
 * Screenshots are named R01-…; after the first failing step the rest are skipped.
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
const STORE_NAME = `Amazon DE rules ${RUN} (browser test)`
/** A sandbox seller of its own: (selling partner, region) is unique per store. */
const SELLER_ID = `A3RUL${RUN}`
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
  const file = path.join(ARTIFACTS, `R${String(++shots).padStart(2, "0")}-${name}.png`)
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

step("set up a connected store that sells the demo Webshop channel", async () => {
  const { sales_channels } = await admin.get<{ sales_channels: { id: string }[] }>("/admin/sales-channels?name=Webshop")
  assert.ok(sales_channels[0], "the demo seed's Webshop sales channel is missing")
  const { refreshToken } = await sandbox.post<{ refreshToken: string }>("/_sandbox/sellers", {
    sellerId: SELLER_ID,
    name: "Rules Browser Seller",
    region: "eu",
    marketplaceIds: [GERMANY],
  })
  const { amazon_store } = await admin.post<{ amazon_store: { id: string } }>("/admin/amazon/stores", {
    name: STORE_NAME,
    email: "rules@example.com",
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
})

step(
  "rules page: an exclude rule for a collection is added and listed",
  async () => {
    await page.goto(`/app/settings/amazon/${storeId}/rules`, { timeout: FIRST_LOAD_MS })
    const section = page.getByTestId("amazon-listing-rules")
    await section.waitFor({ timeout: FIRST_LOAD_MS })
    await section.getByText("No listing rules").waitFor()
    await screenshot("rules-empty")
    await page.getByTestId("listing-rule-name").fill("No furniture")
    await page.getByTestId("listing-rule-value").fill("pcol_furniture")
    await page.getByTestId("listing-rule-position").fill("1")
    await page.getByTestId("listing-rule-add").click()
    const row = section.getByTestId("amazon-listing-rule-row")
    await row.getByText("No furniture").waitFor()
    await row.getByText("Collection pcol_furniture").waitFor()
    await screenshot("listing-rule-added")
    const { amazon_listing_rules } = await admin.get<{ amazon_listing_rules: Array<{ name: string; effect: string; match: string; value: string; marketplace_id: string | null }> }>(
      `/admin/amazon/stores/${storeId}/listing-rules`
    )
    assert.deepEqual(
      amazon_listing_rules.map(({ name, effect, match, value, marketplace_id }) => ({ name, effect, match, value, marketplace_id })),
      [{ name: "No furniture", effect: "exclude", match: "collection", value: "pcol_furniture", marketplace_id: null }]
    )
  },
  FIRST_LOAD_MS * 2
)

step("a EUR→GBP rate and a pricing rule are saved; min above max is refused in words", async () => {
  await page.getByTestId("rate-quote").fill("GBP")
  await page.getByTestId("rate-value").fill("0.8573")
  await page.getByTestId("rate-save").click()
  await page.getByTestId("amazon-exchange-rate-row").getByText("0.8573").waitFor()

  await page.getByTestId("pricing-rule-name").fill("DE markup")
  await page.getByTestId("pricing-rule-percent").fill("10")
  await page.getByTestId("pricing-rule-min").fill("50")
  await page.getByTestId("pricing-rule-max").fill("10")
  await page.getByTestId("pricing-rule-save").click()
  await page.getByText("min_price must not be above max_price").first().waitFor()
  await screenshot("pricing-rule-refused")

  await page.getByTestId("pricing-rule-min").fill("")
  await page.getByTestId("pricing-rule-max").fill("500")
  await page.getByTestId("pricing-rule-rounding").click()
  await page.getByRole("option", { name: "Ends in .99" }).click()
  await page.getByTestId("pricing-rule-save").click()
  const row = page.getByTestId("amazon-pricing-rule-row")
  await row.getByText("DE markup").waitFor()
  await row.getByText("Ends in .99").waitFor()
  await screenshot("pricing-rule-saved")
  const { amazon_pricing_rules } = await admin.get<{ amazon_pricing_rules: Array<{ marketplace_id: string; percent: number; rounding: string; max_price: number | null; min_price: number | null }> }>(
    `/admin/amazon/stores/${storeId}/pricing-rules`
  )
  assert.equal(amazon_pricing_rules.length, 1)
  const { marketplace_id, percent, rounding, min_price, max_price } = amazon_pricing_rules[0]
  assert.deepEqual({ marketplace_id, percent, rounding, min_price, max_price }, { marketplace_id: GERMANY, percent: 10, rounding: "ends_99", min_price: null, max_price: 500 })
})

step("deleting the listing rule empties its table", async () => {
  const section = page.getByTestId("amazon-listing-rules")
  await section.getByTestId("amazon-listing-rule-row").getByRole("button", { name: "Delete" }).click()
  await section.getByText("No listing rules").waitFor()
  await screenshot("listing-rule-deleted")
  const { amazon_listing_rules } = await admin.get<{ amazon_listing_rules: unknown[] }>(`/admin/amazon/stores/${storeId}/listing-rules`)
  assert.equal(amazon_listing_rules.length, 0)
})
