import { createCipheriv, randomBytes } from "node:crypto"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { AMAZON_MODULE } from ".."
import { buyerDataBinding, refreshTokenBinding } from "../lib/secret-bindings"
import * as models from "../models"
import type AmazonModuleService from "../service"

jest.setTimeout(60_000)

const GERMANY = "A1PA6795UKMFR9"
const KEY = Buffer.alloc(32, 7)

/** A value as the plugin wrote it before bindings existed (v1: AES-GCM without associated data). */
function sealV1(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".")
}
const FRANCE = "A13V1IB3VIYZZH"

moduleIntegrationTestRunner<AmazonModuleService>({
  moduleName: AMAZON_MODULE,
  moduleModels: Object.values(models),
  resolve: "./src/modules/amazon",
  moduleOptions: { encryptionKey: KEY.toString("base64") },
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
        // another fulfillment of the same order cannot take its package number, even once it is soft-deleted
        await expect(service.createAmazonShipments({ ...shipment, fulfillment_id: "ful_2" })).rejects.toThrow(/package_reference_id/)
        await service.softDeleteAmazonShipments(created.id)
        await expect(service.createAmazonShipments({ ...shipment, fulfillment_id: "ful_2" })).rejects.toThrow(/package_reference_id/)
        await expect(service.createAmazonShipments({ ...shipment, fulfillment_id: "ful_2", package_reference_id: "2" })).resolves.toBeDefined()
        await expect(service.createAmazonShipments({ ...shipment, fulfillment_id: "ful_3", amazon_order_id: "302-7654321-7654321" })).resolves.toBeDefined()
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
      it("seals and opens with the module's key, for one row and column", async () => {
        const sealed = service.sealSecret("Atzr|token", refreshTokenBinding("amzst_1"))
        expect(sealed).not.toContain("token")
        expect(service.openSecret(sealed, refreshTokenBinding("amzst_1"))).toBe("Atzr|token")
        expect(() => service.openSecret(sealed, refreshTokenBinding("amzst_2"))).toThrow(/another row/)
      })

      it("re-seals values written before bindings (v1) bound to their row, once (the migration script)", async () => {
        const store = await createStore({ selling_partner_id: "A1RESEAL" })
        const other = await createStore({ selling_partner_id: "A2RESEAL" })
        await service.updateAmazonStores([
          { id: store.id, refresh_token_ciphertext: sealV1(KEY, "Atzr|old-token") },
          { id: other.id, refresh_token_ciphertext: sealV1(Buffer.alloc(32, 9), "Atzr|other-key") },
        ])
        const orders = await service.createAmazonOrders(
          ["028-1", "028-2", "028-3"].map((id) => ({
            store_id: store.id,
            marketplace_id: GERMANY,
            amazon_order_id: id,
            amazon_status: "UNSHIPPED",
            buyer_data_ciphertext: sealV1(KEY, JSON.stringify({ name: `Buyer ${id}` })),
          }))
        )
        expect(await service.resealLegacySecrets(2)).toEqual({ resealed: 4, unreadable: 1 })

        const resealed = await service.retrieveAmazonStore(store.id)
        expect(resealed.refresh_token_ciphertext).toMatch(/^v2\./)
        expect(service.openSecret(resealed.refresh_token_ciphertext!, refreshTokenBinding(store.id))).toBe("Atzr|old-token")
        // a value that does not open is left as it was
        expect((await service.retrieveAmazonStore(other.id)).refresh_token_ciphertext).toMatch(/^v1\./)
        for (const order of await service.listAmazonOrders({ id: orders.map((o) => o.id) })) {
          expect(order.buyer_data_ciphertext).toMatch(/^v2\./)
          const binding = buyerDataBinding(store.id, order.amazon_order_id)
          expect(JSON.parse(service.openSecret(order.buyer_data_ciphertext!, binding))).toEqual({ name: `Buyer ${order.amazon_order_id}` })
        }
        // run again: nothing left to do
        expect(await service.resealLegacySecrets()).toEqual({ resealed: 0, unreadable: 1 })
      })

      it("keeps the LWA secret and encryption key out of its public options", () => {
        const options = service.getPublicOptions() as Record<string, unknown>
        expect(options).not.toHaveProperty("encryptionKey")
        expect(options).not.toHaveProperty("lwaClientSecret")
      })
    })
  },
})
