/**
 * A store owner connects an Amazon store, in a real browser (Debian's Chromium
 * driven by playwright-core). Run by run.mjs, which starts Medusa and the
 * SP-API sandbox and passes their addresses in BROWSER_* variables.
 *
 *   log in → Settings → Amazon → Add Amazon Store (Germany, EAN ← Barcode, new
 *   sales channel) → Connect with Amazon → sandbox consent page → back on the
 *   store page, Connected → a marketplace switch → a category mapping → an
 *   attribute mapping → the store card; then the two ways connecting can fail:
 *   a refresh token Amazon rejects, and a consent round trip that comes back
 *   with an error
 *
 * Each step leaves a screenshot in artifacts/; after the first failing step the
 * rest are skipped and the last screenshot's path is printed.
 */
import { after, before, test } from "node:test"
import assert from "node:assert/strict"
import { mkdirSync } from "node:fs"
import path from "node:path"
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core"

const BASE_URL = required("BROWSER_BASE_URL")
const ADMIN_EMAIL = required("BROWSER_ADMIN_EMAIL")
const ADMIN_PASSWORD = required("BROWSER_ADMIN_PASSWORD")
const ARTIFACTS = process.env.BROWSER_ARTIFACTS_DIR || path.join(__dirname, "artifacts")
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

const STORE_NAME = "Amazon Germany (browser test)"
const CATEGORY_NAME = `T-Shirts ${Date.now().toString(36)}`
/** The first page load in development mode compiles the admin; later steps are fast. */
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
const screenshots: string[] = []
let failed: string | null = null
let storeId: string | null = null

