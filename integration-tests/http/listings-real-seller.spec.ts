import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deleteSalesChannelsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { pollListingFeedsWorkflow, refreshListingsWorkflow, sendListingChangesWorkflow } from "../../src/workflows/listings"
import { createAdminHeaders } from "../helpers/admin"
import { createProductWithStock, createWarehouse, setStock, waitFor } from "../helpers/catalog"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"

jest.setTimeout(240_000)

process.env.AMAZON_LISTINGS_SETTLE_MS = "200"
process.env.AMAZON_FEED_GATHER_MS = "300"

const GERMANY = "A1PA6795UKMFR9"
const SELLER = SANDBOX_EU.sellerId
const sandbox = useSandbox({ timeScale: 600 })

type Offer = { sku: string; asin: string; ean: string; kind: string; price: number; quantity?: number }
type Attributes = Record<string, unknown[]>
type HistoryEntry = { sku: string; operationType: string; kind: string; changes: Record<string, { before?: unknown[]; after?: unknown[] }>; fulfillmentChannel: { before?: string; after?: string } }

/**
 * Issue 13's acceptance: a seller with years of listings — merchant and FBA offers, a used item with its
 * condition note, B2B prices with quantity discounts, a repricer's min/max, a running sale, shipping templates,
 * lead times — is connected to a Medusa store that knows the products under SKUs of its own. Sending twice, with
 * a price and a stock change in between, changes at Amazon exactly what Medusa changed and nothing else.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    let salesChannelId: string
    let locationId: string
    let offers: Offer[]
    let before: Map<string, Attributes>
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const control = () => sandbox().control
    const offer = (kind: string) => offers.find((o) => o.kind === kind)!
    const medusaSku = (kind: string) => `MED-${kind.toUpperCase()}`
    const attributesAtAmazon = (sku: string) => control().getListing(SELLER, GERMANY, sku)!.attributes as Attributes
    const history = (sku?: string): HistoryEntry[] => control().listingHistory({ sellerId: SELLER, ...(sku ? { sku } : {}) }) as never
    const toggles = (body: Record<string, boolean>) => api.post(`/admin/amazon/stores/${storeId}/marketplaces/${GERMANY}`, body, { headers })

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await control().reset()
      control().clearValidationErrors()
      const { data } = await api.post(
        "/admin/amazon/stores",
        { name: "Real seller", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode" },
        { headers }
      )
      storeId = data.amazon_store.id
      salesChannelId = data.amazon_store.sales_channel_id
      await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SELLER, refresh_token: SANDBOX_EU.refreshToken }, { headers })
      locationId = await createWarehouse(getContainer(), salesChannelId)
      // onboarding as a seller with a catalog on Amazon does it: nothing goes out until the listings are imported
      await toggles({ listings_export: false })
      offers = control().seedRealSeller({ sellerId: SELLER, marketplaceId: GERMANY }).offers as Offer[]
      before = new Map(offers.map((o) => [o.sku, structuredClone(attributesAtAmazon(o.sku))]))
    })

    afterEach(() => {
      process.env.AMAZON_FEED_GATHER_MS = "300"
      // every request the sandbox received matched Amazon's models (JSON_LISTINGS_FEED documents included)
      expect(control().validationErrors()).toEqual([])
    })

    /** Medusa knows every product under its own SKU, by the EAN on the variant; one differs in stock from Amazon. */
    const seedMedusa = async () => {
      for (const o of offers) {
        const stock = o.kind === "mfn_new" ? 9 : o.kind === "afn" ? 50 : (o.quantity ?? 0)
        await createProductWithStock(getContainer(), { salesChannelId, locationId, title: o.kind, variants: [{ sku: medusaSku(o.kind), barcode: o.ean, stock, eur: o.price }] })
      }
    }

    /** "Import listings now" as the admin does it, then "sell here" + "export listings" on. */
    const importAndConnect = async () => {
      await toggles({ listings_import: true, include_inactive: true })
      const { data } = await api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "listings_import" }, { headers })
      const run = await waitFor(
        async () => {
          const { data: current } = await api.get(`/admin/amazon/sync-runs/${data.amazon_sync_run.id}`, { headers })
          return ["succeeded", "failed"].includes(current.amazon_sync_run.status) ? current.amazon_sync_run : null
        },
        { what: "the listings import", timeoutMs: 60_000, everyMs: 250 }
      )
      expect(run.status).toBe("succeeded")
      await toggles({ enabled: true, listings_export: true })
    }

    /** Computes and sends until the outbox is empty and every feed is read back. */
    const sendAll = async () => {
      await refreshListingsWorkflow(getContainer()).run({ input: { all: true, store_ids: [storeId] } })
      await waitFor(
        async () => {
          await sendListingChangesWorkflow(getContainer()).run({ input: { store_id: storeId, lock_wait_seconds: 5 }, throwOnError: false })
          await pollListingFeedsWorkflow(getContainer()).run({ input: { store_id: storeId } })
          const open = await amazon().listAmazonListingChanges({ store_id: storeId, status: ["pending", "claimed", "held"] })
          const feeds = await amazon().listAmazonFeeds({ store_id: storeId, completed_at: null, amazon_feed_id: { $ne: null } })
          return open.length === 0 && feeds.length === 0
        },
        { what: "the outbox to drain", timeoutMs: 90_000, everyMs: 500 }
      )
    }

    const variantId = async (sku: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku } })
      return (data[0] as { id: string }).id
    }

    /** The attributes with our two managed values blanked: the consumer price and the merchant quantity. */
    const withoutOurs = (attributes: Attributes) => {
      const copy = structuredClone(attributes) as Record<string, Array<Record<string, unknown>>>
      for (const o of copy.purchasable_offer ?? []) if (o.audience === "ALL") o.our_price = ["ours"]
      for (const f of copy.fulfillment_availability ?? []) if (f.fulfillment_channel_code === "DEFAULT") f.quantity = "ours"
      return copy
    }
    const ourPrice = (sku: string) =>
      ((attributesAtAmazon(sku).purchasable_offer as Array<{ audience: string; our_price: Array<{ schedule: Array<{ value_with_tax: number }> }> }>).find((o) => o.audience === "ALL"))!.our_price[0].schedule[0]
        .value_with_tax
    const merchantStock = (sku: string) => (attributesAtAmazon(sku).fulfillment_availability as Array<Record<string, unknown>>)[0]

    it("connecting a seller with MFN, FBA, used, B2B, repriced and on-sale offers and sending twice changes only what Medusa changed", async () => {
      await seedMedusa()
      await importAndConnect()

      // import kept Amazon's SKU, channel and condition on the listings it linked by EAN
      const listings = new Map((await amazon().listAmazonListings({ store_id: storeId, sku: offers.map((o) => o.sku) })).map((l) => [l.sku, l]))
      expect(listings.size).toBe(offers.length)
      expect(listings.get(offer("afn").sku)).toMatchObject({ fulfillment_channel: "AMAZON_EU", variant_id: await variantId(medusaSku("afn")) })
      expect(listings.get(offer("used").sku)).toMatchObject({ condition_type: "used_very_good", fulfillment_channel: "DEFAULT" })

      // ---- send 1: Amazon already has every price; only the skillet's stock differs (7 → 9)
      await sendAll()
      expect(history().filter((h) => h.sku.startsWith("RS-")).map((h) => [h.sku, Object.keys(h.changes)])).toEqual([[offer("mfn_new").sku, ["fulfillment_availability"]]])
      expect(merchantStock(offer("mfn_new").sku)).toEqual({ fulfillment_channel_code: "DEFAULT", quantity: 9, lead_time_to_ship_max_days: 3 })

      // ---- in Medusa: two prices change, one stock changes, FBA stock changes, the used item stops managing stock
      await updateProductVariantsWorkflow(getContainer()).run({ input: { selector: { sku: medusaSku("b2b") }, update: { prices: [{ currency_code: "eur", amount: 47.5 }] } } })
      await updateProductVariantsWorkflow(getContainer()).run({ input: { selector: { sku: medusaSku("repriced") }, update: { prices: [{ currency_code: "eur", amount: 26 }] } } })
      await updateProductVariantsWorkflow(getContainer()).run({ input: { selector: { sku: medusaSku("used") }, update: { manage_inventory: false } } })
      await setStock(getContainer(), medusaSku("sale"), locationId, 2)
      await setStock(getContainer(), medusaSku("afn"), locationId, 10)
      // this round goes through JSON_LISTINGS_FEED PATCH messages instead of patchListingsItem
      await api.post(`/admin/amazon/stores/${storeId}`, { settings: { fast_path: false } }, { headers })

      // ---- send 2
      await sendAll()
      const changed = (sku: string) => history(sku).flatMap((h) => Object.keys(h.changes))
      expect(changed(offer("b2b").sku)).toEqual(["purchasable_offer"])
      expect(changed(offer("repriced").sku)).toEqual(["purchasable_offer"])
      expect(changed(offer("sale").sku)).toEqual(["fulfillment_availability"])
      expect(changed(offer("afn").sku)).toEqual([])
      expect(changed(offer("used").sku)).toEqual([])
      expect(changed(offer("mfn_new").sku)).toEqual(["fulfillment_availability"]) // send 1 only
      expect(ourPrice(offer("b2b").sku)).toBe(47.5)
      expect(ourPrice(offer("repriced").sku)).toBe(26)
      expect(merchantStock(offer("sale").sku)).toEqual({ fulfillment_channel_code: "DEFAULT", quantity: 2, lead_time_to_ship_max_days: 3 })
      const feeds = await amazon().listAmazonFeeds({ store_id: storeId })
      expect(feeds.length).toBeGreaterThan(0)
      const document = JSON.parse(control().feedDocument(feeds[feeds.length - 1].input_document_id!)!.content.toString("utf8"))
      expect(new Set(document.messages.map((m: { operationType: string }) => m.operationType))).toEqual(new Set(["PATCH"]))

      // everything but the consumer price and the merchant quantity is what the seller had: B2B prices and
      // quantity discounts, min/max, sale price, condition and its note, shipping template, list price, lead time
      for (const o of offers) expect([o.sku, withoutOurs(attributesAtAmazon(o.sku))]).toEqual([o.sku, withoutOurs(before.get(o.sku)!)])
      // the FBA offer stayed FBA; no second SKU was created on any of the seller's ASINs
      expect(control().getListing(SELLER, GERMANY, offer("afn").sku)!.fulfillmentChannel).toBe("AMAZON_EU")
      expect(history().filter((h) => h.kind === "created")).toEqual([])
      for (const o of offers) expect(control().getListing(SELLER, GERMANY, medusaSku(o.kind))).toBeUndefined()
      expect(history().every((h) => h.operationType === "PATCH")).toBe(true)
    })

    it("a store that sends before its listings import adopts the seller's offers: no second SKU on any ASIN, only Medusa's changes", async () => {
      await seedMedusa()
      // export on without an import (the home marketplace starts this way): the seller's SKUs are not known yet
      await toggles({ enabled: true, listings_export: true })
      await sendAll()

      // every variant's listing took the seller's SKU, channel and condition; Amazon has no Medusa SKU
      expect(control().duplicateOffers(SELLER, GERMANY)).toEqual([])
      for (const o of offers) expect(control().getListing(SELLER, GERMANY, medusaSku(o.kind))).toBeUndefined()
      expect(history().filter((h) => h.kind === "created")).toEqual([])
      for (const o of offers) {
        const [listing] = await amazon().listAmazonListings({ store_id: storeId, variant_id: await variantId(medusaSku(o.kind)) })
        expect([o.kind, listing.sku]).toEqual([o.kind, o.sku])
      }
      const [afn] = await amazon().listAmazonListings({ store_id: storeId, sku: offer("afn").sku })
      expect(afn).toMatchObject({ fulfillment_channel: "AMAZON_EU", product_type: "HOME" })
      expect((await amazon().listAmazonListings({ store_id: storeId, sku: offer("used").sku }))[0]).toMatchObject({ condition_type: "used_very_good" })
      expect(control().getListing(SELLER, GERMANY, offer("afn").sku)!.fulfillmentChannel).toBe("AMAZON_EU")
      // only the skillet's stock differed (7 → 9); everything else is what the seller had
      expect(history().filter((h) => h.sku.startsWith("RS-")).map((h) => [h.sku, Object.keys(h.changes)])).toEqual([[offer("mfn_new").sku, ["fulfillment_availability"]]])
      expect(merchantStock(offer("mfn_new").sku)).toEqual({ fulfillment_channel_code: "DEFAULT", quantity: 9, lead_time_to_ship_max_days: 3 })
      for (const o of offers) expect([o.sku, withoutOurs(attributesAtAmazon(o.sku))]).toEqual([o.sku, withoutOurs(before.get(o.sku)!)])

      // a later price change patches the adopted offer, under its own product type (a patch never changes it)
      await updateProductVariantsWorkflow(getContainer()).run({ input: { selector: { sku: medusaSku("b2b") }, update: { prices: [{ currency_code: "eur", amount: 47.5 }] } } })
      await sendAll()
      expect(ourPrice(offer("b2b").sku)).toBe(47.5)
      expect(control().getListing(SELLER, GERMANY, offer("b2b").sku)!.productType).toBe("HOME")
      expect(history().every((h) => h.operationType === "PATCH")).toBe(true)
      expect(control().duplicateOffers(SELLER, GERMANY)).toEqual([])
    })

    it("two seller SKUs of one condition on an ASIN become a choice for the admin; the chosen one is patched, none is created", async () => {
      const skillet = offer("mfn_new")
      control().addListings({
        listings: [{ sellerId: SELLER, marketplaceId: GERMANY, sku: "RS-SKILLET-OLD", asin: skillet.asin, productType: "HOME", price: 31, quantity: 2, fulfillmentChannel: "DEFAULT", conditionType: "new_new" }],
      })
      const seeded = control().duplicateOffers(SELLER, GERMANY)
      expect(seeded).toEqual([{ asin: skillet.asin, condition: "new_new", skus: ["RS-MFN-NEW", "RS-SKILLET-OLD"].sort() }])
      await seedMedusa()
      await toggles({ enabled: true, listings_export: true })
      await sendAll()

      const [listing] = await amazon().listAmazonListings({ store_id: storeId, variant_id: await variantId(medusaSku("mfn_new")) })
      const issue = (listing.issues as unknown as Array<{ code: string; sku_candidates?: Array<{ sku: string }> }>).find((i) => i.code === "several_seller_offers")
      expect(issue?.sku_candidates?.map((c) => c.sku).sort()).toEqual([skillet.sku, "RS-SKILLET-OLD"].sort())
      expect(control().getListing(SELLER, GERMANY, medusaSku("mfn_new"))).toBeUndefined()
      expect(merchantStock(skillet.sku).quantity).toBe(7)

      // not one of the candidates: refused
      const wrong = await api.post(`/admin/amazon/stores/${storeId}/listings/${listing.id}/sku`, { sku: "RS-OTHER" }, { headers }).catch((e: any) => e.response)
      expect(wrong.status).toBe(400)
      const { data } = await api.post(`/admin/amazon/stores/${storeId}/listings/${listing.id}/sku`, { sku: skillet.sku }, { headers })
      expect(data.amazon_listing).toMatchObject({ sku: skillet.sku, fulfillment_channel: "DEFAULT", condition_type: "new_new" })
      await sendAll()
      expect(merchantStock(skillet.sku)).toEqual({ fulfillment_channel_code: "DEFAULT", quantity: 9, lead_time_to_ship_max_days: 3 })
      expect(control().getListing(SELLER, GERMANY, "RS-SKILLET-OLD")!.quantity).toBe(2)
      expect(control().duplicateOffers(SELLER, GERMANY)).toEqual(seeded)
      expect(history().filter((h) => h.kind === "created")).toEqual([])
    })

    it("identical offers in DE, FR and IT go as one feed naming the three; a French regional price splits FR off; each listing records its own result", async () => {
      const FRANCE = "A13V1IB3VIYZZH"
      const ITALY = "APJ6JRA9NG5V4"
      const all = [GERMANY, FRANCE, ITALY]
      const { data: france } = await api.post("/admin/regions", { name: "France", currency_code: "eur", countries: ["fr"] }, { headers })
      await toggles({ enabled: true, listings_export: true })
      await api.post(`/admin/amazon/stores/${storeId}/marketplaces/${FRANCE}`, { enabled: true, listings_export: true, orders_import: false, region_id: france.region.id }, { headers })
      await api.post(`/admin/amazon/stores/${storeId}/marketplaces/${ITALY}`, { enabled: true, listings_export: true, orders_import: false }, { headers })
      // price and stock changes go as feed PATCH messages too (not patchListingsItem), to show their grouping
      await api.post(`/admin/amazon/stores/${storeId}`, { settings: { fast_path: false } }, { headers })
      // offers made one after another share a feed when the second arrives within the gathering pause; 300 ms
      // (this file's pace) is shorter than making a product takes on a loaded machine, 5 s is not
      process.env.AMAZON_FEED_GATHER_MS = "5000"
      // catalog ASINs the seller sells nowhere: new offers, the same in the three marketplaces
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "Skillet", variants: [{ sku: "MM-SKILLET", barcode: "4260987650094", stock: 4, eur: 24.9 }] })
      await createProductWithStock(getContainer(), { salesChannelId, locationId, title: "Bottle", variants: [{ sku: "MM-BOTTLE", barcode: "4260987650100", stock: 6, eur: 12 }] })
      control().clearRequests()
      await sendAll()

      const created = control().requests({ operation: "createFeed" }) as Array<{ body: { marketplaceIds: string[]; inputFeedDocumentId: string } }>
      expect(created.map((r) => [...r.body.marketplaceIds].sort())).toEqual([[...all].sort()])
      const document = JSON.parse(control().feedDocument(created[0].body.inputFeedDocumentId)!.content.toString("utf8"))
      expect(document.messages.map((m: { sku: string }) => m.sku).sort()).toEqual(["MM-BOTTLE", "MM-SKILLET"])
      for (const mp of all) {
        const atAmazon = control().getListing(SELLER, mp, "MM-SKILLET")!
        expect([mp, atAmazon.asin, atAmazon.price, atAmazon.quantity]).toEqual([mp, "B0SANDBX09", 24.9, 4])
        // each marketplace holds its own tagged values only
        expect((atAmazon.attributes.purchasable_offer as Array<{ marketplace_id: string }>).map((o) => o.marketplace_id)).toEqual([mp])
      }
      const rows = await amazon().listAmazonListings({ store_id: storeId, sku: ["MM-SKILLET", "MM-BOTTLE"] })
      expect(rows).toHaveLength(6)
      for (const row of rows) expect([row.sku, row.marketplace_id, row.status, row.sent_hash !== null]).toEqual([row.sku, row.marketplace_id, "active", true])
      expect(control().validationErrors()).toEqual([])

      // France gets a regional price: its message differs, so FR goes in a feed of its own; DE and IT still share one
      const skillet = await variantId("MM-SKILLET")
      await updateProductVariantsWorkflow(getContainer()).run({
        input: { selector: { id: skillet }, update: { prices: [{ currency_code: "eur", amount: 24.9 }, { currency_code: "eur", amount: 26.5, rules: { region_id: france.region.id } } as any] } },
      })
      await setStock(getContainer(), "MM-SKILLET", locationId, 3)
      control().clearRequests()
      await sendAll()
      const split = control().requests({ operation: "createFeed" }) as Array<{ body: { marketplaceIds: string[] } }>
      expect(split.map((r) => [...r.body.marketplaceIds].sort().join(",")).sort()).toEqual([[GERMANY, ITALY].sort().join(","), FRANCE].sort())
      expect(control().getListing(SELLER, FRANCE, "MM-SKILLET")).toMatchObject({ price: 26.5, quantity: 3 })
      for (const mp of [GERMANY, ITALY]) expect(control().getListing(SELLER, mp, "MM-SKILLET")).toMatchObject({ price: 24.9, quantity: 3 })
      const after = new Map((await amazon().listAmazonListings({ store_id: storeId, sku: "MM-SKILLET" })).map((l) => [l.marketplace_id, l]))
      expect(Number(after.get(FRANCE)!.price)).toBe(26.5)
      expect(Number(after.get(GERMANY)!.price)).toBe(24.9)
      for (const mp of all) expect([mp, after.get(mp)!.status, after.get(mp)!.quantity]).toEqual([mp, "active", 3])
      // the bottle did not change: nothing was sent for it
      expect(control().listingHistory({ sellerId: SELLER, sku: "MM-BOTTLE" }).filter((h) => h.kind !== "created")).toEqual([])
      expect(control().duplicateOffers(SELLER, FRANCE)).toEqual([])
    })

    it("switching export off zeroes the merchant offers there (FBA untouched); with the delete setting, sell-here off deletes them", async () => {
      await seedMedusa()
      await importAndConnect()
      await sendAll()
      const merchant = offers.filter((o) => o.kind !== "afn")

      await toggles({ listings_export: false })
      await sendAll()
      for (const o of merchant) expect([o.sku, merchantStock(o.sku).quantity]).toEqual([o.sku, 0])
      expect(merchantStock(offer("mfn_new").sku).lead_time_to_ship_max_days).toBe(3)
      expect(history(offer("afn").sku)).toEqual([])
      // only the stock moved: prices, B2B, min/max and sale prices stay for when the seller switches back on
      for (const o of merchant) expect(withoutOurs(attributesAtAmazon(o.sku))).toEqual(withoutOurs(before.get(o.sku)!))

      // back on: Medusa's stock goes out again
      await toggles({ listings_export: true })
      await sendAll()
      expect(merchantStock(offer("sale").sku).quantity).toBe(6)

      // the store prefers deleting: "sell here" off deletes the merchant offers, never the FBA one
      await api.post(`/admin/amazon/stores/${storeId}`, { settings: { switch_off_offers: "delete" } }, { headers })
      await toggles({ enabled: false })
      await sendAll()
      for (const o of merchant) expect(control().getListing(SELLER, GERMANY, o.sku)).toBeUndefined()
      expect(control().getListing(SELLER, GERMANY, offer("afn").sku)).toBeDefined()
      expect((await amazon().listAmazonListings({ store_id: storeId, sku: offer("sale").sku }))[0]).toMatchObject({ status: "deleted", sent_hash: null })
    })

    it("a store that loses its sales channel zeroes its merchant offers; FBA stays", async () => {
      await seedMedusa()
      await importAndConnect()
      await sendAll()
      await deleteSalesChannelsWorkflow(getContainer()).run({ input: { ids: [salesChannelId] } })
      await waitFor(
        async () => {
          await sendAll()
          return offers.filter((o) => o.kind !== "afn").every((o) => merchantStock(o.sku).quantity === 0)
        },
        { what: "the merchant offers to be zeroed", timeoutMs: 90_000, everyMs: 1000 }
      )
      expect(history(offer("afn").sku)).toEqual([])
      expect(control().getListing(SELLER, GERMANY, offer("afn").sku)!.fulfillmentChannel).toBe("AMAZON_EU")
    })
  },
})
