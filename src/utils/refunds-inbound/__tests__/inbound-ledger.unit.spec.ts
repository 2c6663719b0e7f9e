import { matchOutbound, normaliseEvent } from "../finance-events"
import { decideRefund, echoCandidates, inboundRow, medusaRefundNote } from "../inbound-ledger"

const money = (amount: number | string, code = "EUR") => ({ CurrencyAmount: amount as number, CurrencyCode: code })
const raw = (overrides: Record<string, unknown> = {}) => ({
  AmazonOrderId: "302-1234567-1234567",
  PostedDate: "2026-12-01T10:00:00Z",
  ShipmentItemAdjustmentList: [
    {
      OrderItemId: "11111111111111",
      OrderAdjustmentItemId: "A1",
      QuantityShipped: 1,
      ItemChargeAdjustmentList: [
        { ChargeType: "Principal", ChargeAmount: money(-10) },
        { ChargeType: "Tax", ChargeAmount: money(-1.9) },
      ],
    },
  ],
  ...overrides,
})
const ctx = { storeId: "amzst_1", marketplaceId: "A1PA6795UKMFR9", medusaOrderId: "order_1", echoOf: null }

describe("inbound event → ledger row", () => {
  it("an Amazon refund is a planned `in` row keyed by Amazon's event identity, lines the planner can read", () => {
    const event = normaliseEvent("refund", raw() as never)!
    const row = inboundRow(event, ctx)
    expect(row).toMatchObject({
      store_id: "amzst_1",
      direction: "in",
      kind: "refund",
      status: "planned",
      source_ref: event.source_ref,
      amazon_order_id: "302-1234567-1234567",
      medusa_order_id: "order_1",
      amount: "11.90",
      currency: "EUR",
      reason: "refund",
      echo_of: null,
      note: null,
    })
    expect(row.posted_at.toISOString()).toBe("2026-12-01T10:00:00.000Z")
    expect(row.lines).toEqual([expect.objectContaining({ amazon_order_item_id: "11111111111111", principal: "10.00", tax: "1.90", reason: "refund" })])
  })

  it("the same event read twice (overlapping windows, another page order) gives the same source_ref; an A-to-z claim is its own kind", () => {
    const a = inboundRow(normaliseEvent("refund", raw() as never)!, ctx)
    const b = inboundRow(normaliseEvent("refund", raw({ PostedDate: "2026-12-01T10:00:00.000Z" }) as never)!, ctx)
    expect(a.source_ref).toBe(b.source_ref)
    const claim = inboundRow(normaliseEvent("guarantee_claim", raw() as never)!, ctx)
    expect(claim.source_ref).not.toBe(a.source_ref)
    expect(claim.reason).toBe("guarantee_claim")
  })

  it("the echo of our own adjustment is recorded at once, names the outbound row, and asks for no Medusa refund", () => {
    const event = normaliseEvent("refund", raw() as never)!
    const outbound = { id: "amzrf_out1", amazon_order_id: "302-1234567-1234567", status: "accepted", created_at: "2026-11-29T00:00:00Z", lines: [{ amazon_order_item_id: "11111111111111", principal: "11.90" }] }
    const echo = matchOutbound(event, [outbound], new Set())
    const row = inboundRow(event, { ...ctx, echoOf: echo!.id })
    expect(row).toMatchObject({ status: "recorded", echo_of: "amzrf_out1", note: expect.stringMatching(/^echo of amzrf_out1/) })
    // one adjustment, one echo: a second event of the same amount is Amazon's own refund
    expect(matchOutbound(event, [outbound], new Set(["amzrf_out1"]))).toBeNull()
  })

  it("echo candidates: outbound refunds (a queued one with an uploaded document counts as sent), cancellations left out, matched ones taken", () => {
    const event = normaliseEvent("refund", raw() as never)!
    const lines = [{ amazon_order_item_id: "11111111111111", principal: "11.90" }]
    const base = { amazon_order_id: "302-1234567-1234567", created_at: "2026-11-29T00:00:00Z", lines, direction: "out" as const, kind: "refund" }
    const lost = { ...base, id: "amzrf_lost", status: "queued", feed_document_id: "doc-1" }
    const notSent = { ...base, id: "amzrf_new", status: "queued", feed_document_id: null }
    const cancel = { ...base, id: "amzrf_cancel", kind: "cancel", status: "accepted" }
    let { outbound, taken } = echoCandidates([notSent, cancel, lost])
    expect(outbound.map((r) => [r.id, r.status])).toEqual([["amzrf_new", "queued"], ["amzrf_lost", "sent"]])
    expect(matchOutbound(event, outbound, taken)?.id).toBe("amzrf_lost")
    ;({ outbound, taken } = echoCandidates([lost, { id: "amzrf_in", direction: "in", kind: "refund", status: "recorded", echo_of: "amzrf_lost" }]))
    expect(taken).toEqual(new Set(["amzrf_lost"]))
    expect(matchOutbound(event, outbound, taken)).toBeNull()
  })

  it("the Medusa refund's note names the ledger row (found again after a crash)", () => {
    expect(medusaRefundNote("amzrf_9")).toBe("Amazon refund amzrf_9")
  })
})

describe("how much Medusa records", () => {
  it("the whole amount when the payment has it left", () => {
    expect(decideRefund("11.90", "29.90", "EUR")).toEqual({ refund: true, amount: "11.90", surplus: null, note: null })
  })

  it("capped at captured minus refunded; the surplus stays in the ledger with a note", () => {
    const d = decideRefund("35.00", "29.90", "EUR")
    expect(d).toMatchObject({ refund: true, amount: "29.90", surplus: "5.10" })
    expect(d.note).toMatch(/surplus of 5\.10 EUR is kept here, not refunded/)
  })

  it("nothing when nothing is left, or the event nets to zero or less", () => {
    expect(decideRefund("5.00", "0.00", "EUR")).toMatchObject({ refund: false, note: expect.stringMatching(/nothing left/) })
    expect(decideRefund("-2.00", "10.00", "EUR")).toMatchObject({ refund: false, note: expect.stringMatching(/nets to -2\.00/) })
    expect(decideRefund(null, "10.00", "EUR")).toMatchObject({ refund: false })
  })

  it("to the cent, without floating point", () => {
    expect(decideRefund("0.30", "0.1", "EUR")).toMatchObject({ refund: true, amount: "0.10", surplus: "0.20" })
  })
})