async function screenshot(name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${String(screenshots.length + 1).padStart(2, "0")}-${name}.png`)
  await page.screenshot({ path: file, fullPage: true, timeout: 15_000 })
  screenshots.push(file)
  // run.mjs copies the folder to integration-tests/browser/artifacts/ once Medusa has stopped
  console.log(`screenshot: artifacts/${path.basename(file)}`)
  return file
}

/** One step of the story: skipped once an earlier one failed, screenshotted when it fails. */
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
  if (failed) console.log(`\nFAILED at "${failed}"; last screenshot: artifacts/${path.basename(screenshots.at(-1) ?? "(none)")}`)
})

/** Picks an item of a Radix Select (Medusa UI's Select) by the trigger's label. */
async function choose(label: string | RegExp, option: string | RegExp, scope: Page | Locator = page) {
  await scope.getByLabel(label, { exact: typeof label === "string" }).click()
  await page.getByRole("option", { name: option }).click()
}

step(
  "log in to the admin",
  async () => {
    await page.goto("/app/login", { timeout: FIRST_LOAD_MS })
    // Vite may reload the page once while it pre-bundles the extension's dependencies
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
    // a product category for the mapping step (the demo seed has none)
    const res = await page.request.post("/admin/product-categories", {
      data: { name: CATEGORY_NAME, is_active: true },
      timeout: STEP_MS,
    })
    assert.equal(res.status(), 200, `creating a category answered ${res.status()}: ${await res.text()}`)
  },
  FIRST_LOAD_MS * 2
)

step(
  "open Settings → Amazon",
  async () => {
    await page.goto("/app/settings", { timeout: FIRST_LOAD_MS })
    await page.getByRole("link", { name: "Amazon", exact: true }).first().click({ timeout: FIRST_LOAD_MS })
    await page.waitForURL(/\/app\/settings\/amazon$/)
    await page.getByRole("heading", { name: "Amazon", exact: true }).waitFor({ timeout: FIRST_LOAD_MS })
    await page.getByTestId("amazon-empty-state").or(page.getByTestId("amazon-store-card").first()).waitFor()
    await screenshot("amazon-settings")
  },
  FIRST_LOAD_MS * 2
)

step("add a store: Germany, EAN ← Barcode, new sales channel", async () => {
  await page.getByRole("button", { name: "Add Amazon Store" }).first().click()
  const modal = page.getByRole("dialog")
  await modal.getByRole("heading", { name: "Add Amazon Store" }).waitFor()
  // "Create a new sales channel" is the default; check it is what the form shows
  await modal.getByLabel("Sales channel", { exact: true }).filter({ hasText: "Create a new sales channel" }).waitFor()
  await choose("Marketplace country", /Germany/, modal)
  await modal.getByLabel("Store name").fill(STORE_NAME)
  await modal.getByLabel("Contact email").fill("seller@example.com")
  await choose("Amazon identifier to match on", /^EAN$/, modal)
  await choose("Medusa variant field that holds it", /^Barcode$/, modal)
  await modal.getByText("EAN: 13-digit barcode; we look up the ASIN in Amazon's catalog.").waitFor()
  await screenshot("add-store")
  await modal.getByRole("button", { name: "Add store" }).click()
  await page.waitForURL(/\/app\/settings\/amazon\/amzst_[A-Za-z0-9]+/)
  storeId = /\/settings\/amazon\/(amzst_[A-Za-z0-9]+)/.exec(page.url())?.[1] ?? null
  await page.getByRole("heading", { name: STORE_NAME }).waitFor()
  await page.getByTestId("amazon-store-status").filter({ hasText: "Not connected" }).first().waitFor()
  await page.getByRole("button", { name: "Connect with Amazon" }).waitFor()
  await screenshot("store-pending")
})

step("connect with Amazon through the consent page", async () => {
  await page.getByRole("button", { name: "Connect with Amazon" }).click()
  await page.waitForURL(/\/apps\/authorize\/consent/)
  const authorize = page.locator("#authorize")
  await authorize.waitFor()
  await screenshot("sandbox-consent")
  await authorize.click()
  await page.waitForURL(new RegExp(`/app/settings/amazon/${storeId}`), { timeout: 60_000 })
  const connectError = page.getByTestId("amazon-connect-error")
  const connected = page.getByTestId("amazon-store-status").filter({ hasText: "Connected" }).first()
  await connected.or(connectError).waitFor({ timeout: 60_000 })
  if (await connectError.isVisible()) {
    throw new Error(`the store page shows a connect error: ${await connectError.innerText()}`)
  }
  // the callback's ?connected=1 is consumed and removed from the address bar
  await page.waitForURL((url) => !url.search.includes("connected"))
  await page.getByTestId("amazon-selling-partner-id").filter({ hasText: /^A[0-9A-Z]+$/ }).waitFor()
  await screenshot("store-connected")
})

step("toggle a marketplace switch", async () => {
  const table = page.getByTestId("amazon-marketplaces")
  // connecting added the account's other EU marketplaces; turn selling on in one that is off
  const rows = table.locator("[data-testid^='amazon-marketplace-']")
  await rows.nth(1).waitFor()
  const sellHere = table.getByRole("switch", { name: /^Sell here – / })
  const count = await sellHere.count()
  let target: Locator | null = null
  for (let i = 0; i < count; i++) {
    if ((await sellHere.nth(i).getAttribute("aria-checked")) === "false") {
      target = sellHere.nth(i)
      break
    }
  }
  target ??= sellHere.first()
  const label = (await target.getAttribute("aria-label")) ?? ""
  const before = await target.getAttribute("aria-checked")
  await target.click()
  const expected = before === "true" ? "false" : "true"
  await page.getByText(new RegExp(`Sell here ${expected === "true" ? "on" : "off"} for`)).first().waitFor()
  // persisted: a reload shows the new state
  await page.reload()
  await page.getByRole("switch", { name: label }).and(page.locator(`[aria-checked="${expected}"]`)).waitFor()
  await screenshot("marketplace-toggled")
})

step("save a category mapping", async () => {
  const section = page.getByTestId("amazon-category-mappings")
  await section.scrollIntoViewIfNeeded()
  await choose("Medusa category", CATEGORY_NAME, section)
  const search = section.getByRole("combobox", { name: "Amazon product type" })
  await search.fill("shirt")
  await page.getByRole("option", { name: /Shirt/ }).first().click()
  await section.getByText("SHIRT", { exact: true }).first().waitFor()
  await section.getByRole("button", { name: "Save mapping" }).click()
  await section.getByTestId("amazon-category-mapping-row").filter({ hasText: CATEGORY_NAME }).filter({ hasText: "SHIRT" }).waitFor()
  await section.scrollIntoViewIfNeeded()
  await screenshot("category-mapping")
})

step("save an attribute mapping", async () => {
  const section = page.getByTestId("amazon-attribute-mappings")
  await section.scrollIntoViewIfNeeded()
  // the product type just mapped is offered as a quick pick
  await section.getByRole("button", { name: "SHIRT", exact: true }).click()
  await section.getByTestId("amazon-required-summary").waitFor({ timeout: 60_000 })
  const row = section.locator("[data-testid^='amazon-attribute-row-']").filter({ hasText: "required" }).first()
  await row.waitFor()
  const attribute = ((await row.getAttribute("data-testid")) ?? "").replace("amazon-attribute-row-", "")
  await row.getByRole("combobox", { name: `Source – ${attribute}` }).click()
  await page.getByRole("option", { name: "Constant", exact: true }).click()
  await row.getByRole("textbox", { name: `Value – ${attribute}` }).fill("Browser Test Brand")
  await row.getByRole("button", { name: "Save", exact: true }).click()
  await row.getByText("Mapped", { exact: true }).waitFor()
  await section.scrollIntoViewIfNeeded()
  await screenshot("attribute-mapping")
})

step("see the connected store card", async () => {
  await page.goto("/app/settings/amazon")
  const card = page.getByTestId("amazon-store-card").filter({ hasText: STORE_NAME })
  await card.getByTestId("amazon-store-status").filter({ hasText: "Connected" }).waitFor()
  await card.getByText(/Re-authorize within \d+ days/).waitFor()
  await screenshot("store-card")
})

step("a refresh token Amazon rejects is explained, not dumped", async () => {
  await page.goto(`/app/settings/amazon/${storeId}`)
  await page.getByRole("button", { name: "I have a refresh token" }).click()
  const drawer = page.getByRole("dialog")
  await drawer.getByLabel("Selling partner ID").fill("A1SANDBOXSELLER01")
  await drawer.getByLabel("Refresh token").fill("Atzr|not-a-token-amazon-issued")
  await drawer.getByRole("button", { name: "Verify and connect" }).click()
  const alert = drawer.getByRole("alert")
  await alert.getByText("Amazon did not accept this token").waitFor()
  await alert.getByText(/generate a new one under Seller Central/).waitFor()
  const text = await alert.innerText()
  assert.ok(!/[{}]|"type"\s*:/.test(text), `the alert shows raw JSON: ${text}`)
  await screenshot("refresh-token-rejected")
  await drawer.getByRole("button", { name: "Cancel" }).click()
  // the store stays connected
  await page.getByTestId("amazon-store-status").filter({ hasText: "Connected" }).first().waitFor()
})

step("a consent round trip that failed is explained", async () => {
  const message = "Amazon did not send an authorization code back (the consent was declined or interrupted). Click Connect to try again."
  await page.goto(`/app/settings/amazon/${storeId}?connect_error=declined`)
  const alert = page.getByTestId("amazon-connect-error")
  await alert.getByText(message).waitFor()
  await alert.getByText("Amazon did not connect this store").waitFor()
  await page.waitForURL((url) => !url.search.includes("connect_error"))
  await screenshot("connect-error")
})

step("a crafted connect_error link shows none of its own words", async () => {
  const crafted = "Your account is suspended, call +1 555 0100"
  await page.goto(`/app/settings/amazon/${storeId}?connect_error=${encodeURIComponent(crafted)}&connect_reason=${encodeURIComponent("visit evil.example")}`)
  const alert = page.getByTestId("amazon-connect-error")
  await alert.getByText("Amazon did not connect this store").waitFor()
  const text = await alert.innerText()
  assert.ok(!text.includes("555") && !text.includes("evil.example"), `the alert shows the link's text: ${text}`)
})
