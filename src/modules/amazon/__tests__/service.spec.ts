import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { AMAZON_MODULE } from ".."
import * as models from "../models"
import type AmazonModuleService from "../service"

jest.setTimeout(60_000)

const GERMANY = "A1PA6795UKMFR9"
const FRANCE = "A13V1IB3VIYZZH"

moduleIntegrationTestRunner<AmazonModuleService>({
  moduleName: AMAZON_MODULE,
  moduleModels: Object.values(models),
  resolve: "./src/modules/amazon",
  moduleOptions: { encryptionKey: Buffer.alloc(32, 7).toString("base64") },
  testSuite: ({ service }) => {
    const createStore = (overrides: Record<string, unknown> = {}) =>
      service.createAmazonStores({
        name: "Store",
        email: "seller@example.com",
        region: "eu",
        marketplace_id: GERMANY,
        product_id_type: "EAN",
        product_id_attribute: "barcode",
        ...overrides,
      })

    describe("amazon_store", () => {
      it("gets an amzst_ id and starts pending", async () => {
        const store = await createStore()
        expect(store.id).toMatch(/^amzst_/)
        expect(store.status).toBe("pending")
      })

      it("connects one seller account once per region", async () => {
        await createStore({ selling_partner_id: "A1SELLER" })
        await expect(createStore({ selling_partner_id: "A1SELLER" })).rejects.toThrow(/already exists/)
        // the same account in another region is another authorization
        await expect(createStore({ selling_partner_id: "A1SELLER", region: "na" })).resolves.toBeDefined()
        // and pending stores (no seller yet) do not collide
        await createStore()
        await createStore()
      })

      it("deletes its marketplaces and mappings with it", async () => {
        const store = await createStore()
        await service.createAmazonMarketplaces([
          { store_id: store.id, marketplace_id: GERMANY, enabled: true },
          { store_id: store.id, marketplace_id: FRANCE },
        ])
        await service.createAmazonCategoryMappings({ store_id: store.id, category_id: "pcat_1", product_type: "SHIRT" })
        await service.softDeleteAmazonStores(store.id)
        expect(await service.listAmazonMarketplaces({ store_id: store.id })).toHaveLength(0)
        expect(await service.listAmazonCategoryMappings({ store_id: store.id })).toHaveLength(0)
        await service.restoreAmazonStores(store.id)
        expect(await service.listAmazonMarketplaces({ store_id: store.id })).toHaveLength(2)
      })
    })

    describe("amazon_marketplace", () => {
      it("exists once per store and marketplace", async () => {
        const store = await createStore()
        await service.createAmazonMarketplaces({ store_id: store.id, marketplace_id: GERMANY })
        await expect(service.createAmazonMarketplaces({ store_id: store.id, marketplace_id: GERMANY })).rejects.toThrow(
          /already exists/
        )
      })
    })

    describe("amazon_listing", () => {
      const listing = (overrides: Record<string, unknown> = {}) => ({
        store_id: "amzst_1",
        marketplace_id: GERMANY,
        variant_id: "variant_1",
        sku: "SKU-1",
        ...overrides,
      })

      it("exists once per store, marketplace and variant", async () => {
        const created = await service.createAmazonListings(listing())
        expect(created.id).toMatch(/^amzlst_/)
        await expect(service.createAmazonListings(listing({ sku: "SKU-2" }))).rejects.toThrow(/already exists/)
        await expect(service.createAmazonListings(listing({ marketplace_id: FRANCE }))).resolves.toBeDefined()
      })

      it("exists once per store, marketplace and SKU", async () => {
        await service.createAmazonListings(listing())
        await expect(service.createAmazonListings(listing({ variant_id: "variant_2" }))).rejects.toThrow(/already exists/)
      })

      it("allows several unlinked imported listings", async () => {
        await service.createAmazonListings(listing({ variant_id: null, sku: "A" }))
        await expect(service.createAmazonListings(listing({ variant_id: null, sku: "B" }))).resolves.toBeDefined()
      })
    })

    describe("amazon_order", () => {
      const order = (overrides: Record<string, unknown> = {}) => ({
        store_id: "amzst_1",
        marketplace_id: GERMANY,
        amazon_order_id: "302-1234567-1234567",
        amazon_status: "Unshipped",
        ...overrides,
      })

      it("exists once per store and Amazon order id, even after a soft delete", async () => {
        const created = await service.createAmazonOrders(order())
        expect(created.id).toMatch(/^amzord_/)
        await expect(service.createAmazonOrders(order())).rejects.toThrow(/already exists/)
        await service.softDeleteAmazonOrders(created.id)
        await expect(service.createAmazonOrders(order())).rejects.toThrow(/already exists/)
        await expect(service.createAmazonOrders(order({ store_id: "amzst_2" }))).resolves.toBeDefined()
      })
    })

    describe("amazon_shipment", () => {
      it("confirms a fulfillment once", async () => {
        const shipment = {
          store_id: "amzst_1",
          amazon_order_id: "302-1234567-1234567",
          fulfillment_id: "ful_1",
          package_reference_id: "1",
          carrier_code: "DHL",
          tracking_number: "JJD000390007777",
          ship_date: new Date(),
          items: [{ order_item_id: "1", quantity: 1 }] as unknown as Record<string, unknown>,
        }
        const created = await service.createAmazonShipments(shipment)
        expect(created.id).toMatch(/^amzshp_/)
        await expect(service.createAmazonShipments(shipment)).rejects.toThrow(/already exists/)
      })
    })

    describe("id prefixes", () => {
      it("are short and tell the model", async () => {
        const store = await createStore()
        const [marketplace, change, feed, run, attribute] = await Promise.all([
          service.createAmazonMarketplaces({ store_id: store.id, marketplace_id: GERMANY }),
          service.createAmazonListingChanges({
            store_id: store.id,
            marketplace_id: GERMANY,
            listing_id: "amzlst_1",
            sku: "SKU-1",
            operation: "patch",
            payload: {},
            hash: "h",
          }),
          service.createAmazonFeeds({
            store_id: store.id,
            feed_type: "JSON_LISTINGS_FEED",
            marketplace_ids: [GERMANY] as unknown as Record<string, unknown>,
          }),
          service.createAmazonSyncRuns({ store_id: store.id, type: "orders" }),
          service.createAmazonAttributeMappings({
            store_id: store.id,
            product_type: "SHIRT",
            attribute: "color",
            source_type: "option",
            source_value: "Colour",
          }),
        ])
        expect(marketplace.id).toMatch(/^amzmkt_/)
        expect(change.id).toMatch(/^amzlch_/)
        expect(feed.id).toMatch(/^amzfd_/)
        expect(run.id).toMatch(/^amzrun_/)
        expect(attribute.id).toMatch(/^amzam_/)
      })
    })

    describe("secrets", () => {
      it("seals and opens with the module's key", async () => {
        const sealed = service.sealSecret("Atzr|token")
        expect(sealed).not.toContain("token")
        expect(service.openSecret(sealed)).toBe("Atzr|token")
      })

      it("keeps the LWA secret and encryption key out of its public options", () => {
        const options = service.getPublicOptions() as Record<string, unknown>
        expect(options).not.toHaveProperty("encryptionKey")
        expect(options).not.toHaveProperty("lwaClientSecret")
      })
    })
  },
})
