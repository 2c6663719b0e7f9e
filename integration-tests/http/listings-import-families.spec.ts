import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { importListingsBatchWorkflow } from "../../src/workflows/listings-import"
import { createAdminHeaders } from "../helpers/admin"
import { createWarehouse, waitFor } from "../helpers/catalog"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"

jest.setTimeout(180_000)

const GERMANY = "A1PA6795UKMFR9"
const sandbox = useSandbox({ timeScale: 600 })

/** The SP-API operations this import calls: their requests must match Amazon's models. */
const OUR_OPERATIONS = new Set(["createReport", "getReport", "getReportDocument", "searchListingsItems"])
const THEME = "SIZE_NAME/COLOR_NAME"

const tagged = (value: string) => [{ value, language_tag: "de_DE", marketplace_id: GERMANY }]
const family = (sku: string) => ({
  parentage_level: [{ value: "child", marketplace_id: GERMANY }],
  child_parent_sku_relationship: [{ child_relationship_type: "variation", parent_sku: "TEE-FAM", marketplace_id: GERMANY }],
  variation_theme: [{ name: THEME, marketplace_id: GERMANY }],
  item_name: tagged(`Organic Tee ${sku}`),
})
/** A child of the seller's Size × Color family as Seller Central made it: its own ASIN, price, stock and theme values. */
const child = (sku: string, size: string, color: string | null, n: number) => ({
  sellerId: SANDBOX_EU.sellerId,
  marketplaceId: GERMANY,
  sku,
  asin: `B0FAMCHD0${n}`,
  productType: "SHIRT",
  itemName: `Organic Tee ${size}${color ? ` ${color}` : ""}`,
  price: 19.9 + n,
  quantity: 3 + n,
  attributes: { ...family(sku), size: tagged(size), ...(color ? { color: tagged(color) } : {}) },
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    let salesChannelId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      sandbox().control.clearValidationErrors()
      const { data } = await api.post(
        "/admin/amazon/stores",
        { name: "DE", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode" },
        { headers }
      )
      storeId = data.amazon_store.id
      salesChannelId = data.amazon_store.sales_channel_id
      await api.post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken }, { headers })
      // the parent has no offer (Amazon reports it without price and quantity): include inactive so its row is read too
      await api.post(`/admin/amazon/stores/${storeId}/marketplaces/${GERMANY}`, { listings_import: true, include_inactive: true, listings_export: false }, { headers })
      await createWarehouse(getContainer(), salesChannelId)
    })

    afterEach(() => {
      const ours = sandbox().control.validationErrors().filter((e: { operationId?: string }) => OUR_OPERATIONS.has(String(e.operationId)))
      expect(ours).toEqual([])
    })

    const importNow = async () => {
      const { status, data } = await api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "listings_import" }, { headers })
      expect(status).toBe(202)
      return waitFor(
        async () => {
          const { data: current } = await api.get(`/admin/amazon/sync-runs/${data.amazon_sync_run.id}`, { headers })
          return ["succeeded", "failed"].includes(current.amazon_sync_run.status) ? current.amazon_sync_run : null
        },
        { what: "the listings import to finish", timeoutMs: 90_000, everyMs: 250 }
      )
    }
    const productCount = async () => (await query().graph({ entity: "product", fields: ["id"] })).data.length
    const listingsBySku = async () => new Map((await amazon().listAmazonListings({ store_id: storeId })).map((l) => [l.sku, l]))
    const searches = () => sandbox().control.requests({ operation: "searchListingsItems" }).length
    const familyProduct = async (id: string) =>
      (
        await query().graph({
          entity: "product",
          fields: ["id", "title", "status", "metadata", "sales_channels.id", "options.title", "options.values.value", "variants.id", "variants.sku", "variants.title", "variants.options.value", "variants.options.option.title", "variants.prices.amount"],
          filters: { id },
        })
      ).data[0] as any
    const optionsOf = (product: any) =>
      Object.fromEntries(product.options.map((o: any) => [o.title, o.values.map((v: any) => v.value).sort()]))
    const variantOptions = (product: any) =>
      Object.fromEntries(product.variants.map((v: any) => [v.sku, Object.fromEntries(v.options.map((o: any) => [o.option.title, o.value]))]))

    it("imports a seller's Size × Color family as one product with options, records the parent, keeps a flat listing flat; a rerun makes nothing; later children join the product", async () => {
      sandbox().control.addListings({
        listings: [
          {
            sellerId: SANDBOX_EU.sellerId,
            marketplaceId: GERMANY,
            sku: "TEE-FAM",
            asin: "B0FAMPAR01",
            productType: "SHIRT",
            itemName: "Organic Tee",
            attributes: { parentage_level: [{ value: "parent", marketplace_id: GERMANY }], variation_theme: [{ name: THEME, marketplace_id: GERMANY }], item_name: tagged("Organic Tee") },
          },
          child("TEE-FAM-S-RED", "S", "Red", 1),
          child("TEE-FAM-S-BLUE", "S", "Blue", 2),
          child("TEE-FAM-M-RED", "M", "Red", 3),
          child("TEE-FAM-M-BLUE", "M", "Blue", 4),
          { sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, sku: "AMZ-BOWL", asin: "B0FLATBWL1", itemName: "Stoneware Bowl", price: 14.5, quantity: 6 },
        ],
      })
      const productsBefore = await productCount()

      // ---- run 1
      const first = await importNow()
      expect(first.status).toBe("succeeded")
      const listings = await listingsBySku()
      const familySkus = ["TEE-FAM-S-RED", "TEE-FAM-S-BLUE", "TEE-FAM-M-RED", "TEE-FAM-M-BLUE"]
      const productId = listings.get("TEE-FAM-S-RED")!.product_id!
      for (const sku of familySkus) expect(listings.get(sku)).toMatchObject({ product_id: productId, variant_id: expect.stringMatching(/^variant_/), status: "active" })

      const tee = await familyProduct(productId)
      expect(tee).toMatchObject({ title: "Organic Tee", status: "draft", metadata: { amazon_parent_sku: "TEE-FAM", amazon_variation_theme: THEME, amazon_asin: "B0FAMPAR01" }, sales_channels: [{ id: salesChannelId }] })
      expect(optionsOf(tee)).toEqual({ Size: ["M", "S"], Color: ["Blue", "Red"] })
      expect(variantOptions(tee)).toEqual({
        "TEE-FAM-S-RED": { Size: "S", Color: "Red" },
        "TEE-FAM-S-BLUE": { Size: "S", Color: "Blue" },
        "TEE-FAM-M-RED": { Size: "M", Color: "Red" },
        "TEE-FAM-M-BLUE": { Size: "M", Color: "Blue" },
      })
      // each child's listing is linked to its own variant, with Amazon's ASIN and price
      for (const variant of tee.variants) expect(listings.get(variant.sku)!.variant_id).toBe(variant.id)
      expect(listings.get("TEE-FAM-M-BLUE")).toMatchObject({ asin: "B0FAMCHD04", quantity: 7 })

      // the parent: a listing of the family's product without a variant, never a product or variant of its own
      expect(listings.get("TEE-FAM")).toMatchObject({ product_id: productId, variant_id: null, asin: "B0FAMPAR01", price: null, quantity: null })
      expect((await query().graph({ entity: "product_variant", fields: ["id"], filters: { sku: "TEE-FAM" } })).data).toEqual([])

      // the flat listing: a product of its own
      const bowl = listings.get("AMZ-BOWL")!
      expect(bowl.product_id).not.toBe(productId)
      expect((await familyProduct(bowl.product_id!)).variants.map((v: any) => v.sku)).toEqual(["AMZ-BOWL"])

      // the sandbox's 6 seeded DE listings + the bowl are flat products; the family is one product
      expect(await productCount()).toBe(productsBefore + 8)
      expect(first.counts).toMatchObject({ created: 8, families_created: 1, family_children: 4, family_parents: 1 })
      // Amazon was asked only about the unknown SKUs, 20 a call
      const asked = sandbox().control.requests({ operation: "searchListingsItems" })
      expect(asked.length).toBe(1)

      // ---- run 2: nothing new, nothing asked
      const searchesBefore = searches()
      const second = await importNow()
      expect(second.status).toBe("succeeded")
      expect(second.counts).toMatchObject({ created: 0 })
      expect(second.counts.family_children ?? 0).toBe(0)
      expect(await productCount()).toBe(productsBefore + 8)
      expect(searches()).toBe(searchesBefore)
      const again = await listingsBySku()
      for (const [sku, listing] of listings) expect(again.get(sku)).toMatchObject({ id: listing.id, variant_id: listing.variant_id, product_id: listing.product_id })

      // ---- run 3: Seller Central added size L (and one child without a color): L joins the product, the odd one stays apart
      sandbox().control.addListings({ listings: [child("TEE-FAM-L-RED", "L", "Red", 5), child("TEE-FAM-L-BLUE", "L", "Blue", 6), child("TEE-FAM-XL", "XL", null, 7)] })
      const third = await importNow()
      expect(third.status).toBe("succeeded")
      expect(third.counts).toMatchObject({ created: 1, family_children: 2, families_created: 0, family_children_apart: 1 })
      expect(third.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: "family_child_apart",
            sku: "TEE-FAM-XL",
            message: expect.stringMatching(/SKU TEE-FAM-XL is a child of variation parent TEE-FAM on Amazon, but Amazon shows no color for it \(theme SIZE_NAME\/COLOR_NAME\); it was imported as a product of its own/),
          }),
        ])
      )
      const grown = await familyProduct(productId)
      expect(optionsOf(grown)).toEqual({ Size: ["L", "M", "S"], Color: ["Blue", "Red"] })
      expect(variantOptions(grown)).toMatchObject({ "TEE-FAM-L-RED": { Size: "L", Color: "Red" }, "TEE-FAM-L-BLUE": { Size: "L", Color: "Blue" } })
      expect(grown.variants).toHaveLength(6)
      const last = await listingsBySku()
      expect(last.get("TEE-FAM-L-BLUE")).toMatchObject({ product_id: productId, variant_id: grown.variants.find((v: any) => v.sku === "TEE-FAM-L-BLUE").id })
      expect(last.get("TEE-FAM-XL")!.product_id).not.toBe(productId)
      expect(await productCount()).toBe(productsBefore + 9)
    })

    it("when Amazon cannot say which SKUs belong to a family, new SKUs wait for the next run instead of becoming flat products", async () => {
      sandbox().control.addListings({ listings: [child("TEE-FAM-S-RED", "S", "Red", 1)] })
      const productsBefore = await productCount()
      sandbox().control.addFault({ operation: "searchListingsItems", kind: "500" })
      const failed = await importNow()
      sandbox().control.clearFaults()
      // 7 rows of the all-listings report, and the inactive candle again in the inactive report
      expect(failed.counts).toMatchObject({ created: 0, skipped_family_unknown: 8 })
      expect(failed.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: "amazon_error", message: expect.stringMatching(/7 new listings were not imported because Amazon could not say which belong to a variation family .*the next run tries again/) }),
        ])
      )
      expect(await productCount()).toBe(productsBefore)

      const next = await importNow()
      expect(next.status).toBe("succeeded")
      expect(next.counts).toMatchObject({ created: 7, families_created: 1, family_children: 1 })
      const listing = (await listingsBySku()).get("TEE-FAM-S-RED")!
      expect((await familyProduct(listing.product_id!)).metadata).toMatchObject({ amazon_parent_sku: "TEE-FAM" })
    })

    it("children join a product the merchant tagged with the family's parent SKU (metadata amazon_parent_sku); the parent is recorded on it", async () => {
      const {
        result: [tee],
      } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            {
              title: "Our tee",
              options: [
                { title: "Size", values: ["S"] },
                { title: "Color", values: ["Red"] },
              ],
              variants: [{ title: "S / Red", sku: "LOCAL-TEE-S-RED", options: { Size: "S", Color: "Red" }, prices: [{ currency_code: "eur", amount: 20.9 }] }],
              sales_channels: [{ id: salesChannelId }],
              metadata: { amazon_parent_sku: "TEE-FAM" },
            },
          ],
        },
      })
      sandbox().control.addListings({ listings: [child("TEE-FAM-M-RED", "M", "Red", 3), child("TEE-FAM-M-BLUE", "M", "Blue", 4)] })
      const run = await importNow()
      expect(run.counts).toMatchObject({ family_children: 2, families_created: 0, family_parents: 1 })
      const joined = await familyProduct(tee.id)
      expect(optionsOf(joined)).toEqual({ Size: ["M", "S"], Color: ["Blue", "Red"] })
      expect(Object.keys(variantOptions(joined)).sort()).toEqual(["LOCAL-TEE-S-RED", "TEE-FAM-M-BLUE", "TEE-FAM-M-RED"])
      expect((await listingsBySku()).get("TEE-FAM")).toMatchObject({ product_id: tee.id, variant_id: null })
    })

    it("a batch whose listing write fails takes back the children it added to a family's product and their option values (compensation)", async () => {
      const {
        result: [tee],
      } = await createProductsWorkflow(getContainer()).run({
        input: {
          products: [
            {
              title: "Organic Tee",
              options: [
                { title: "Size", values: ["S"] },
                { title: "Color", values: ["Red"] },
              ],
              variants: [{ title: "S / Red", sku: "TEE-FAM-S-RED", options: { Size: "S", Color: "Red" }, prices: [{ currency_code: "eur", amount: 20.9 }] }],
              metadata: { amazon_parent_sku: "TEE-FAM" },
            },
          ],
        },
      })
      const before = await familyProduct(tee.id)
      const sizeOption = (tee.options ?? []).find((o: { title: string }) => o.title === "Size")!
      const error = await importListingsBatchWorkflow(getContainer())
        .run({
          input: {
            store_id: storeId,
            marketplace_id: GERMANY,
            currency_code: "eur",
            synced_at: new Date().toISOString(),
            location_id: null,
            // an update of a listing that does not exist makes the last step fail
            links: [{ sku: "GHOST", asin: null, status: "active", price: 1, quantity: 1, fulfillment_channel: "DEFAULT", condition_type: "new_new", existing_id: "amzlst_missing", restore: false, variant_id: "variant_x", product_id: "prod_x" }],
            products: [],
            new_listings: [{ fields: { sku: "TEE-FAM-M-RED", asin: "B0FAMCHD03", status: "active", price: 22.9, quantity: 6, fulfillment_channel: "DEFAULT", condition_type: "new_new" }, existing_id: null, restore: false, stock: 6 }],
            additions: [
              {
                product_id: tee.id,
                option_values: [{ product_option_id: sizeOption.id, add: ["M"] }],
                variants: [{ title: "M / Red", sku: "TEE-FAM-M-RED", manage_inventory: true, options: { Size: "M", Color: "Red" }, prices: [{ currency_code: "eur", amount: 22.9 }] }],
              },
            ],
            parents: [{ fields: { sku: "TEE-FAM", asin: "B0FAMPAR01", status: "active", price: null, quantity: null, fulfillment_channel: null, condition_type: null }, existing_id: null, restore: false, product_id: tee.id, child_sku: "TEE-FAM-M-RED" }],
          },
        })
        .catch((e: { message?: string }) => e)
      expect(error).toMatchObject({ message: expect.stringMatching(/amzlst_missing/) })
      const after = await familyProduct(tee.id)
      expect(after.variants.map((v: any) => v.sku)).toEqual(["TEE-FAM-S-RED"])
      expect(optionsOf(after)).toEqual(optionsOf(before))
      expect(await amazon().listAmazonListings({ store_id: storeId })).toEqual([])
    })
  },
})
