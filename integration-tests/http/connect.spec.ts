import axios from "axios"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import { refreshTokenBinding } from "../../src/modules/amazon/lib/secret-bindings"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { checkAmazonAuthorizationsWorkflow } from "../../src/workflows/health"
import { sendQueuedListingChangesWorkflow } from "../../src/workflows/listings"
import { createAdminHeaders } from "../helpers/admin"
import { captureOutput } from "../helpers/capture-output"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"

jest.setTimeout(120_000)

const GERMANY = "A1PA6795UKMFR9"
const sandbox = useSandbox()

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
    })

    const createStore = async () => {
      const { data } = await api.post(
        "/admin/amazon/stores",
        { name: "DE", email: "seller@example.com", marketplace_id: GERMANY, product_id_type: "EAN", product_id_attribute: "barcode" },
        { headers }
      )
      return data.amazon_store.id as string
    }

    /** Plays the seller's browser: authorize → consent page (auto-confirm) → the redirect back to us. */
    const consent = async (storeId: string, options: { seller?: string; replace_seller?: boolean } = {}) => {
      const { data } = await api.post(`/admin/amazon/stores/${storeId}/authorize`, options.replace_seller ? { replace_seller: true } : {}, { headers })
      const consentUrl = new URL(data.authorization_url)
      consentUrl.searchParams.set("auto", "1")
      if (options.seller) consentUrl.searchParams.set("seller", options.seller)
      const consentAnswer = await axios.get(consentUrl.toString(), { maxRedirects: 0, validateStatus: () => true })
      expect(consentAnswer.status).toBe(302)
      const callback = new URL(consentAnswer.headers.location)
      return { authorizationUrl: new URL(data.authorization_url), callback }
    }

    const followCallback = (callback: URL) =>
      api.get(`${callback.pathname}${callback.search}`, { maxRedirects: 0, validateStatus: () => true })

    describe("consent round trip", () => {
      it("sends the seller to Seller Central with the app id, a state and our callback", async () => {
        const storeId = await createStore()
        const { authorizationUrl, callback } = await consent(storeId)
        expect(authorizationUrl.origin).toBe(sandbox().sellerCentralUrl.replace(/\/$/, ""))
        expect(authorizationUrl.pathname).toBe("/apps/authorize/consent")
        expect(authorizationUrl.searchParams.get("application_id")).toBe("amzn1.sellerapps.app.sandbox")
        expect(authorizationUrl.searchParams.get("state")).toMatch(new RegExp(`^${storeId}\\.`))
        expect(authorizationUrl.searchParams.get("redirect_uri")).toMatch(/\/admin\/amazon\/oauth\/callback$/)
        expect(callback.searchParams.get("spapi_oauth_code")).toBeTruthy()
      })

      it("connects the store, stores the token encrypted and adds the region's marketplaces", async () => {
        const storeId = await createStore()
        const { callback } = await consent(storeId)
        const answer = await followCallback(callback)
        expect(answer.status).toBe(302)
        expect(answer.headers.location).toMatch(new RegExp(`/app/settings/amazon/${storeId}\\?connected=1$`))

        const { data } = await api.get(`/admin/amazon/stores/${storeId}`, { headers })
        const store = data.amazon_store
        expect(store).toMatchObject({ status: "connected", selling_partner_id: SANDBOX_EU.sellerId, status_message: null })
        expect(store.authorization_expires_in_days).toBeGreaterThanOrEqual(364)
        expect(store.marketplaces.map((m: { marketplace_id: string }) => m.marketplace_id).sort()).toEqual(
          [...SANDBOX_EU.marketplaces].sort()
        )
        expect(store.marketplaces.filter((m: { enabled: boolean }) => m.enabled).map((m: { marketplace_id: string }) => m.marketplace_id)).toEqual([GERMANY])

        const stored = await amazon().retrieveAmazonStore(storeId)
        expect(stored.refresh_token_ciphertext).toMatch(/^v2\./)
        expect(amazon().openSecret(stored.refresh_token_ciphertext!, refreshTokenBinding(storeId))).toMatch(/^Atzr\|/)
        expect(JSON.stringify(data)).not.toContain("Atzr|")
      })

      it("re-authorization replaces the token and keeps the marketplace toggles", async () => {
        const storeId = await createStore()
        await followCallback((await consent(storeId)).callback)
        const first = (await amazon().retrieveAmazonStore(storeId)).refresh_token_ciphertext!
        await api.post(`/admin/amazon/stores/${storeId}/marketplaces/A13V1IB3VIYZZH`, { enabled: true }, { headers })

        const answer = await followCallback((await consent(storeId)).callback)
        expect(answer.headers.location).toContain("connected=1")
        const second = (await amazon().retrieveAmazonStore(storeId)).refresh_token_ciphertext!
        expect(amazon().openSecret(second, refreshTokenBinding(storeId))).not.toBe(amazon().openSecret(first, refreshTokenBinding(storeId)))
        const france = await amazon().listAmazonMarketplaces({ store_id: storeId, marketplace_id: "A13V1IB3VIYZZH" })
        expect(france[0].enabled).toBe(true)
      })

      it("redirects back with Amazon's reason when the code exchange fails, and stores nothing", async () => {
        const storeId = await createStore()
        const { callback } = await consent(storeId)
        callback.searchParams.set("spapi_oauth_code", "ANdnot-a-real-code")
        const answer = await followCallback(callback)
        expect(answer.status).toBe(302)
        const location = new URL(answer.headers.location)
        // a code the admin turns into its own words, and Amazon's error code (never free text from the URL)
        expect(location.searchParams.get("connect_error")).toBe("exchange_failed")
        expect(location.searchParams.get("connect_reason")).toBe("invalid_grant")
        const stored = await amazon().retrieveAmazonStore(storeId)
        expect(stored).toMatchObject({ status: "pending", refresh_token_ciphertext: null, selling_partner_id: null })
      })
    })

    describe("state", () => {
      const expectRefused = async (storeId: string, callback: URL) => {
        const answer = await followCallback(callback)
        expect(answer.status).toBe(400)
        expect(answer.headers["content-type"]).toMatch(/html/)
        expect(answer.data).toContain("Connect again")
        const stored = await amazon().retrieveAmazonStore(storeId)
        expect(stored).toMatchObject({ status: "pending", refresh_token_ciphertext: null })
      }

      it("refuses a state whose mode was switched to replace the seller", async () => {
        const storeId = await createStore()
        const { callback } = await consent(storeId)
        const [id, nonce, expires, , mac] = callback.searchParams.get("state")!.split(".")
        callback.searchParams.set("state", `${id}.${nonce}.${expires}.replace.${mac}`)
        await expectRefused(storeId, callback)
      })

      it("refuses a forged state", async () => {
        const storeId = await createStore()
        const { callback } = await consent(storeId)
        const [id, nonce, expires] = callback.searchParams.get("state")!.split(".")
        callback.searchParams.set("state", `${id}.${nonce}.${expires}.forgedsignature`)
        await expectRefused(storeId, callback)
      })

      it("refuses a state with a later expiry written into it", async () => {
        const storeId = await createStore()
        const { callback } = await consent(storeId)
        const [id, nonce, , mode, mac] = callback.searchParams.get("state")!.split(".")
        callback.searchParams.set("state", `${id}.${nonce}.${Date.now() + 86_400_000}.${mode}.${mac}`)
        await expectRefused(storeId, callback)
      })

      it("refuses an expired state", async () => {
        const storeId = await createStore()
        const { callback } = await consent(storeId)
        jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "setTimeout", "setInterval", "queueMicrotask"], now: Date.now() + 11 * 60 * 1000 })
        try {
          await expectRefused(storeId, callback)
        } finally {
          jest.useRealTimers()
        }
      })

      it("refuses a replayed state", async () => {
        const storeId = await createStore()
        const { callback } = await consent(storeId)
        expect((await followCallback(callback)).headers.location).toContain("connected=1")
        const tokenAfterFirst = (await amazon().retrieveAmazonStore(storeId)).refresh_token_ciphertext
        const replay = await followCallback(callback)
        expect(replay.status).toBe(400)
        expect((await amazon().retrieveAmazonStore(storeId)).refresh_token_ciphertext).toBe(tokenAfterFirst)
      })

      it("refuses a state superseded by a newer authorize", async () => {
        const storeId = await createStore()
        const { callback } = await consent(storeId)
        await consent(storeId) // a second click on Connect
        await expectRefused(storeId, callback)
      })
    })

    describe("seller account", () => {
      it("refuses a seller id that is not a merchant token before exchanging the code", async () => {
        const storeId = await createStore()
        const { callback } = await consent(storeId)
        callback.searchParams.set("selling_partner_id", "A1SANDBOX<script>")
        const answer = await followCallback(callback)
        expect(new URL(answer.headers.location).searchParams.get("connect_error")).toBe("invalid_seller")
        expect(sandbox().control.requests({ operation: "lwaToken" })).toHaveLength(0)
        expect(await amazon().retrieveAmazonStore(storeId)).toMatchObject({ status: "pending", selling_partner_id: null })
      })

      it("never switches a connected store to another seller without confirmation; with it, the old seller's listings are forgotten", async () => {
        const storeId = await createStore()
        await followCallback((await consent(storeId)).callback)
        const first = await amazon().retrieveAmazonStore(storeId)
        expect(first.selling_partner_id).toBe(SANDBOX_EU.sellerId)
        const { seller, refreshToken } = sandbox().control.createSeller({ name: "Second EU account", marketplaceIds: [GERMANY] })
        const listing = await amazon().createAmazonListings({ store_id: storeId, marketplace_id: GERMANY, sku: "OLD-SELLER-SKU" } as never)

        // consent by another account: refused, nothing changes
        const refused = await followCallback((await consent(storeId, { seller: seller.sellerId })).callback)
        expect(new URL(refused.headers.location).searchParams.get("connect_error")).toBe("seller_changed")
        const unchanged = await amazon().retrieveAmazonStore(storeId)
        expect(unchanged).toMatchObject({ selling_partner_id: SANDBOX_EU.sellerId, refresh_token_ciphertext: first.refresh_token_ciphertext })
        // the same through "I have a refresh token"
        const error = await api
          .post(`/admin/amazon/stores/${storeId}/credentials`, { selling_partner_id: seller.sellerId, refresh_token: refreshToken }, { headers })
          .catch((e: any) => e)
        expect(error.response.status).toBe(400)
        expect(error.response.data.message).toMatch(/connected to Amazon seller A1SANDBOXSELLER01, but the authorization is for seller .*Replace seller account/)
        expect((await amazon().retrieveAmazonStore(storeId)).selling_partner_id).toBe(SANDBOX_EU.sellerId)

        // confirmed: switched, the old account's listings mirror is gone
        const replaced = await followCallback((await consent(storeId, { seller: seller.sellerId, replace_seller: true })).callback)
        expect(replaced.headers.location).toContain("connected=1")
        expect((await amazon().retrieveAmazonStore(storeId)).selling_partner_id).toBe(seller.sellerId)
        expect(await amazon().listAmazonListings({ id: listing.id })).toEqual([])
      })
    })

    describe("product type schema", () => {
      it("is downloaded through the client (the configured sandbox's origin is trusted) and summarised", async () => {
        const storeId = await createStore()
        await followCallback((await consent(storeId)).callback)
        const { data } = await api.get(`/admin/amazon/stores/${storeId}/product-types/SHIRT`, { headers })
        expect(data.product_type.name).toBe("SHIRT")
        expect(data.product_type.attributes.length).toBeGreaterThan(0)
        expect(data.product_type.required_attributes.length).toBeGreaterThan(0)
      })
    })

    describe("I have a refresh token", () => {
      it("connects with a valid self-authorized token", async () => {
        const storeId = await createStore()
        const { data } = await api.post(
          `/admin/amazon/stores/${storeId}/credentials`,
          { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken },
          { headers }
        )
        expect(data.amazon_store).toMatchObject({ status: "connected", selling_partner_id: SANDBOX_EU.sellerId })
        expect(data.amazon_store.marketplaces).toHaveLength(SANDBOX_EU.marketplaces.length)
        expect(JSON.stringify(data)).not.toContain(SANDBOX_EU.refreshToken)
      })

      it("answers 400 with Amazon's reason for a wrong token and changes nothing", async () => {
        const storeId = await createStore()
        const output = captureOutput()
        let error: any
        try {
          error = await api
            .post(
              `/admin/amazon/stores/${storeId}/credentials`,
              { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: "Atzr|this-token-is-not-known-to-amazon" },
              { headers }
            )
            .catch((e: any) => e)
        } finally {
          output.stop()
        }
        expect(error.response.status).toBe(400)
        expect(error.response.data.message).toMatch(/invalid_grant/)
        expect(error.response.data.message).toMatch(/authorize the store again/)
        expect(error.response.data.message).not.toContain("this-token-is-not-known")
        expect(output.text()).not.toContain("this-token-is-not-known")
        const stored = await amazon().retrieveAmazonStore(storeId)
        expect(stored).toMatchObject({ status: "pending", refresh_token_ciphertext: null, selling_partner_id: null })
        expect(await amazon().listAmazonMarketplaces({ store_id: storeId })).toHaveLength(1)
      })

      it.each([
        ["a token that is not an LWA refresh token", { refresh_token: "hello" }, "refresh_token"],
        ["a malformed merchant token", { selling_partner_id: "not a seller" }, "selling_partner_id"],
      ])("refuses %s with 400", async (_label, override, field) => {
        const storeId = await createStore()
        const error = await api
          .post(
            `/admin/amazon/stores/${storeId}/credentials`,
            { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken, ...override },
            { headers }
          )
          .catch((e: any) => e)
        expect(error.response.status).toBe(400)
        expect(error.response.data.message).toContain(field)
      })

      it("refuses to connect one seller account to two stores of the same region", async () => {
        const first = await createStore()
        const second = await createStore()
        const body = { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken }
        await api.post(`/admin/amazon/stores/${first}/credentials`, body, { headers })
        const error = await api.post(`/admin/amazon/stores/${second}/credentials`, body, { headers }).catch((e: any) => e)
        expect(error.response.status).toBe(400)
        expect(error.response.data.message).toMatch(/already connected/)
        expect(await amazon().listAmazonMarketplaces({ store_id: second })).toHaveLength(1)
      })
    })

    describe("marketplaces", () => {
      it("toggles a marketplace and sets its region", async () => {
        const storeId = await createStore()
        await api.post(
          `/admin/amazon/stores/${storeId}/credentials`,
          { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken },
          { headers }
        )
        const { data: regions } = await api.post(
          "/admin/regions",
          { name: "Eurozone", currency_code: "eur", countries: ["fr"] },
          { headers }
        )
        const { data } = await api.post(
          `/admin/amazon/stores/${storeId}/marketplaces/A13V1IB3VIYZZH`,
          { enabled: true, orders_import: false, region_id: regions.region.id },
          { headers }
        )
        expect(data.amazon_marketplace).toMatchObject({
          marketplace_id: "A13V1IB3VIYZZH",
          enabled: true,
          orders_import: false,
          region_id: regions.region.id,
          marketplace: { country_code: "FR" },
        })
      })

      it("answers 404 for a marketplace the store does not have and 400 for an unknown region", async () => {
        const storeId = await createStore()
        const missing = await api
          .post(`/admin/amazon/stores/${storeId}/marketplaces/ATVPDKIKX0DER`, { enabled: true }, { headers })
          .catch((e: any) => e)
        expect(missing.response.status).toBe(404)
        const badRegion = await api
          .post(`/admin/amazon/stores/${storeId}/marketplaces/${GERMANY}`, { region_id: "reg_missing" }, { headers })
          .catch((e: any) => e)
        expect(badRegion.response.status).toBe(400)
        expect(badRegion.response.data.message).toContain("reg_missing")
      })
    })

    describe("health", () => {
      it("marks a store whose authorization Amazon revoked, and pauses it", async () => {
        const storeId = await createStore()
        await api.post(
          `/admin/amazon/stores/${storeId}/credentials`,
          { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken },
          { headers }
        )
        sandbox().control.revokeSeller(SANDBOX_EU.sellerId)
        await checkAmazonAuthorizationsWorkflow(getContainer()).run()
        const { data } = await api.get(`/admin/amazon/stores/${storeId}`, { headers })
        expect(data.amazon_store.status).toBe("revoked")
        expect(data.amazon_store.status_message).toMatch(/Sync is paused: re-authorize/)

        // paused: the scheduled sends skip it, and "sync now" says why instead of calling Amazon
        sandbox().control.clearRequests()
        await sendQueuedListingChangesWorkflow(getContainer()).run({ input: { trigger: "schedule", store_ids: [storeId] } })
        expect(await amazon().listAmazonSyncRuns({ store_id: storeId })).toEqual([])
        const refused = await api.post(`/admin/amazon/stores/${storeId}/sync`, { type: "listings" }, { headers }).catch((e: any) => e)
        expect(refused.response.status).toBe(400)
        expect(refused.response.data.message).toMatch(/The store is revoked/)
        expect(sandbox().control.requests({})).toEqual([])

        // one click to re-authorize: the same consent flow, token replaced, status back to connected
        const answer = await followCallback((await consent(storeId)).callback)
        expect(answer.headers.location).toContain("connected=1")
        const { data: after } = await api.get(`/admin/amazon/stores/${storeId}`, { headers })
        expect(after.amazon_store).toMatchObject({ status: "connected", status_message: null })
      })

      it("reminds a store whose authorization expires within 30 days", async () => {
        const storeId = await createStore()
        await api.post(
          `/admin/amazon/stores/${storeId}/credentials`,
          { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken },
          { headers }
        )
        await amazon().updateAmazonStores({ id: storeId, authorization_expires_at: new Date(Date.now() + 12 * 86_400_000) })
        await checkAmazonAuthorizationsWorkflow(getContainer()).run()
        const { data } = await api.get(`/admin/amazon/stores/${storeId}`, { headers })
        expect(data.amazon_store.status).toBe("connected")
        expect(data.amazon_store.status_message).toMatch(/expires in 1[12] days/)
        expect(data.amazon_store.summary.authorization_expiring).toBe(true)
      })

      it("marks a store expired once the year is over", async () => {
        const storeId = await createStore()
        await api.post(
          `/admin/amazon/stores/${storeId}/credentials`,
          { selling_partner_id: SANDBOX_EU.sellerId, refresh_token: SANDBOX_EU.refreshToken },
          { headers }
        )
        await amazon().updateAmazonStores({ id: storeId, authorization_expires_at: new Date(Date.now() - 86_400_000) })
        await checkAmazonAuthorizationsWorkflow(getContainer()).run()
        const { data } = await api.get(`/admin/amazon/stores/${storeId}`, { headers })
        expect(data.amazon_store.status).toBe("expired")
      })
    })
  },
})
