import Ajv from "ajv"
import addFormats from "ajv-formats"
import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createInventoryLevelsWorkflow, createProductCategoriesWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { pollListingFeedsWorkflow, refreshListingsWorkflow, sendListingChangesWorkflow } from "../../src/workflows/listings"
import { withCheckDigit } from "../../sandbox/gtin"
import { createAdminHeaders } from "../helpers/admin"
import { createWarehouse, waitFor } from "../helpers/catalog"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"

jest.setTimeout(240_000)

process.env.AMAZON_FEED_GATHER_MS = "1500"

const GERMANY = "A1PA6795UKMFR9"
const sandbox = useSandbox()

const MODELS = process.env.AMAZON_SP_API_MODELS_DIR ?? path.resolve(__dirname, "../../../shared/amazon-sp-api")
const FEED_SCHEMA = path.join(MODELS, "schemas/feeds/listings-feed-schema-v2.json")

function feedSchemaValidator() {
  if (!existsSync(FEED_SCHEMA)) return null
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(JSON.parse(readFileSync(path.join(MODELS, "schemas/feeds/listings-feed-message-schema-v2.json"), "utf8")))
  return ajv.compile(JSON.parse(readFileSync(FEED_SCHEMA, "utf8")))
}

type Message = { sku: string; operationType: string; requirements?: string; attributes?: Record<string, any> }

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    let salesChannelId: string
    let locationId: string
    let categoryId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)

    beforeEach(async () => {
      // long enough to look at the pending changes (dry run) before the event-triggered send
      process.env.AMAZON_LISTINGS_SETTLE_MS = "8000"
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      const { data } = await api.post(
        "/admin/amazon/stores",
        { name: "DE", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode" },
        { headers }
      )
      storeId = data.amazon_store.id
      salesChannelId = data.amazon_store.sales_channel_id
      await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken }, { headers })
      locationId = await createWarehouse(getContainer(), salesChannelId)
      const { result } = await createProductCategoriesWorkflow(getContainer()).run({ input: { product_categories: [{ name: "Shirts", is_active: true }] } })
      categoryId = result[0].id
      await api.post(`/admin/amazon/stores/${storeId}/category-mappings`, { category_id: categoryId, product_type: "SHIRT" }, { headers })
      for (const [attribute, value] of [["brand", "Sandbox Apparel"], ["department", "unisex"]]) {
        await api.post(`/admin/amazon/stores/${storeId}/attribute-mappings`, { product_type: "SHIRT", attribute, source_type: "constant", source_value: value }, { headers })
      }
    })

    afterEach(() => {
      // every request the sandbox received matched Amazon's models (feeds included)
      expect(sandbox().control.validationErrors()).toEqual([])
    })

    const mapOption = (attribute: string, option: string) =>
      api.post(`/admin/amazon/stores/${storeId}/attribute-mappings`, { product_type: "SHIRT", attribute, source_type: "option", source_value: option }, { headers })

    /** A product with two options (first × second), each variant with its own new EAN and stock. */
    async function createFamilyProduct(handle: string, first: [string, string[]], second: [string, string[]], eanBase: number) {
      const variants = first[1].flatMap((a) => second[1].map((b) => ({ a, b })))
      const { result } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            {
              title: "Baumwoll-Shirt",
              handle,
              status: "published",
              category_ids: [categoryId],
              sales_channels: [{ id: salesChannelId }],
              options: [
                { title: first[0], values: first[1] },
                { title: second[0], values: second[1] },
              ],
              variants: variants.map(({ a, b }, i) => ({
                title: `${a} / ${b}`,
                sku: `${handle.toUpperCase()}-${a}-${b}`.toUpperCase(),
                barcode: withCheckDigit(String(eanBase + i)),
                manage_inventory: true,
                options: { [first[0]]: a, [second[0]]: b },
                prices: [{ currency_code: "eur", amount: 24.99 }],
              })),
            },
          ],
        },
      })
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const skus = variants.map(({ a, b }) => `${handle}-${a}-${b}`.toUpperCase())
      const { data: items } = await query.graph({ entity: "inventory_item", fields: ["id", "sku"], filters: { sku: skus } })
      expect(items.length).toBe(skus.length)
      await createInventoryLevelsWorkflow(getContainer()).run({
        input: { inventory_levels: (items as Array<{ id: string }>).map((i) => ({ inventory_item_id: i.id, location_id: locationId, stocked_quantity: 5 })) },
      })
      // the stock buffer flushes shortly; the test does not wait for it
      await refreshListingsWorkflow(getContainer()).run({ input: { product_ids: [result[0].id] } })
      return { product: result[0], skus }
    }

    const listing = async (sku: string) => (await amazon().listAmazonListings({ store_id: storeId, sku }))[0]
    const readFeeds = () =>
      waitFor(
        async () => {
          await pollListingFeedsWorkflow(getContainer()).run({ input: { store_id: storeId } })
          const open = await amazon().listAmazonFeeds({ store_id: storeId, completed_at: null, amazon_feed_id: { $ne: null } })
          return open.length === 0
        },
        { what: "feeds to be processed", everyMs: 500, timeoutMs: 60_000 }
      )
    const feedDocuments = async () => {
      const feeds = await amazon().listAmazonFeeds({ store_id: storeId }, { order: { created_at: "ASC" } })
      return feeds
        .filter((f) => f.input_document_id)
        .map((f) => JSON.parse(sandbox().control.feedDocument(f.input_document_id!)!.content.toString("utf8")) as { messages: Message[] })
    }

    it("sends a 2×3 product as one family: the parent first and accepted, then 6 children that name it; the dry run validates a parent and a child", async () => {
      await mapOption("size", "Size")
      await mapOption("color", "Color")
      const { skus } = await createFamilyProduct("family-tee", ["Size", ["S", "M"]], ["Color", ["Red", "Blue", "Green"]], 400638133500)
      const parentSku = "P-FAMILY-TEE"

      // the admin's suggestions: each option title, the attribute it suggests, the mapping it has; and the type's themes
      const { data: suggested } = await api.get(`/admin/amazon/stores/${storeId}/option-suggestions?product_type=SHIRT`, { headers })
      expect(suggested.variation_themes.map((t: { name: string }) => t.name)).toEqual(["SIZE_NAME", "COLOR_NAME", "SIZE_NAME/COLOR_NAME"])
      expect(suggested.suggestions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ option: "Size", suggested_attribute: "size", mapped_attribute: "size" }),
          expect.objectContaining({ option: "Color", suggested_attribute: "color", mapped_attribute: "color" }),
        ])
      )

      // dry run, before anything is sent: a parent and its children, each judged by Amazon (VALIDATION_PREVIEW)
      const preview = await waitFor(
        async () => {
          const { data } = await api.get(`/admin/amazon/stores/${storeId}/listings/dry-run?validate=true`, { headers })
          return data.changes.length === 7 ? data : null
        },
        { what: "seven pending changes" }
      )
      const parentRow = preview.changes.find((c: { sku: string }) => c.sku === parentSku)
      const childRow = preview.changes.find((c: { sku: string }) => c.sku === skus[0])
      expect(parentRow.amazon_validation).toMatchObject({ status: "VALID" })
      expect(childRow.amazon_validation).toMatchObject({ status: "VALID" })
      expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, parentSku)).toBeUndefined()

      // the event-triggered send takes the parent only: the children wait for it to be accepted
      await waitFor(async () => (await listing(parentSku))?.status === "submitted", { what: "parent submitted", timeoutMs: 40_000 })
      await readFeeds()
      const parent = await listing(parentSku)
      expect(parent).toMatchObject({ variant_id: null, sent_hash: expect.any(String), asin: expect.stringMatching(/^B0/) })
      for (const sku of skus) expect((await listing(sku)).status).toBe("pending")

      await sendListingChangesWorkflow(getContainer()).run({ input: { store_id: storeId } })
      await waitFor(async () => (await Promise.all(skus.map(listing))).every((l) => l.status === "submitted"), { what: "children submitted" })
      await readFeeds()

      const documents = await feedDocuments()
      expect(documents.map((d) => d.messages.map((m) => m.sku))).toEqual([[parentSku], expect.arrayContaining(skus)])
      const [parentMessage] = documents[0].messages
      expect(parentMessage).toMatchObject({
        operationType: "UPDATE",
        requirements: "LISTING_PRODUCT_ONLY",
        productType: "SHIRT",
        attributes: { parentage_level: [{ value: "parent", marketplace_id: GERMANY }], variation_theme: [{ name: "SIZE_NAME/COLOR_NAME" }] },
      })
      expect(parentMessage.attributes!.purchasable_offer).toBeUndefined()
      expect(parentMessage.attributes!.fulfillment_availability).toBeUndefined()
      expect(parentMessage.attributes!.size).toBeUndefined()
      const child = documents[1].messages.find((m) => m.sku === "FAMILY-TEE-M-BLUE")!
      expect(child).toMatchObject({
        requirements: "LISTING",
        attributes: {
          parentage_level: [{ value: "child", marketplace_id: GERMANY }],
          child_parent_sku_relationship: [{ child_relationship_type: "variation", parent_sku: parentSku, marketplace_id: GERMANY }],
          variation_theme: [{ name: "SIZE_NAME/COLOR_NAME" }],
          size: [{ value: "M", language_tag: "de_DE", marketplace_id: GERMANY }],
          color: [{ value: "Blue", language_tag: "de_DE", marketplace_id: GERMANY }],
        },
      })
      const validate = feedSchemaValidator()
      if (validate) for (const d of documents) expect(validate(d) ? [] : validate.errors).toEqual([])

      // Amazon has the family: every child accepted with its own ASIN under the parent
      for (const sku of skus) {
        expect(await listing(sku)).toMatchObject({ sent_hash: expect.any(String), asin: expect.stringMatching(/^B0/) })
        expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, sku)?.attributes.child_parent_sku_relationship).toEqual([
          { child_relationship_type: "variation", parent_sku: parentSku, marketplace_id: GERMANY },
        ])
      }

      // a later price change goes to a child as a PATCH of its offer, and the family attributes stay
      sandbox().control.clearRequests()
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: [variant] } = await query.graph({ entity: "product_variant", fields: ["id", "price_set.id", "prices.id"], filters: { sku: "FAMILY-TEE-M-BLUE" } })
      const { updateProductVariantsWorkflow } = await import("@medusajs/medusa/core-flows")
      await updateProductVariantsWorkflow(getContainer()).run({ input: { selector: { id: (variant as { id: string }).id }, update: { prices: [{ currency_code: "eur", amount: 27.5 }] } } })
      process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
      await waitFor(async () => sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, "FAMILY-TEE-M-BLUE")?.price === 27.5, { what: "new price at Amazon", timeoutMs: 40_000 })
      expect(sandbox().control.requests({ operation: "putListingsItem" })).toEqual([])
      expect(sandbox().control.getListing(SANDBOX_EU.sellerId, GERMANY, "FAMILY-TEE-M-BLUE")?.attributes.parentage_level).toEqual([{ value: "child", marketplace_id: GERMANY }])
    })

    it("falls back to standalone listings with a readable issue when the mapped options fit no theme of the product type", async () => {
      await mapOption("size", "Size")
      await mapOption("material", "Material")
      await api.post(`/admin/amazon/stores/${storeId}/attribute-mappings`, { product_type: "SHIRT", attribute: "color", source_type: "constant", source_value: "Black" }, { headers })
      process.env.AMAZON_LISTINGS_SETTLE_MS = "300"
      const { skus } = await createFamilyProduct("flat-tee", ["Size", ["S", "M"]], ["Material", ["Cotton", "Linen"]], 400638133600)

      await waitFor(async () => (await Promise.all(skus.map(listing))).every((l) => l?.status === "submitted"), { what: "standalone listings submitted", timeoutMs: 40_000 })
      await readFeeds()
      for (const sku of skus) {
        const row = await listing(sku)
        expect(row.asin).toMatch(/^B0/)
        const issue = ((row.issues ?? []) as unknown as Array<{ code: string; message: string; severity: string }>).find((i) => i.code === "variation_flat")
        expect(issue).toMatchObject({ severity: "warning" })
        expect(issue!.message).toMatch(/no variation theme of SHIRT fits its mapped options \(Material → material, Size → size\)/)
        expect(issue!.message).toMatch(/SIZE_NAME\/COLOR_NAME \(size \+ color\)/)
      }
      expect(await listing("P-FLAT-TEE")).toBeUndefined()
      const messages = (await feedDocuments()).flatMap((d) => d.messages)
      expect(messages.map((m) => m.sku).sort()).toEqual([...skus].sort())
      for (const m of messages) {
        expect(m.requirements).toBe("LISTING")
        expect(m.attributes!.parentage_level).toBeUndefined()
        expect(m.attributes!.variation_theme).toBeUndefined()
      }
    })

    it("the sandbox refuses a family Amazon would refuse: unknown theme, a child without its parent or its theme's attribute, a parent with an offer", async () => {
      const client = await amazon().getStoreSpApiClient(storeId)
      const put = (sku: string, requirements: string, attributes: Record<string, unknown>) =>
        client.listingsItems.putListingsItem({
          sellerId: SANDBOX_EU.sellerId as never,
          sku: sku as never,
          marketplaceIds: [GERMANY as never],
          body: { productType: "SHIRT", requirements: requirements as never, attributes },
        })
      const text = (value: string) => [{ value, language_tag: "de_DE", marketplace_id: GERMANY }]
      const facts = { item_name: text("Shirt"), brand: text("B"), department: text("unisex") }
      const theme = (name: string) => [{ name }]
      const level = (value: string) => [{ value, marketplace_id: GERMANY }]
      const rel = (parent: string) => [{ child_relationship_type: "variation", parent_sku: parent, marketplace_id: GERMANY }]
      const offer = { condition_type: level("new_new"), purchasable_offer: [{ marketplace_id: GERMANY, currency: "EUR", our_price: [{ schedule: [{ value_with_tax: 10 }] }] }] }
      const codes = (answer: { issues?: Array<{ message: string; severity: string }> }) => (answer.issues ?? []).filter((i) => i.severity === "ERROR").map((i) => i.message)

      expect(codes(await put("P-X", "LISTING_PRODUCT_ONLY", { ...facts, parentage_level: level("parent"), variation_theme: theme("SIZE_COLOR") }))).toEqual([expect.stringMatching(/'SIZE_COLOR' for 'variation_theme' is not valid/)])
      expect(codes(await put("P-Y", "LISTING", { ...facts, ...offer, parentage_level: level("parent"), variation_theme: theme("SIZE_NAME") }))).toEqual([expect.stringMatching(/not buyable: remove 'purchasable_offer'/)])
      const ean = { externally_assigned_product_identifier: [{ type: "ean", value: withCheckDigit("400638133700"), marketplace_id: GERMANY }] }
      expect(codes(await put("C-1", "LISTING", { ...facts, ...offer, ...ean, size: text("M"), color: text("Red"), parentage_level: level("child"), child_parent_sku_relationship: rel("P-NONE"), variation_theme: theme("SIZE_NAME") }))).toEqual([expect.stringMatching(/parent SKU 'P-NONE' does not exist/)])
      expect((await put("P-OK", "LISTING_PRODUCT_ONLY", { ...facts, parentage_level: level("parent"), variation_theme: theme("SIZE_NAME/COLOR_NAME") })).status).toBe("ACCEPTED")
      expect(codes(await put("C-2", "LISTING", { ...facts, ...offer, ...ean, size: text("M"), color: text("Red"), parentage_level: level("child"), child_parent_sku_relationship: rel("P-OK"), variation_theme: theme("SIZE_NAME") }))).toEqual([expect.stringMatching(/differs from its parent 'P-OK'/)])
      const missing = codes(await put("C-3", "LISTING", { ...facts, ...offer, ...ean, size: text("M"), parentage_level: level("child"), child_parent_sku_relationship: rel("P-OK"), variation_theme: theme("SIZE_NAME/COLOR_NAME") }))
      expect(missing).toEqual(expect.arrayContaining([expect.stringMatching(/'color' is required by variation theme 'SIZE_NAME\/COLOR_NAME'/)]))
      expect((await put("C-4", "LISTING", { ...facts, ...offer, ...ean, size: text("M"), color: text("Red"), parentage_level: level("child"), child_parent_sku_relationship: rel("P-OK"), variation_theme: theme("SIZE_NAME/COLOR_NAME") })).status).toBe("ACCEPTED")
    })
  },
})
