import { matchOutbound, normaliseEvent, refundEventsOf } from "../finance-events"

const money = (amount: number | string, code = "EUR") => ({ CurrencyAmount: amount as number, CurrencyCode: code })

const refundEvent = (overrides: Record<string, unknown> = {}) => ({
  AmazonOrderId: "302-1234567-1234567",
  MarketplaceName: "Amazon.de",
  PostedDate: "2026-12-01T10:00:00Z",
  ShipmentItemAdjustmentList: [
    {
      SellerSKU: "SKU-1",
      OrderItemId: "11111111111111",
      OrderAdjustmentItemId: "A1",
      QuantityShipped: 1,
      ItemChargeAdjustmentList: [
        { ChargeType: "Principal", ChargeAmount: money(-16.81) },
        { ChargeType: "Tax", ChargeAmount: money(-3.19) },
        { ChargeType: "ShippingCharge", ChargeAmount: money(-4.2) },
        { ChargeType: "ShippingTax", ChargeAmount: money(-0.8) },
      ],
      PromotionAdjustmentList: [{ PromotionType: "PromotionMetaDataDefinitionValue", PromotionId: "P1", PromotionAmount: money(2) }],
      ItemFeeAdjustmentList: [{ FeeType: "Commission", FeeAmount: money(2.55) }],
    },
  ],
  ...overrides,
})

describe("inbound finance events → ledger rows", () => {
  it("turns a RefundEventList entry into positive components to the cent, fees left out", () => {
    const event = normaliseEvent("refund", refundEvent() as never)!
    expect(event.amazon_order_id).toBe("302-1234567-1234567")
    expect(event.currency).toBe("EUR")
    expect(event.lines[0]).toMatchObject({
      amazon_order_item_id: "11111111111111",
      principal: "16.81",
      tax: "3.19",
      shipping: "4.20",
      shipping_tax: "0.80",
      promotion: "2.00",
      amount: "23.00",
    })
    expect(event.amount).toBe("23.00")
  })

  it("reads refunds, A-to-z claims and chargebacks, and drops events Amazon sent without order or date", () => {
    const { events, skipped } = refundEventsOf({
      RefundEventList: [refundEvent() as never, refundEvent({ AmazonOrderId: "" }) as never],
      GuaranteeClaimEventList: [refundEvent({ AmazonOrderId: "302-0000000-0000001" }) as never],
      ChargebackEventList: [refundEvent({ AmazonOrderId: "302-0000000-0000002", PostedDate: undefined }) as never],
      ShipmentEventList: [refundEvent() as never],
    })
    expect(events.map((e) => e.kind)).toEqual(["refund", "guarantee_claim"])
    expect(skipped).toBe(2)
  })

  it("hashes the same event to the same source_ref, whatever the item order; a second partial refund differs", () => {
    const twoItems = refundEvent({
      ShipmentItemAdjustmentList: [
        ...(refundEvent().ShipmentItemAdjustmentList as unknown[]),
        { OrderItemId: "22222222222222", OrderAdjustmentItemId: "A2", QuantityShipped: 1, ItemChargeAdjustmentList: [{ ChargeType: "Principal", ChargeAmount: money(-5) }] },
      ],
    })
    const reversed = { ...twoItems, ShipmentItemAdjustmentList: [...(twoItems.ShipmentItemAdjustmentList as unknown[])].reverse() }
    const a = normaliseEvent("refund", twoItems as never)!
    const b = normaliseEvent("refund", reversed as never)!
    expect(a.source_ref).toBe(b.source_ref)
    expect(normaliseEvent("refund", { ...twoItems, PostedDate: "2026-12-01T10:00:00.000Z" } as never)!.source_ref).toBe(a.source_ref)
    const other = normaliseEvent("refund", refundEvent({ PostedDate: "2026-12-02T10:00:00Z" }) as never)!
    expect(other.source_ref).not.toBe(normaliseEvent("refund", refundEvent() as never)!.source_ref)
    expect(normaliseEvent("chargeback", twoItems as never)!.source_ref).not.toBe(a.source_ref)
  })

  it("parses string amounts exactly (no floating point) and JPY without decimals", () => {
    const event = normaliseEvent(
      "refund",
      refundEvent({
        ShipmentItemAdjustmentList: [
          { OrderItemId: "1", QuantityShipped: 1, ItemChargeAdjustmentList: [{ ChargeType: "Principal", ChargeAmount: { CurrencyAmount: "-0.1", CurrencyCode: "JPY" } }, { ChargeType: "Principal", ChargeAmount: { CurrencyAmount: "-0.2", CurrencyCode: "JPY" } }] },
        ],
      }) as never
    )!
    expect(event.lines[0].principal).toBe("0.30")
    expect(event.currency).toBe("JPY")
  })

  describe("matching the store's own outbound adjustments", () => {
    const event = normaliseEvent("refund", refundEvent() as never)!
    const row = {
      id: "amzrf_out1",
      amazon_order_id: "302-1234567-1234567",
      status: "accepted",
      created_at: "2026-11-30T09:00:00Z",
      // tax-inclusive marketplace: gross principal sent, Amazon posts principal and tax apart; the item's total matches
      lines: [{ amazon_order_item_id: "11111111111111", principal: "18.00", shipping: "5.00" }],
    }

    it("matches same order, item and amount posted after the feed", () => {
      expect(matchOutbound(event, [row], new Set())?.id).toBe("amzrf_out1")
    })

    it("does not match another amount, an earlier post, a rejected row or one already taken", () => {
      expect(matchOutbound(event, [{ ...row, lines: [{ amazon_order_item_id: "11111111111111", principal: "18.01", shipping: "5.00" }] }], new Set())).toBeNull()
      expect(matchOutbound(event, [{ ...row, created_at: "2026-12-02T00:00:00Z" }], new Set())).toBeNull()
      expect(matchOutbound(event, [{ ...row, status: "rejected" }], new Set())).toBeNull()
      expect(matchOutbound(event, [row], new Set(["amzrf_out1"]))).toBeNull()
      expect(matchOutbound(event, [{ ...row, amazon_order_id: "302-0000000-0000000" }], new Set())).toBeNull()
    })
  })
})
