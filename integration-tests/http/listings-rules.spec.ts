import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { pollListingFeedsWorkflow } from "../../src/workflows/listings"
import { withCheckDigit } from "../../sandbox/gtin"
import { createAdminHeaders } from "../helpers/admin"
import { createProductWithStock, createWarehouse, waitFor } from "../helpers/catalog"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"

jest.setTimeout(240_000)

process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
process.env.AMAZON_FEED_GATHER_MS = "1500"

const UK = "A1F83G8C2ARO7P"
const sandbox = useSandbox()

type Step = { step: string; amount: number; currency: string; rate?: number; rate_date?: string; rate_source?: string }

/** Issue 16: pricing rules (a EUR store on amazon.co.uk) and listing rules, end to end against the sandbox. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    let salesChannelId: string
    let locationId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const listing = async (sku: string) => (await amazon().listAmazonListings({ store_id: storeId, sku }))[0]
    const onAmazon = (sku: string) => sandbox().control.getListing(SANDBOX_EU.sellerId, UK, sku)
    const requestsFor = (operation: string, sku: string) =>
      sandbox()
        .control.requests({ operation })
        .filter((r: { path: string }) => decodeURIComponent(r.path).endsWith(`/${sku}`))
    const readFeeds = () =>
      waitFor(
        async () => {
          await pollListingFeedsWorkflow(getContainer()).run({ input: { store_id: storeId } })
          const open = await amazon().listAmazonFeeds({ store_id: storeId, completed_at: null, amazon_feed_id: { $ne: null } })
          return open.length === 0
        },
        { what: "feeds to be processed", everyMs: 500 }
      )
    type FeedMessage = { sku: string; attributes: Record<string, any> }
    const feedMessages = async (): Promise<FeedMessage[]> => {
      const feeds = await amazon().listAmazonFeeds({ store_id: storeId, input_document_id: { $ne: null } }, { order: { created_at: "ASC" } })
      return feeds.flatMap((f) => JSON.parse(sandbox().control.feedDocument(f.input_document_id!)!.content.toString("utf8")).messages as FeedMessage[])
    }
    /** Offers one product on a catalog ASIN the seller does not sell yet, and waits until Amazon has it. */
    const offer = async (sku: string, ean12: string, eur: number, more: { categoryIds?: string[] } = {}) => {
      const ean = withCheckDigit(ean12)
      sandbox().control.addCatalogItems([{ asin: `B0R${ean12.slice(-7)}`, title: sku, brand: "Sandbox", identifiers: { EAN: [ean] }, productType: "HOME" }])
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: sku, ...more, variants: [{ sku, barcode: ean, stock: 5, eur }] })
    }
    const settled = async (skus: string[]) => {
      await waitFor(
        async () => {
          const rows = await Promise.all(skus.map(listing))
          if (rows.every((l) => l && ["submitted", "accepted", "active"].includes(l.status))) return true
          throw new Error(JSON.stringify(rows.map((l) => l && { sku: l.sku, status: l.status, issues: l.issues })))
        },
        { what: `${skus.join(", ")} sent` }
      )
      await readFeeds()
      await waitFor(async () => (await Promise.all(skus.map(listing))).every((l) => l.status === "active"), { what: `${skus.join(", ")} active` })
    }

    beforeEach(async () => {
      process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      const { data } = await api.post(
        "/admin/amazon/stores",
        { name: "UK", email: "seller@example.com", marketplace_id: UK, product_id_type: "EAN", product_id_attribute: "barcode" },
        { headers }
      )
      storeId = data.amazon_store.id
      salesChannelId = data.amazon_store.sales_channel_id
      await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken }, { headers })
      locationId = await createWarehouse(getContainer(), salesChannelId)
    })

    afterEach(() => {
      expect(sandbox().control.validationErrors()).toEqual([])
    })

    it("a EUR store sells on amazon.co.uk at converted, rounded GBP prices, and a rule change re-prices only the SKUs whose price moves", async () => {
      await api.post("/admin/tax-regions", { country_code: "gb", provider_id: "tp_system", default_tax_rate: { rate: 20, name: "VAT", code: "GB20" } }, { headers })
      const { data: rate } = await api.post(`/admin/amazon/stores/${storeId}/exchange-rates`, { base_currency: "eur", quote_currency: "GBP", rate: 0.8573, rate_date: "2026-12-04" }, { headers })
      expect(rate.amazon_exchange_rate).toMatchObject({ base_currency: "EUR", quote_currency: "GBP", rate: 0.8573, source: "manual" })
      const { data: rule } = await api.post(
        `/admin/amazon/stores/${storeId}/pricing-rules`,
        { marketplace_id: UK, name: "UK from EUR", source_currency: "EUR", percent: 10, rounding: "ends_99" },
        { headers }
      )
      expect(rule.amazon_pricing_rule).toMatchObject({ marketplace_id: UK, source_currency: "EUR", percent: 10, rounding: "ends_99", min_price: null })

      // Medusa has only EUR prices (tax-exclusive, its default); amazon.co.uk shows GBP with 20 % VAT
      await offer("FX-LAMP", "426098700001", 19)
      await offer("FX-SOFA", "426098700002", 60)
      await settled(["FX-LAMP", "FX-SOFA"])

      // 19.00 EUR + 20 % VAT = 22.80 → +10 % = 25.08 EUR → × 0.8573 = 21.50 GBP → .99 → 21.99 GBP
      // 60.00 EUR + 20 % VAT = 72.00 → +10 % = 79.20 EUR → × 0.8573 = 67.90 GBP → .99 → 67.99 GBP
      const messages = await feedMessages()
      const priceOf = (sku: string) => messages.filter((m) => m.sku === sku).pop()!.attributes.purchasable_offer[0]
      expect(priceOf("FX-LAMP")).toMatchObject({ currency: "GBP", marketplace_id: UK, our_price: [{ schedule: [{ value_with_tax: 21.99 }] }] })
      expect(priceOf("FX-SOFA").our_price[0].schedule[0].value_with_tax).toBe(67.99)
      expect(onAmazon("FX-LAMP")).toMatchObject({ price: 21.99, currency: "GBP" })
      expect(onAmazon("FX-SOFA")).toMatchObject({ price: 67.99, currency: "GBP" })

      // the rate and its date are recorded with the price Amazon accepted
      const lamp = await listing("FX-LAMP")
      const trace = (lamp.sent_state as { price_trace: { steps: Step[] } }).price_trace.steps
      expect(trace.map((s) => [s.step, s.amount, s.currency])).toEqual([
        ["source", 19, "EUR"],
        ["tax", 22.8, "EUR"],
        ["rule", 25.08, "EUR"],
        ["conversion", 21.5, "GBP"],
        ["rounding", 21.99, "GBP"],
        ["sent", 21.99, "GBP"],
      ])
      expect(trace.find((s) => s.step === "conversion")).toMatchObject({ rate: 0.8573, rate_date: "2026-12-04", rate_source: "manual" })

      // a ceiling of 40 GBP moves only the sofa: one change, one patch, the lamp is not touched
      process.env.AMAZON_LISTINGS_SETTLE_MS = "6000" // long enough to read the dry run first
      sandbox().control.clearRequests()
      const { data: changed } = await api.post(
        `/admin/amazon/stores/${storeId}/pricing-rules`,
        { marketplace_id: UK, name: "UK from EUR", source_currency: "EUR", percent: 10, rounding: "ends_99", max_price: 40 },
        { headers }
      )
      expect(changed.amazon_pricing_rule).toMatchObject({ id: rule.amazon_pricing_rule.id, max_price: 40 })
      expect(changed.counts.queued).toBe(1)
      const pending = await amazon().listAmazonListingChanges({ store_id: storeId, status: ["pending", "held", "claimed"] })
      expect(pending.map((c) => c.sku)).toEqual(["FX-SOFA"])
      const { data: dry } = await api.get(`/admin/amazon/stores/${storeId}/listings/dry-run`, { headers })
      expect(dry.changes).toHaveLength(1)
      expect(dry.changes[0]).toMatchObject({ sku: "FX-SOFA", operation: "patch", fields: [{ field: "price", old: { amount: 67.99, currency: "GBP" }, new: { amount: 40, currency: "GBP" } }] })
      expect(dry.changes[0].price_trace.steps.map((s: Step) => s.step)).toEqual(["source", "tax", "rule", "conversion", "rounding", "clamp", "sent"])

      await waitFor(async () => onAmazon("FX-SOFA")?.price === 40, { what: "the sofa at 40 GBP" })
      await new Promise((r) => setTimeout(r, 1500))
      expect(requestsFor("patchListingsItem", "FX-LAMP")).toEqual([])
      expect(messages.length).toBe((await feedMessages()).length) // no feed: the price went by the fast path
      expect(onAmazon("FX-LAMP")).toMatchObject({ price: 21.99, quantity: 5 })
      expect(onAmazon("FX-SOFA")).toMatchObject({ price: 40, quantity: 5 })
    })

    it("a listing rule keeps a product off a marketplace and says why in the dry run; excluding an offer Amazon has zeroes it", async () => {
      const { result: categories } = await createProductCategoriesWorkflow(getContainer()).run({
        input: { product_categories: [{ name: "Cushions", is_active: true }, { name: "Glass", is_active: true }] },
      })
      const [cushions, glass] = categories
      // the catalog has EUR prices only: the UK gets them converted
      await api.post(`/admin/amazon/stores/${storeId}/exchange-rates`, { base_currency: "EUR", quote_currency: "GBP", rate: 0.85 }, { headers })
      await api.post(`/admin/amazon/stores/${storeId}/pricing-rules`, { marketplace_id: UK, name: "UK", source_currency: "EUR" }, { headers })
      const { data: noGlass } = await api.post(
        `/admin/amazon/stores/${storeId}/listing-rules`,
        { name: "No glass to the UK", marketplace_id: UK, effect: "exclude", match: "category", value: glass.id, position: 1 },
        { headers }
      )
      expect(noGlass.amazon_listing_rule).toMatchObject({ effect: "exclude", match: "category", value: glass.id })

      await offer("RULE-CUSHION", "426098700003", 20, { categoryIds: [cushions.id] })
      await offer("RULE-VASE", "426098700004", 30, { categoryIds: [glass.id] })
      await settled(["RULE-CUSHION"])
      expect(onAmazon("RULE-CUSHION")).toMatchObject({ quantity: 5 })
      expect(onAmazon("RULE-VASE")).toBeUndefined()
      expect(await listing("RULE-VASE")).toBeUndefined()

      const { data: dry } = await api.get(`/admin/amazon/stores/${storeId}/listings/dry-run`, { headers })
      const decisions = new Map(dry.listing_rules.products.map((p: { title: string; marketplaces: unknown[] }) => [p.title, p.marketplaces[0]]))
      expect(decisions.get("RULE-VASE")).toMatchObject({ marketplace_id: UK, listed: false, rule: { id: noGlass.amazon_listing_rule.id, name: "No glass to the UK" } })
      expect((decisions.get("RULE-VASE") as { reason: string }).reason).toContain('excluded by rule "No glass to the UK"')
      expect(decisions.get("RULE-CUSHION")).toMatchObject({ listed: true, rule: null })

      // the cushion is already for sale on amazon.co.uk: a rule that takes it out sets its quantity to 0 (the store's switch_off_offers)
      process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
      sandbox().control.clearRequests()
      const { data: noCushions } = await api.post(
        `/admin/amazon/stores/${storeId}/listing-rules`,
        { name: "No cushions", effect: "exclude", match: "category", value: cushions.id, position: 2 },
        { headers }
      )
      expect(noCushions.counts.queued).toBe(1)
      await waitFor(async () => onAmazon("RULE-CUSHION")?.quantity === 0, { what: "the cushion zeroed on Amazon" })
      const zeroed = requestsFor("patchListingsItem", "RULE-CUSHION")
      expect(zeroed).toHaveLength(1)
      expect(JSON.stringify(zeroed[0].body)).toContain('"quantity":0')
      expect(JSON.stringify(zeroed[0].body)).not.toContain("our_price")
      const cushion = await listing("RULE-CUSHION")
      expect(((cushion.issues ?? []) as unknown as Array<{ code: string; message: string }>).find((i) => i.code === "listing_rule_excluded")?.message).toContain('excluded by rule "No cushions"')
      expect(sandbox().control.requests({ operation: "createFeed" })).toEqual([])

      // rerunning the rules changes nothing more; deleting the rule puts the cushion back on sale
      const { data: again } = await api.post(`/admin/amazon/stores/${storeId}/listing-rules/${noCushions.amazon_listing_rule.id}`, { name: "No cushions", effect: "exclude", match: "category", value: cushions.id, position: 2 }, { headers })
      expect(again.counts.queued).toBe(0)
      const { data: removed } = await api.delete(`/admin/amazon/stores/${storeId}/listing-rules/${noCushions.amazon_listing_rule.id}`, { headers })
      expect(removed).toMatchObject({ deleted: true, counts: { queued: 1 } })
      await waitFor(async () => onAmazon("RULE-CUSHION")?.quantity === 5, { what: "the cushion back on sale" })
    })

    it("refuses rules that cannot be right, with a message that says what to fix", async () => {
      const bad = await api.post(`/admin/amazon/stores/${storeId}/pricing-rules`, { marketplace_id: UK, name: "x", min_price: 50, max_price: 10 }, { headers }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/min_price must not be above max_price/)
      const noValue = await api.post(`/admin/amazon/stores/${storeId}/listing-rules`, { name: "x", effect: "exclude", match: "tag" }, { headers }).catch((e: any) => e.response)
      expect(noValue.status).toBe(400)
      expect(noValue.data.message).toMatch(/value is required/)
      const sameCurrency = await api.post(`/admin/amazon/stores/${storeId}/exchange-rates`, { base_currency: "GBP", quote_currency: "gbp", rate: 1 }, { headers }).catch((e: any) => e.response)
      expect(sameCurrency.status).toBe(400)
    })
  },
})
