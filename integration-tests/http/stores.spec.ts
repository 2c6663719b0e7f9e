import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import { refreshTokenBinding } from "../../src/modules/amazon/lib/secret-bindings"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { createAdminHeaders } from "../helpers/admin"
import { captureOutput } from "../helpers/capture-output"

jest.setTimeout(120_000)

const GERMANY = "A1PA6795UKMFR9"
const validStore = {
  name: "My DE store",
  email: "seller@example.com",
  marketplace_id: GERMANY,
  product_id_type: "EAN",
  product_id_attribute: "barcode",
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
    })

    const create = (body: Record<string, unknown> = validStore) =>
      api.post("/admin/amazon/stores", body, { headers })

    describe("POST /admin/amazon/stores", () => {
      it("creates a pending store with its home marketplace and a new sales channel", async () => {
        const { status, data } = await create()
        expect(status).toBe(200)
        expect(data.amazon_store).toMatchObject({
          id: expect.stringMatching(/^amzst_/),
          name: "My DE store",
          email: "seller@example.com",
          region: "eu",
          marketplace_id: GERMANY,
          status: "pending",
          product_id_type: "EAN",
          product_id_attribute: "barcode",
          marketplace: { country_code: "DE", currency_code: "EUR", region: "eu" },
          settings: { stock_buffer: 0, confirm_shipment_on: "shipment_created", fast_path: true },
          marketplaces: [expect.objectContaining({ marketplace_id: GERMANY, enabled: true })],
        })
        const salesChannels = await getContainer()
          .resolve(Modules.SALES_CHANNEL)
          .listSalesChannels({ id: data.amazon_store.sales_channel_id })
        expect(salesChannels[0].name).toBe("Amazon – My DE store")
      })

      it("uses an existing sales channel when given one", async () => {
        const [channel] = await getContainer()
          .resolve(Modules.SALES_CHANNEL)
          .createSalesChannels([{ name: "Webshop" }])
        const { data } = await create({ ...validStore, sales_channel_id: channel.id })
        expect(data.amazon_store.sales_channel_id).toBe(channel.id)
      })

      it("accepts a metadata key as the product id source", async () => {
        const { data } = await create({ ...validStore, product_id_type: "ASIN", product_id_attribute: "metadata.asin" })
        expect(data.amazon_store.product_id_attribute).toBe("metadata.asin")
      })

      it.each([
        ["an unknown marketplace id", { marketplace_id: "XXNOTAMARKET" }, "marketplace_id"],
        ["a bad email", { email: "not-an-email" }, "email"],
        ["an unknown product_id_type", { product_id_type: "MPN" }, "product_id_type"],
        ["an unknown product id field", { product_id_attribute: "title" }, "product_id_attribute"],
        ["an empty name", { name: "" }, "name"],
        ["a settings key that does not exist", { settings: { stock_bufer: 2 } }, "stock_bufer"],
        ["a negative stock buffer", { settings: { stock_buffer: -1 } }, "stock_buffer"],
        ["an unexpected field", { refresh_token: "Atzr|x" }, "refresh_token"],
      ])("refuses %s with 400 and stores nothing", async (_label, override, field) => {
        const error = await create({ ...validStore, ...override }).catch((e: any) => e)
        expect(error.response.status).toBe(400)
        expect(error.response.data).toMatchObject({ type: "invalid_data" })
        expect(error.response.data.message).toContain(field)
        const stores = await getContainer().resolve<AmazonModuleService>(AMAZON_MODULE).listAmazonStores()
        expect(stores).toHaveLength(0)
      })

      it("refuses a sales channel that does not exist, and leaves nothing behind", async () => {
        const error = await create({ ...validStore, sales_channel_id: "sc_missing" }).catch((e: any) => e)
        expect(error.response.status).toBe(400)
        expect(error.response.data.message).toContain("sc_missing")
        const stores = await getContainer().resolve<AmazonModuleService>(AMAZON_MODULE).listAmazonStores()
        expect(stores).toHaveLength(0)
      })

      it("requires admin authentication", async () => {
        const error = await api.post("/admin/amazon/stores", validStore).catch((e: any) => e)
        expect(error.response.status).toBe(401)
      })
    })

    describe("GET /admin/amazon/stores", () => {
      it("lists stores with count, limit and offset", async () => {
        await create({ ...validStore, name: "A" })
        await create({ ...validStore, name: "B" })
        await create({ ...validStore, name: "C" })
        const { data } = await api.get("/admin/amazon/stores?limit=2&offset=1", { headers })
        expect(data).toMatchObject({ count: 3, limit: 2, offset: 1 })
        expect(data.amazon_stores).toHaveLength(2)
      })

      it.each(["refresh_token_ciphertext", "+refresh_token_ciphertext", "*", "*marketplaces"])(
        "never selects the token column, even when ?fields=%s asks for it",
        async (fields) => {
          await create()
          const { data } = await api.get(`/admin/amazon/stores?fields=${encodeURIComponent(fields)}`, { headers })
          expect(data.amazon_stores).toHaveLength(1)
          expect(JSON.stringify(data)).not.toContain("refresh_token")
        }
      )

      it("requires admin authentication", async () => {
        const error = await api.get("/admin/amazon/stores").catch((e: any) => e)
        expect(error.response.status).toBe(401)
      })
    })

    describe("GET /admin/amazon/stores/:id", () => {
      it("returns the store with its marketplaces", async () => {
        const { data: created } = await create()
        const { data } = await api.get(`/admin/amazon/stores/${created.amazon_store.id}`, { headers })
        expect(data.amazon_store.id).toBe(created.amazon_store.id)
        expect(data.amazon_store.marketplaces[0].marketplace).toMatchObject({ name: "Germany" })
      })

      it("answers 404 for an unknown id", async () => {
        const error = await api.get("/admin/amazon/stores/amzst_missing", { headers }).catch((e: any) => e)
        expect(error.response.status).toBe(404)
        expect(error.response.data).toMatchObject({ type: "not_found" })
      })

      it("requires admin authentication", async () => {
        const { data } = await create()
        const error = await api.get(`/admin/amazon/stores/${data.amazon_store.id}`).catch((e: any) => e)
        expect(error.response.status).toBe(401)
      })
    })

    describe("POST /admin/amazon/stores/:id", () => {
      it("updates fields and merges settings key by key", async () => {
        const { data: created } = await create({ ...validStore, settings: { stock_buffer: 3 } })
        const { data } = await api.post(
          `/admin/amazon/stores/${created.amazon_store.id}`,
          { name: "Renamed", settings: { fast_path: false } },
          { headers }
        )
        expect(data.amazon_store).toMatchObject({
          name: "Renamed",
          settings: { stock_buffer: 3, fast_path: false },
        })
      })

      it.each([
        ["a bad email", { email: "nope" }, "email"],
        ["an unknown product_id_type", { product_id_type: "FOO" }, "product_id_type"],
        ["the marketplace (fixed at creation)", { marketplace_id: "ATVPDKIKX0DER" }, "marketplace_id"],
        ["the status (set by Amazon's answers only)", { status: "connected" }, "status"],
      ])("refuses %s with 400", async (_label, body, field) => {
        const { data: created } = await create()
        const error = await api
          .post(`/admin/amazon/stores/${created.amazon_store.id}`, body, { headers })
          .catch((e: any) => e)
        expect(error.response.status).toBe(400)
        expect(error.response.data.message).toContain(field)
      })

      it("answers 404 for an unknown id", async () => {
        const error = await api
          .post("/admin/amazon/stores/amzst_missing", { name: "x" }, { headers })
          .catch((e: any) => e)
        expect(error.response.status).toBe(404)
      })

      it("requires admin authentication", async () => {
        const { data } = await create()
        const error = await api.post(`/admin/amazon/stores/${data.amazon_store.id}`, { name: "x" }).catch((e: any) => e)
        expect(error.response.status).toBe(401)
      })
    })

    describe("DELETE /admin/amazon/stores/:id", () => {
      it("deletes the store and its marketplaces", async () => {
        const { data: created } = await create()
        const id = created.amazon_store.id
        const { data } = await api.delete(`/admin/amazon/stores/${id}`, { headers })
        expect(data).toEqual({ id, object: "amazon_store", deleted: true })
        const error = await api.get(`/admin/amazon/stores/${id}`, { headers }).catch((e: any) => e)
        expect(error.response.status).toBe(404)
        const amazon = getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
        expect(await amazon.listAmazonMarketplaces({ store_id: id })).toHaveLength(0)
      })

      it("answers 404 for an unknown id", async () => {
        const error = await api.delete("/admin/amazon/stores/amzst_missing", { headers }).catch((e: any) => e)
        expect(error.response.status).toBe(404)
      })

      it("requires admin authentication", async () => {
        const { data } = await create()
        const error = await api.delete(`/admin/amazon/stores/${data.amazon_store.id}`).catch((e: any) => e)
        expect(error.response.status).toBe(401)
      })
    })

    describe("secrets", () => {
      it("never returns or logs a stored refresh token", async () => {
        const output = captureOutput()
        try {
          const token = "Atzr|IwEBIsecret-refresh-token-for-the-test"
          const { data: created } = await create()
          const id = created.amazon_store.id
          const amazon = getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
          const ciphertext = amazon.sealSecret(token, refreshTokenBinding(id))
          await amazon.updateAmazonStores({ id, refresh_token_ciphertext: ciphertext, status: "connected" })

          const stored = await amazon.retrieveAmazonStore(id)
          expect(stored.refresh_token_ciphertext).not.toContain("secret-refresh-token")
          expect(amazon.openSecret(stored.refresh_token_ciphertext!, refreshTokenBinding(id))).toBe(token)
          // bound to its row: the same value in another store does not open
          expect(() => amazon.openSecret(stored.refresh_token_ciphertext!, refreshTokenBinding("amzst_other"))).toThrow(/sealed for another row/)

          const answers = [
            await api.get("/admin/amazon/stores", { headers }),
            await api.get(`/admin/amazon/stores/${id}`, { headers }),
            await api.post(`/admin/amazon/stores/${id}`, { name: "Still secret" }, { headers }),
            await api.get(`/admin/amazon/stores?fields=*marketplaces`, { headers }).catch((e: any) => e.response),
            await api.delete(`/admin/amazon/stores/${id}`, { headers }),
          ]
          for (const answer of answers) {
            const body = JSON.stringify(answer.data)
            expect(body).not.toContain("secret-refresh-token")
            expect(body).not.toContain(ciphertext)
            expect(body).not.toContain("refresh_token")
          }
        } finally {
          output.stop()
        }
        expect(output.text()).not.toContain("secret-refresh-token")
      })
    })
  },
})
