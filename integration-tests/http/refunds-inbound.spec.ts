import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AMAZON_MODULE } from "../../src/modules/amazon"
import type AmazonModuleService from "../../src/modules/amazon/service"
import { syncInboundRefunds } from "../../src/utils/refunds-inbound/sync-inbound-refunds"
import { FINANCE_POSTING_LAG_MS } from "../../sandbox/finances"
import { createAdminHeaders } from "../helpers/admin"
import { SANDBOX_EU, useSandbox } from "../helpers/sandbox"
import { GERMANY, importOrders, ledgerRow, medusaOrder, setUpAmazonStore } from "./orders-setup"

jest.setTimeout(240_000)

const sandbox = useSandbox({ timeScale: 600 })

/**
 * Amazon → Medusa refunds against the sandbox: Amazon refunds an imported order itself (a return it refunded, an
 * A-to-z claim, a chargeback); Finances lists the event 48 h later; the sync writes one ledger row per Amazon event
 * and one Medusa refund on the right order — once, however often it runs — and never a second one for the echo of our
 * own accepted adjustment.
 *
 * The sandbox's clock is Amazon's: after the 48 h posting lag it runs ahead of this process's clock, so the passes
 * that must see the events are run with `now` = the sandbox's now (PostedBefore is Amazon's now − 3 min). The admin
 * route runs the same pass with the real clock.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let storeId: string
    const amazon = () => getContainer().resolve<AmazonModuleService>(AMAZON_MODULE)
    const err = (error: any) => ({ status: error.response?.status, message: error.response?.data?.message as string })

    async function importedOrder(items: Array<Record<string, unknown>>) {
      const { orderIds } = sandbox().control.addOrders({ orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, items } as never] })
      await importOrders(getContainer(), storeId)
      const row = await ledgerRow(getContainer(), storeId, orderIds[0])
      expect(row).toMatchObject({ import_status: "imported", order_id: expect.any(String) })
      return row
    }
    const itemOf = (row: { items: unknown }, index = 0) => (row.items as Array<{ order_item_id: string }>)[index].order_item_id

    /** A pass at Amazon's (the sandbox's) now. */
    const syncAtAmazonNow = () => syncInboundRefunds(getContainer(), { storeId, now: new Date(sandbox().control.advanceClock(0).now) })
    const afterPostingLag = () => sandbox().control.advanceClock(FINANCE_POSTING_LAG_MS + 10 * 60_000)

    const refundsOf = async (orderId: string) => {
      const order = await medusaOrder(getContainer(), orderId, ["payment_collections.payments.refunds.id", "payment_collections.payments.refunds.amount", "payment_collections.payments.refunds.note"])
      return (order.payment_collections as Array<{ payments: Array<{ refunds: Array<{ id: string; amount: number; note: string }> }> }>).flatMap((c) => c.payments.flatMap((p) => p.refunds))
    }
    const inbound = () => amazon().listAmazonRefunds({ store_id: storeId, direction: "in" }, { order: { posted_at: "ASC" } })

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

    it("a return Amazon refunded: nothing before the posting lag, then one Medusa refund of the item on the right order; reruns and a crash between refund and ledger change nothing", async () => {
      const row = await importedOrder([{ sku: "DEMO-MUG", quantity: 2, unitPrice: 12.5 }])
      const bystander = await importedOrder([{ sku: "DEMO-MUG", quantity: 2, unitPrice: 12.5 }])
      sandbox().control.amazonRefund({ orderId: row.amazon_order_id, by: "AMAZON", items: [{ orderItemId: itemOf(row), quantity: 1 }], shipping: false })

      // Finances does not list it yet (48 h): the admin's "read now" (real clock) finds nothing
      const { data: early } = await api.post(`/admin/amazon/stores/${storeId}/refunds-inbound/sync`, {}, { headers })
      expect(early.result).toMatchObject({ events: 0, new_rows: 0, recorded: 0, errors: [] })
      expect(await refundsOf(row.order_id!)).toEqual([])

      afterPostingLag()
      const first = await syncAtAmazonNow()
      expect(first).toMatchObject({ events: 1, new_rows: 1, duplicates: 0, echoes: 0, recorded: 1, errors: [] })
      const [ledger] = await inbound()
      // one mug of 12.50 gross in DE: Finances posts 10.50 principal + 2.00 VAT
      expect(ledger).toMatchObject({ direction: "in", status: "recorded", reason: "refund", amount: "12.50", currency: "EUR", medusa_order_id: row.order_id, echo_of: null, medusa_refund_id: expect.stringMatching(/^ref/) })
      expect((ledger.lines as unknown as Array<Record<string, unknown>>)[0]).toMatchObject({ amazon_order_item_id: itemOf(row), principal: "10.50", tax: "2.00" })
      expect((await refundsOf(row.order_id!)).map((r) => [Number(r.amount), r.note])).toEqual([[12.5, `Amazon refund ${ledger.id}`]])
      expect(await refundsOf(bystander.order_id!)).toEqual([])

      // again (the overlap re-reads the event): still one
      const second = await syncAtAmazonNow()
      expect(second).toMatchObject({ events: 1, new_rows: 0, duplicates: 1, recorded: 0, errors: [] })
      expect(await inbound()).toHaveLength(1)
      expect(await refundsOf(row.order_id!)).toHaveLength(1)

      // a crash after the Medusa refund, before the ledger said so: the next pass finds the refund by its note
      await amazon().updateAmazonRefunds({ id: ledger.id, status: "planned", medusa_refund_id: null })
      const recovered = await syncAtAmazonNow()
      expect(recovered).toMatchObject({ new_rows: 0, recorded: 1, errors: [] })
      expect((await inbound())[0]).toMatchObject({ status: "recorded", medusa_refund_id: ledger.medusa_refund_id })
      expect(await refundsOf(row.order_id!)).toHaveLength(1)

      // the order page shows it, and "Refund on Amazon" refuses the item Amazon refunded itself
      const { data: listed } = await api.get(`/admin/amazon/orders/${row.id}/refunds`, { headers })
      expect(listed.refunds).toEqual([expect.objectContaining({ direction: "in", status: "recorded", reason: "refund", amount: "12.50" })])
      const refused = await api.post(`/admin/amazon/orders/${row.id}/refunds`, { items: [{ amazon_order_item_id: itemOf(row) }] }, { headers }).catch(err)
      expect(refused).toMatchObject({ status: 400, message: expect.stringMatching(/Amazon already refunded this item itself/) })
      expect(sandbox().control.requests({ operation: "createFeed" })).toHaveLength(0)
    })

    it("an A-to-z claim on one order and a chargeback on another; a chargeback beyond what is left is kept as a surplus, not refunded", async () => {
      const claimed = await importedOrder([{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5, shippingPrice: 4.9 }])
      const charged = await importedOrder([{ sku: "DEMO-TSHIRT-S", quantity: 1, unitPrice: 19.99 }])
      sandbox().control.amazonRefund({ orderId: claimed.amazon_order_id, by: "A_TO_Z" })
      sandbox().control.amazonRefund({ orderId: charged.amazon_order_id, by: "CHARGEBACK" })
      afterPostingLag()
      // and a second chargeback of the same order (Amazon took it twice): nothing is left on the payment for it
      sandbox().control.amazonRefund({ orderId: charged.amazon_order_id, by: "CHARGEBACK" })
      afterPostingLag()

      const result = await syncAtAmazonNow()
      expect(result).toMatchObject({ events: 3, new_rows: 3, recorded: 2, not_recorded: 1, errors: [] })
      const rows = await inbound()
      const claim = rows.find((r) => r.amazon_order_id === claimed.amazon_order_id)!
      expect(claim).toMatchObject({ reason: "guarantee_claim", amount: "17.40", status: "recorded", medusa_order_id: claimed.order_id })
      expect((await refundsOf(claimed.order_id!)).map((r) => [Number(r.amount), r.note])).toEqual([[17.4, `Amazon refund ${claim.id}`]])

      const chargebacks = rows.filter((r) => r.amazon_order_id === charged.amazon_order_id)
      expect(chargebacks.map((r) => [r.reason, r.amount, r.status])).toEqual([["chargeback", "19.99", "recorded"], ["chargeback", "19.99", "recorded"]])
      expect(chargebacks[1]).toMatchObject({ medusa_refund_id: "none", note: expect.stringMatching(/nothing left to refund in Medusa; 19\.99 EUR kept here as a surplus/) })
      expect((await refundsOf(charged.order_id!)).map((r) => Number(r.amount))).toEqual([19.99])

      expect(await syncAtAmazonNow()).toMatchObject({ new_rows: 0, duplicates: 3, recorded: 0 })
      expect(await refundsOf(charged.order_id!)).toHaveLength(1)
    })

    it("a refund of an order not imported yet waits in the ledger and is recorded once the order is imported", async () => {
      const { orderIds } = sandbox().control.addOrders({ orders: [{ sellerId: SANDBOX_EU.sellerId, marketplaceId: GERMANY, items: [{ sku: "DEMO-MUG", quantity: 1, unitPrice: 12.5 }] } as never] })
      sandbox().control.amazonRefund({ orderId: orderIds[0], by: "SELLER_CENTRAL", shipping: false })
      afterPostingLag()
      expect(await syncAtAmazonNow()).toMatchObject({ new_rows: 1, recorded: 0, waiting: 1, errors: [] })
      expect(await inbound()).toEqual([expect.objectContaining({ status: "planned", medusa_order_id: null, error: expect.stringMatching(/not imported into Medusa \(yet\)/) })])

      await importOrders(getContainer(), storeId)
      const row = await ledgerRow(getContainer(), storeId, orderIds[0])
      expect(row).toMatchObject({ import_status: "imported", order_id: expect.any(String) })
      expect(await syncAtAmazonNow()).toMatchObject({ new_rows: 0, duplicates: 1, recorded: 1, waiting: 0, errors: [] })
      const [recorded] = await inbound()
      expect(recorded).toMatchObject({ status: "recorded", medusa_order_id: row.order_id, error: null, amount: "12.50" })
      expect((await refundsOf(row.order_id!)).map((r) => [Number(r.amount), r.note])).toEqual([[12.5, `Amazon refund ${recorded.id}`]])
    })

    it("our own refund, accepted by Amazon, comes back in Finances: matched to our row, no second Medusa refund, not counted twice", async () => {
      const row = await importedOrder([{ sku: "DEMO-MUG", quantity: 2, unitPrice: 12.5 }])
      const { data: asked } = await api.post(`/admin/amazon/orders/${row.id}/refunds`, { items: [{ amazon_order_item_id: itemOf(row), quantity: 1 }], reason: "CustomerReturn", request_id: "echo-refund-0001" }, { headers })
      const { data: sent } = await api.post(`/admin/amazon/stores/${storeId}/order-feeds/send`, {}, { headers })
      expect(sent.result).toMatchObject({ sent: 1, feeds: 1, errors: [] })
      // Amazon processes the feed (at once, or when told to)
      for (const r of await amazon().listAmazonRefunds({ store_id: storeId, direction: "out", status: "sent" })) sandbox().control.advanceFeed(r.amazon_feed_id!)
      await api.post(`/admin/amazon/stores/${storeId}/order-feeds/send`, {}, { headers })
      expect((await refundsOf(row.order_id!)).map((r) => [Number(r.amount), r.note])).toEqual([[12.5, `Amazon refund ${asked.refund.id}`]])

      afterPostingLag()
      const result = await syncAtAmazonNow()
      expect(result).toMatchObject({ events: 1, new_rows: 1, echoes: 1, recorded: 0, errors: [] })
      expect(await inbound()).toEqual([
        expect.objectContaining({ status: "recorded", echo_of: asked.refund.id, medusa_refund_id: null, amount: "12.50", note: expect.stringMatching(new RegExp(`^echo of ${asked.refund.id}`)) }),
      ])
      expect(await refundsOf(row.order_id!)).toHaveLength(1)
      expect(await syncAtAmazonNow()).toMatchObject({ new_rows: 0, duplicates: 1, recorded: 0 })
      expect(await refundsOf(row.order_id!)).toHaveLength(1)

      // the planner counts our refund once: the other unit is still refundable, not refused as "Amazon refunded it"
      const { data: preview } = await api.post(`/admin/amazon/orders/${row.id}/refunds?preview=true`, { items: [{ amazon_order_item_id: itemOf(row) }] }, { headers })
      expect(preview.plan).toMatchObject({ refused: [], total: "12.50" })
      expect(preview.plan.lines).toEqual([expect.objectContaining({ quantity: 1, principal: "12.50" })])
    })
  },
})
