import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { createAdminHeaders } from "../helpers/admin"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import { GERMANY, importOrders, ledgerRow, medusaOrder, setUpAmazonStore } from "./orders-setup"

jest.setTimeout(240_000)

// feeds stay IN_QUEUE/IN_PROGRESS for 12 real seconds unless a test advances them: "sent, not processed yet" is a state
// the tests can see, not a race against the send route's own poll
const sandbox = useSandbox({ timeScale: 600, feedProcessingSeconds: { queue: 3600, progress: 3600 } })

/**
 * Refund on Amazon and Cancel on Amazon against the sandbox: the admin routes queue a ledger row, the sender puts it in
 * one XML feed, the sandbox applies it (order.refunds / CANCELLED) and answers with an XML processing report, and
 * Medusa records the refund or cancellation only when Amazon accepted it — once.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const err = (error: any) => ({ status: error.response?.status, message: error.response?.data?.message as string })

    /** An order on the sandbox (Germany, EUR, VAT inside prices), imported into Medusa: its amazon_order row. */
    async function importedOrder(items: Array<Record<string, unknown>>) {
      const { orderIds } = sandbox().control.addOrders({ orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, items } as never] })
      await importOrders(getContainer(), storeId)
      const row = await ledgerRow(getContainer(), storeId, orderIds[0])
      expect(row).toMatchObject({ import_status: "imported", order_id: expect.any(String) })
      return row
    }

    /** Send queued rows, let Amazon process the feed, read the result. */
    async function sendAndSettle() {
      const { data: sent } = await api.post(`/admin/amazon/stores/${storeId}/order-feeds/send`, {}, { headers })
      const rows = await amazon().listAmazonRefunds({ store_id: storeId, status: "sent" })
      for (const id of new Set(rows.map((r) => r.amazon_feed_id!))) sandbox().control.advanceFeed(id)
      const { data: read } = await api.post(`/admin/amazon/stores/${storeId}/order-feeds/send`, {}, { headers })
      return { sent: sent.result, read: read.result }
    }

    const refundsOf = async (orderId: string) => {
      const order = await medusaOrder(getContainer(), orderId, ["payment_collections.payments.refunds.amount", "payment_collections.payments.refunds.note"])
      return (order.payment_collections as Array<{ payments: Array<{ refunds: Array<{ amount: number; note: string }> }> }>).flatMap((c) => c.payments.flatMap((p) => p.refunds))
    }
    const feedsOf = (type: string) => sandbox().control.requests({ operation: "createFeed" }).filter((r) => (r.body as { feedType?: string })?.feedType === type)

    beforeEach(async () => {
      ;({ headers } = await createAdminHeaders(getContainer()))
      await sandbox().control.reset()
      ;({ storeId } = await setUpAmazonStore(getContainer(), api, headers))
      await importOrders(getContainer(), storeId) // the demo's own orders first
      sandbox().control.clearRequests()
    })

    afterEach(() => {
      expect(sandbox().control.validationErrors()).toEqual([])
    })

    it("full refund with shipping: preview, one feed for a double click, accepted by Amazon, recorded once in Medusa", async () => {
      const row = await importedOrder([{ sku: "DEMO-MUG", quantity: 2, unitPrice: 12.5, shippingPrice: 4.9 }])
      const itemId = (row.items as unknown as Array<{ order_item_id: string }>)[0].order_item_id
      const body = { items: [{ amazon_order_item_id: itemId, shipping: true }], reason: "CustomerReturn", request_id: "dialog-0001" }

      const { data: preview } = await api.post(`/admin/amazon/orders/${row.id}/refunds?preview=true`, body, { headers })
      expect(preview.plan).toMatchObject({ tax_inclusive: true, total: "29.90", refused: [] })
      expect(preview.plan.lines).toEqual([expect.objectContaining({ quantity: 2, principal: "25.00", tax: "0.00", shipping: "4.90", shipping_tax: "0.00" })])
      expect(preview.preview_xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
      expect(await amazon().listAmazonRefunds({ store_id: storeId })).toHaveLength(0)

      // two clicks at once: one ledger row
      const [a, b] = await Promise.all([
        api.post(`/admin/amazon/orders/${row.id}/refunds`, body, { headers }),
        api.post(`/admin/amazon/orders/${row.id}/refunds`, body, { headers }),
      ])
      expect(a.data.refund.id).toBe(b.data.refund.id)
      expect([a.data.duplicate, b.data.duplicate].sort()).toEqual([false, true])
      // and the same refund asked again without the dialog's key: nothing is left to refund
      const again = await api.post(`/admin/amazon/orders/${row.id}/refunds`, { items: body.items }, { headers }).catch(err)
      expect(again.status).toBe(400)
      expect(again.message).toMatch(/0 of 2 unit\(s\) are left|already refunded/)

      const { sent, read } = await sendAndSettle()
      expect(sent).toMatchObject({ sent: 1, feeds: 1 })
      expect(read).toMatchObject({ accepted: 1, rejected: 0, errors: [] })
      expect(feedsOf("POST_PAYMENT_ADJUSTMENT_DATA")).toHaveLength(1)
      const refunds = sandbox().control.getOrder(row.amazon_order_id)!.refunds!
      expect(refunds).toHaveLength(1)
      expect(refunds[0].items).toEqual([expect.objectContaining({ orderItemId: itemId, reason: "CustomerReturn", components: { Principal: 2500, Shipping: 490 } })])

      const { data: listed } = await api.get(`/admin/amazon/orders/${row.id}/refunds`, { headers })
      expect(listed.refunds).toEqual([expect.objectContaining({ direction: "out", kind: "refund", status: "accepted", amount: "29.90", medusa_refund_id: expect.stringMatching(/^ref/) })])
      expect((await refundsOf(row.order_id!)).map((r) => [Number(r.amount), r.note])).toEqual([[29.9, `Amazon refund ${listed.refunds[0].id}`]])

      // running again sends nothing and records nothing more
      const more = await sendAndSettle()
      expect(more.sent).toMatchObject({ sent: 0, feeds: 0 })
      expect(feedsOf("POST_PAYMENT_ADJUSTMENT_DATA")).toHaveLength(1)
      expect(await refundsOf(row.order_id!)).toHaveLength(1)
    })

    it("partial refunds: one unit, then an amount, capped at what is left; several orders go in one feed", async () => {
      const one = await importedOrder([{ sku: "DEMO-MUG", quantity: 3, unitPrice: 10 }])
      const two = await importedOrder([{ sku: "DEMO-TSHIRT-S", quantity: 1, unitPrice: 19.99 }])
      const item = (row: typeof one) => (row.items as unknown as Array<{ order_item_id: string }>)[0].order_item_id
      await api.post(`/admin/amazon/orders/${one.id}/refunds`, { items: [{ amazon_order_item_id: item(one), quantity: 1 }], reason: "PriceError" }, { headers })
      await api.post(`/admin/amazon/orders/${two.id}/refunds`, { items: [{ amazon_order_item_id: item(two), amount: "5.00" }], reason: "GeneralAdjustment" }, { headers })
      const { sent, read } = await sendAndSettle()
      expect(sent).toMatchObject({ sent: 2, feeds: 1 })
      expect(read).toMatchObject({ accepted: 2 })
      expect(sandbox().control.getOrder(one.amazon_order_id)!.refunds![0].items[0].components).toEqual({ Principal: 1000 })

      const over = await api.post(`/admin/amazon/orders/${one.id}/refunds`, { items: [{ amazon_order_item_id: item(one), amount: "20.01" }] }, { headers }).catch(err)
      expect(over).toMatchObject({ status: 400, message: expect.stringMatching(/At most 20\.00 EUR/) })
      const rest = await api.post(`/admin/amazon/orders/${one.id}/refunds`, { items: [{ amazon_order_item_id: item(one), amount: "20.00" }] }, { headers })
      expect(rest.data.plan.lines[0]).toMatchObject({ principal: "20.00" })
      await sendAndSettle()
      expect((await refundsOf(one.order_id!)).map((r) => Number(r.amount)).sort()).toEqual([10, 20])
      expect((await refundsOf(two.order_id!)).map((r) => Number(r.amount))).toEqual([5])
    })

    it("a refund of part of an item sent twice without request_id: one row, the second answered 409 in words; a second refund with its own request_id fits the cap", async () => {
      const row = await importedOrder([{ sku: "DEMO-MUG", quantity: 3, unitPrice: 10 }])
      const itemId = (row.items as unknown as Array<{ order_item_id: string }>)[0].order_item_id
      const body = { items: [{ amazon_order_item_id: itemId, quantity: 1 }], reason: "PriceError" }
      const answers = await Promise.all([
        api.post(`/admin/amazon/orders/${row.id}/refunds`, body, { headers }).catch(err),
        api.post(`/admin/amazon/orders/${row.id}/refunds`, body, { headers }).catch(err),
      ])
      const created = answers.find((a: any) => a.status === 201) as any
      const refused = answers.find((a: any) => a.status === 409) as any
      expect(created?.data.refund.id).toMatch(/^amzrf_/)
      expect(refused?.message).toBe(
        `A refund of 10.00 EUR (1 unit(s) of item ${itemId}) is already on its way to Amazon (${created.data.refund.id}, waiting to be sent). ` +
          "Wait for Amazon's answer before refunding more of the same item, or send this request with its own request_id if it is a second refund."
      )
      // the preview says so too
      const { data: preview } = await api.post(`/admin/amazon/orders/${row.id}/refunds?preview=true`, body, { headers })
      expect(preview.conflict).toMatchObject({ refund_id: created.data.refund.id })

      // a second refund meant as such: its own key, and it must fit what is left (2 units)
      const second = await api.post(`/admin/amazon/orders/${row.id}/refunds`, { ...body, request_id: "dialog-second-01" }, { headers })
      expect(second.status).toBe(201)
      expect(second.data.plan.notes.join(" ")).toMatch(/already on its way to Amazon/)
      const tooMuch = await api.post(`/admin/amazon/orders/${row.id}/refunds`, { items: [{ amazon_order_item_id: itemId, quantity: 2 }], request_id: "dialog-third-001" }, { headers }).catch(err)
      expect(tooMuch).toMatchObject({ status: 400, message: expect.stringMatching(/1 of 3 unit\(s\) are left to refund; 2 asked/) })

      const { read } = await sendAndSettle()
      expect(read).toMatchObject({ accepted: 2, rejected: 0 })
      expect(sandbox().control.getOrder(row.amazon_order_id)!.refunds!.map((r) => r.items[0].components)).toEqual([{ Principal: 1000 }, { Principal: 1000 }])
      expect((await refundsOf(row.order_id!)).map((r) => Number(r.amount))).toEqual([10, 10])
      // once Amazon answered, nothing is on its way: the last unit can be refunded without a key
      const last = await api.post(`/admin/amazon/orders/${row.id}/refunds`, body, { headers })
      expect(last.status).toBe(201)
    })

    it("the order's ledger lock is a Postgres advisory lock: a second writer waits and sees the first one's row", async () => {
      const row = await importedOrder([{ sku: "DEMO-MUG", quantity: 1, unitPrice: 10 }])
      const seen: number[] = []
      const write = (ref: string, pause: number) =>
        amazon().withOrderLedgerLock(storeId, row.amazon_order_id, async (ledger, create) => {
          seen.push(ledger.length)
          await new Promise((r) => setTimeout(r, pause))
          return create({ store_id: storeId, direction: "out", kind: "refund", source_ref: ref, amazon_order_id: row.amazon_order_id, status: "rejected", lines: [] })
        })
      await Promise.all([write("lock-test-a", 700), new Promise((r) => setTimeout(r, 100)).then(() => write("lock-test-b", 0))])
      expect(seen).toEqual([0, 1])
    })

    it("a refund Amazon rejects: the admin sees rejected with Amazon's words, nothing is recorded in Medusa, and the item can be refunded again", async () => {
      const row = await importedOrder([{ sku: "DEMO-MUG", quantity: 2, unitPrice: 10 }])
      const itemId = (row.items as unknown as Array<{ order_item_id: string }>)[0].order_item_id
      // the buyer got one unit back in Seller Central; Finances has not posted it yet (48 h), so the ledger does not know
      sandbox().control.amazonRefund({ orderId: row.amazon_order_id, by: "SELLER_CENTRAL", items: [{ orderItemId: itemId, quantity: 1 }], shipping: false })
      const body = { items: [{ amazon_order_item_id: itemId }], reason: "CustomerReturn" }
      const first = await api.post(`/admin/amazon/orders/${row.id}/refunds`, body, { headers })
      expect(first.data.plan.total).toBe("20.00")
      const { read } = await sendAndSettle()
      expect(read).toMatchObject({ accepted: 0, rejected: 1 })

      const { data: listed } = await api.get(`/admin/amazon/orders/${row.id}/refunds`, { headers })
      expect(listed.refunds).toEqual([
        expect.objectContaining({ id: first.data.refund.id, status: "rejected", amazon_result_code: "18030", amazon_message: expect.stringMatching(/exceeds the amount charged/), medusa_refund_id: null }),
      ])
      expect(await refundsOf(row.order_id!)).toEqual([])
      expect(sandbox().control.getOrder(row.amazon_order_id)!.refunds!).toHaveLength(1) // Amazon's own only

      // the very same request again is a new refund, not the rejected one found again (and Amazon refuses it again)
      const same = await api.post(`/admin/amazon/orders/${row.id}/refunds`, body, { headers })
      expect(same.status).toBe(201)
      expect(same.data.refund.id).not.toBe(first.data.refund.id)
      expect((await sendAndSettle()).read).toMatchObject({ accepted: 0, rejected: 1 })
      // one unit is what is left
      const again = await api.post(`/admin/amazon/orders/${row.id}/refunds`, { ...body, items: [{ amazon_order_item_id: itemId, quantity: 1 }] }, { headers })
      expect(again.status).toBe(201)
      expect(again.data.refund.id).not.toBe(first.data.refund.id)
      const settled = await sendAndSettle()
      expect(settled.read).toMatchObject({ accepted: 1, rejected: 0 })
      expect((await refundsOf(row.order_id!)).map((r) => [Number(r.amount), r.note])).toEqual([[10, `Amazon refund ${again.data.refund.id}`]])
    })

    it("refuses to refund an item Amazon already refunded itself (a return Amazon refunded), with the reason; no feed", async () => {
      const row = await importedOrder([{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }])
      const itemId = (row.items as unknown as Array<{ order_item_id: string }>)[0].order_item_id
      await amazon().createAmazonRefunds({
        store_id: storeId,
        direction: "in",
        source_ref: `finances:${row.amazon_order_id}:1`,
        amazon_order_id: row.amazon_order_id,
        medusa_order_id: row.order_id,
        status: "recorded",
        lines: [{ amazon_order_item_id: itemId, quantity: 1, principal: "12.50", reason: "CustomerReturn" }] as never,
        currency: "EUR",
        amount: "12.50",
        posted_at: new Date("2026-11-02T10:00:00Z"),
      })
      const refused = await api.post(`/admin/amazon/orders/${row.id}/refunds`, { items: [{ amazon_order_item_id: itemId }] }, { headers }).catch(err)
      expect(refused).toMatchObject({ status: 400, message: expect.stringMatching(/Amazon already refunded this item itself on 2026-11-02/) })
      await sendAndSettle()
      expect(feedsOf("POST_PAYMENT_ADJUSTMENT_DATA")).toHaveLength(0)
    })

    it("Cancel on Amazon: an unshipped order is canceled in Medusa only once Amazon accepted; a shipped one is refused before any feed", async () => {
      const row = await importedOrder([{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }])
      const buyer = await api.post(`/admin/amazon/orders/${row.id}/cancel`, { reason: "BuyerCanceled" }, { headers }).catch(err)
      expect(buyer).toMatchObject({ status: 400, message: expect.stringMatching(/only for orders whose buyer asked/) })

      const [a, b] = await Promise.all([
        api.post(`/admin/amazon/orders/${row.id}/cancel`, { reason: "NoInventory" }, { headers }),
        api.post(`/admin/amazon/orders/${row.id}/cancel`, { reason: "NoInventory" }, { headers }),
      ])
      expect(a.data.refund.id).toBe(b.data.refund.id)
      expect((await medusaOrder(getContainer(), row.order_id!, ["status"])).status).not.toBe("canceled")

      const { sent } = await api.post(`/admin/amazon/stores/${storeId}/order-feeds/send`, {}, { headers }).then((r: { data: { result: unknown } }) => ({ sent: r.data.result }))
      expect(sent).toMatchObject({ sent: 1, feeds: 1 })
      // sent, not yet processed: Medusa's order stands
      expect((await medusaOrder(getContainer(), row.order_id!, ["status"])).status).not.toBe("canceled")
      const [queued] = await amazon().listAmazonRefunds({ store_id: storeId, kind: "cancel" })
      sandbox().control.advanceFeed(queued.amazon_feed_id!)
      const { data: read } = await api.post(`/admin/amazon/stores/${storeId}/order-feeds/send`, {}, { headers })
      expect(read.result).toMatchObject({ accepted: 1, errors: [] })
      // Medusa cancels only once Amazon shows the order Canceled (getOrder), after the processing report
      expect(sandbox().control.requests({ operation: "getOrder" }).some((r) => r.path.includes(row.amazon_order_id))).toBe(true)

      expect(sandbox().control.getOrder(row.amazon_order_id)).toMatchObject({ status: "CANCELLED", cancelReason: "NoInventory" })
      expect(await amazon().listAmazonRefunds({ store_id: storeId, kind: "cancel" })).toEqual([expect.objectContaining({ status: "accepted", error: null, medusa_refund_id: `canceled:${row.order_id}` })])
      expect((await medusaOrder(getContainer(), row.order_id!, ["status"])).status).toBe("canceled")
      expect(feedsOf("POST_ORDER_ACKNOWLEDGEMENT_DATA")).toHaveLength(1)
      // the next import sees Amazon's CANCELLED and changes nothing
      await importOrders(getContainer(), storeId)
      expect((await ledgerRow(getContainer(), storeId, row.amazon_order_id)).import_status).toBe("canceled")

      const shipped = await importedOrder([{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }])
      await amazon().updateAmazonOrders({ id: shipped.id, amazon_status: "SHIPPED" })
      const refused = await api.post(`/admin/amazon/orders/${shipped.id}/cancel`, {}, { headers }).catch(err)
      expect(refused).toMatchObject({ status: 400, message: expect.stringMatching(/only unshipped orders can be canceled/) })
    })
  },
})
