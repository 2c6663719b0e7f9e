import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { decorateCartTotals, MathBN } from "@medusajs/framework/utils"
import { defaultModelsDir } from "../../../../sandbox/models"
import type { OrdersTypes } from "../../../lib/sp-api"
import { currencyDigits } from "../decimal"
import { buyerDataOf, readAmazonOrder } from "../map-amazon-order"
import { isTaxInclusiveMarketplace, orderMoney } from "../order-money"
import { planOrderImport } from "../plan-order-import"
import { toMedusaOrderInput } from "../to-medusa-order"
import { amazonOrder } from "./fixtures"

/**
 * Money to the cent: an Amazon order goes through the importer's pure path (readAmazonOrder → plan →
 * Medusa order input) and Medusa's own totals code (decorateCartTotals, what the order module computes
 * `total` with) must come to Amazon's order total — every example order of Amazon's 2026-01-01 model,
 * read from the shared model file at test time, and the cases its examples do not have.
 */

const MODEL = join(defaultModelsDir(), "models", "orders-api-model", "orders_2026-01-01.json")

const US = "ATVPDKIKX0DER"
const CA = "A2EUQ1WTGCTBG2"
const DE = "A1PA6795UKMFR9"
const UK = "A1F83G8C2ARO7P"
const JP = "A1VC38T7YXB528"

/** Every object of the model that is an order (has orderId and orderItems), wherever the examples put it. */
function exampleOrders(): Array<{ where: string; order: OrdersTypes.Order }> {
  const model = JSON.parse(readFileSync(MODEL, "utf8")) as { paths: unknown }
  const found: Array<{ where: string; order: OrdersTypes.Order }> = []
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`))
    if (!node || typeof node !== "object") return
    const o = node as Record<string, unknown>
    if (typeof o.orderId === "string" && Array.isArray(o.orderItems)) return void found.push({ where, order: o as unknown as OrdersTypes.Order })
    for (const [k, v] of Object.entries(o)) walk(v, `${where}/${k}`)
  }
  walk(model.paths, "")
  return found
}

/** The Medusa order an Amazon order becomes, with the totals Medusa computes for it. */
function importOf(raw: unknown) {
  const reading = readAmazonOrder(raw)
  if (!reading.ok) throw new Error(`quarantined: ${reading.problems.join("; ")}`)
  const { record, order } = reading
  const buyer = buyerDataOf(order)
  const plan = planOrderImport({
    row: { amazon_status: record.amazon_status, fulfillment_channel: record.fulfillment_channel, order_id: null, import_status: "pending", items: record.items, has_buyer_data: !!buyer },
    afn_orders: "import_fulfilled",
    medusa_order: null,
    variant_ids: Object.fromEntries(record.items.map((l) => [l.sku, `variant_${l.sku}`])),
    region_id: "reg_1",
    sales_channel_id: "sc_1",
    shipping_option_id: "so_1",
    has_stock_location: true,
  })
  if (plan.action !== "create") throw new Error(`not imported: ${JSON.stringify(plan)}`)
  const { total, ...input } = toMedusaOrderInput({
    context: {
      amazon_order_id: record.amazon_order_id,
      amazon_store_id: "amzst_1",
      marketplace_id: record.marketplace_id,
      channel: plan.channel,
      currency_code: record.currency_code!,
      region_id: "reg_1",
      sales_channel_id: "sc_1",
      customer_id: null,
      shipping_option: { id: "so_1", name: "Standard" },
    },
    buyer,
    ship_country_code: record.ship_country_code,
    lines: plan.lines,
    amazon_lines: record.items,
    variants: {},
    total: record.total,
    order_charges: record.order_charges,
  })
  const computed = decorateCartTotals(JSON.parse(JSON.stringify(input)) as never) as unknown as Record<string, unknown>
  const digits = currencyDigits(record.currency_code!)
  const cents = (value: unknown) => MathBN.convert(value as never).toFixed(digits)
  return { record, input, total, computed, cents, buyer, digits }
}

/** |Medusa's total − Amazon's| in currency units: below 10⁻¹⁵ means the same figure once Medusa stores it. */
const drift = (value: unknown, expected: string) => MathBN.abs(MathBN.sub(MathBN.convert(value as never), expected)).toNumber()

describe("Amazon's example orders (orders_2026-01-01.json), replayed through the importer", () => {
  const examples = existsSync(MODEL) ? exampleOrders() : []

  it("finds the model's example orders", () => {
    // Amazon's model ships 8 example orders (US, JP, UK ×2, BR ×2, TR, US)
    expect(examples.length).toBeGreaterThanOrEqual(8)
  })

  it.each(examples.map((e) => [e.order.orderId, e] as const))("%s: not quarantined, Medusa's total is Amazon's to the cent", (_id, { order }) => {
    const { record, total, computed, cents } = importOf(order)
    expect(total).toBe(record.total)
    expect(cents(computed.total)).toBe(MathBN.convert(order.proceeds!.grandTotal!.amount).toFixed(currencyDigits(record.currency_code!)))
    expect(drift(computed.total, record.total!)).toBeLessThan(1e-15)
  })

  it("reads empty optional texts as absent (\"addressLine3\": \"\", \"districtOrCounty\": \"\", \"municipality\": \"\")", () => {
    const withBlanks = examples.filter((e) => JSON.stringify(e.order.recipient ?? {}).includes('""'))
    expect(withBlanks.length).toBeGreaterThanOrEqual(5)
    for (const { order } of withBlanks) {
      const { buyer } = importOf(order)
      expect(buyer?.address?.address_3).toBeNull()
      if (order.recipient?.deliveryAddress?.districtOrCounty === "") expect(buyer?.address?.district).toBeNull()
    }
  })

  it("the US example: ITEM + TAX + a delivery tip; tax as Medusa computes it is Amazon's", () => {
    const example = examples.find((e) => e.order.orderId === "123-4567890-1234567")
    if (!example) return
    const { input, computed, cents } = importOf(example.order)
    expect(input.items[0]).toMatchObject({ unit_price: "49.99", quantity: 2, is_tax_inclusive: false })
    expect(cents(computed.tax_total)).toBe("0.02")
    expect(input.shipping_methods.map((m) => [m.name, m.amount])).toEqual([
      ["Standard", "0.00"],
      ["Delivery tip", "5.00"],
    ])
    expect(cents(computed.total)).toBe("154.99")
  })

  it("the UK example: 3 × 29.99 with tax on item and shipping, shown tax-inclusive as UK prices are", () => {
    const example = examples.find((e) => e.order.orderId === "202-1234567-8901234")
    if (!example) return
    const { input, computed, cents } = importOf(example.order)
    expect(input.items[0]).toMatchObject({ unit_price: "30.99", quantity: 3, is_tax_inclusive: true })
    expect(cents(computed.item_tax_total)).toBe("3.00")
    expect(cents(computed.shipping_tax_total)).toBe("1.00")
    expect(cents(computed.total)).toBe("103.97")
  })
})

// ------------------------------------------------------------------ the cases Amazon's examples do not have

type Line = {
  id?: string
  sku?: string
  quantity: number
  unit: string
  breakdowns: Array<{ type: string; amount: string; details?: Array<[string, string]> }>
  total?: string
  promotions?: string[]
  collection?: string
}

function order(marketplaceId: string, currency: string, grandTotal: string, lines: Line[], orderBreakdowns: Array<{ type: string; amount: string; status?: string }> = []) {
  const money = (amount: string) => ({ amount, currencyCode: currency })
  return amazonOrder({
    salesChannel: { channelName: "AMAZON", marketplaceId, marketplaceName: marketplaceId },
    proceeds: { grandTotal: money(grandTotal), breakdowns: orderBreakdowns.map((b) => ({ type: b.type, status: b.status, subtotal: money(b.amount) })) },
    orderItems: lines.map((l, i) => ({
      orderItemId: l.id ?? `${i + 1}0000000000000`,
      quantityOrdered: l.quantity,
      product: { asin: `B0TEST000${i}`, title: `Item ${i}`, sellerSku: l.sku ?? `SKU-${i}`, price: { unitPrice: money(l.unit) } },
      proceeds: {
        ...(l.total ? { proceedsTotal: money(l.total) } : {}),
        breakdowns: l.breakdowns.map((b) => ({
          type: b.type,
          subtotal: money(b.amount),
          ...(b.details ? { detailedBreakdowns: b.details.map(([subtype, amount]) => ({ subtype, value: money(amount) })) } : {}),
        })),
      },
      ...(l.promotions ? { promotion: { breakdowns: l.promotions.map((promotionId) => ({ promotionId })) } } : {}),
      ...(l.collection ? { tax: { taxCollections: [{ model: l.collection, responsibleParty: "Amazon Services, Inc." }] } } : {}),
      fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: l.quantity },
    })),
  } as never)
}

describe("money the examples do not show, per marketplace family", () => {
  it.each([
    // [case, marketplace, currency, order, expected total, expected tax]
    [
      "US: quantity 3 with odd cents, sales tax on top (exclusive)",
      order(US, "USD", "35.98", [
        { quantity: 3, unit: "10.99", total: "35.98", breakdowns: [{ type: "ITEM", amount: "32.97" }, { type: "TAX", amount: "3.01", details: [["ITEM", "3.01"]] }] },
      ]),
      "35.98",
      "3.01",
    ],
    [
      "US: promotion on the item and free-shipping promotion, tax on shipping",
      order(US, "USD", "48.31", [
        {
          quantity: 2,
          unit: "19.99",
          total: "48.31",
          promotions: ["PROMO-10OFF", "FREESHIP"],
          breakdowns: [
            { type: "ITEM", amount: "39.98" },
            { type: "SHIPPING", amount: "5.99" },
            { type: "DISCOUNT", amount: "-5.99", details: [["ITEM", "-4.00"], ["SHIPPING", "-1.99"]] },
            { type: "TAX", amount: "2.33", details: [["ITEM", "2.06"], ["SHIPPING", "0.27"]] },
          ],
        },
      ]),
      "48.31",
      "2.33",
    ],
    [
      "US: marketplace facilitator, no tax in the seller's proceeds",
      order(US, "USD", "24.99", [{ quantity: 1, unit: "24.99", total: "24.99", collection: "MARKETPLACE_FACILITATOR", breakdowns: [{ type: "ITEM", amount: "24.99" }, { type: "TAX", amount: "0.00" }] }]),
      "24.99",
      "0.00",
    ],
    [
      "CA: GST/HST on item and gift wrap (exclusive)",
      order(CA, "CAD", "39.53", [
        {
          quantity: 1,
          unit: "29.99",
          total: "39.53",
          breakdowns: [
            { type: "ITEM", amount: "29.99" },
            { type: "GIFT_WRAP", amount: "4.99" },
            { type: "TAX", amount: "4.55", details: [["ITEM", "3.90"], ["GIFT_WRAP", "0.65"]] },
          ],
        },
      ]),
      "39.53",
      "4.55",
    ],
    [
      "DE: VAT inside the prices (total = charges − discounts), promotion on item and shipping",
      order(DE, "EUR", "60.46", [
        {
          quantity: 3,
          unit: "19.99",
          total: "60.46",
          promotions: ["DE-WINTER"],
          breakdowns: [
            { type: "ITEM", amount: "59.97" },
            { type: "SHIPPING", amount: "4.99" },
            { type: "DISCOUNT", amount: "-4.50", details: [["ITEM", "-3.00"], ["SHIPPING", "-1.50"]] },
            { type: "TAX", amount: "9.65", details: [["ITEM", "9.09"], ["SHIPPING", "0.56"]] },
          ],
        },
      ]),
      "60.46",
      "9.65",
    ],
    [
      "DE: VAT on top in Amazon's breakdown (as its UK example does), shown tax-inclusive",
      order(DE, "EUR", "23.79", [{ quantity: 1, unit: "19.99", total: "23.79", breakdowns: [{ type: "ITEM", amount: "19.99" }, { type: "TAX", amount: "3.80" }] }]),
      "23.79",
      "3.80",
    ],
    [
      "UK: gift wrap with its VAT, two lines, shipping on one",
      order(UK, "GBP", "52.47", [
        { quantity: 2, unit: "14.99", total: "33.98", breakdowns: [{ type: "ITEM", amount: "29.98" }, { type: "GIFT_WRAP", amount: "4.00" }, { type: "TAX", amount: "5.66", details: [["ITEM", "5.00"], ["GIFT_WRAP", "0.66"]] }] },
        { quantity: 1, unit: "15.49", total: "18.49", breakdowns: [{ type: "ITEM", amount: "15.49" }, { type: "SHIPPING", amount: "3.00" }, { type: "TAX", amount: "3.08", details: [["ITEM", "2.58"], ["SHIPPING", "0.50"]] }] },
      ]),
      "52.47",
      "8.74",
    ],
    [
      "JP: cash on delivery fee, consumption tax inside, yen without decimals",
      order(JP, "JPY", "7310", [
        {
          quantity: 2,
          unit: "3490",
          total: "7310",
          breakdowns: [
            { type: "ITEM", amount: "6980" },
            { type: "COD_FEE", amount: "330" },
            { type: "TAX", amount: "664", details: [["ITEM", "634"], ["COD_FEE", "30"]] },
          ],
        },
      ]),
      "7310",
      "664",
    ],
    [
      "B2B quantity price: ITEM below unit price × quantity",
      order(DE, "EUR", "95.00", [{ quantity: 10, unit: "9.99", total: "95.00", breakdowns: [{ type: "ITEM", amount: "95.00" }, { type: "TAX", amount: "15.17" }] }]),
      "95.00",
      "15.17",
    ],
    [
      "a line canceled to 0 units that Amazon still charges a fee for",
      order(UK, "GBP", "21.99", [
        { quantity: 1, unit: "19.99", total: "19.99", breakdowns: [{ type: "ITEM", amount: "19.99" }] },
        { quantity: 0, unit: "5.00", total: "2.00", breakdowns: [{ type: "ITEM", amount: "2.00" }] },
      ]),
      "21.99",
      "0.00",
    ],
    [
      "a finalized delivery tip, a pending one not yet charged",
      order(US, "USD", "23.00", [{ quantity: 1, unit: "20.00", total: "20.00", breakdowns: [{ type: "ITEM", amount: "20.00" }] }], [
        { type: "ITEM", amount: "20.00" },
        { type: "DELIVERY_TIP", amount: "3.00", status: "FINALIZED" },
        { type: "DELIVERY_TIP", amount: "2.00", status: "PENDING" },
      ]),
      "23.00",
      "0.00",
    ],
  ])("%s", (_case, raw, expectedTotal, expectedTax) => {
    const { computed, cents, input, total } = importOf(raw)
    expect(total).toBe(expectedTotal)
    expect(cents(computed.total)).toBe(expectedTotal)
    expect(drift(computed.total, expectedTotal)).toBeLessThan(1e-15)
    expect(cents(computed.tax_total)).toBe(expectedTax)
    // prices are shown as the marketplace shows them
    expect(input.items.every((i) => i.is_tax_inclusive === isTaxInclusiveMarketplace(input.metadata.amazon_marketplace_id))).toBe(true)
  })

  it("keeps Amazon's promotion ids on the adjustment, and its quantity price as a price adjustment", () => {
    const promo = importOf(
      order(DE, "EUR", "16.99", [{ quantity: 1, unit: "19.99", total: "16.99", promotions: ["DE-WINTER"], breakdowns: [{ type: "ITEM", amount: "19.99" }, { type: "DISCOUNT", amount: "-3.00" }] }])
    )
    expect(promo.input.items[0].adjustments).toEqual([{ code: "DE-WINTER", amount: "3.00", description: "Amazon promotion", is_tax_inclusive: true }])
    expect(promo.cents(promo.computed.discount_total)).toBe("3.00")

    const tiered = importOf(order(US, "USD", "95.00", [{ quantity: 10, unit: "9.99", total: "95.00", breakdowns: [{ type: "ITEM", amount: "95.00" }] }]))
    expect(tiered.input.items[0]).toMatchObject({ unit_price: "9.99", adjustments: [{ code: "AMAZON_PRICE", amount: "4.90" }] })
  })

  it("gift wrap and COD fee are their own shipping methods, on the store's shipping option", () => {
    const { input } = importOf(
      order(JP, "JPY", "7310", [{ quantity: 2, unit: "3490", total: "7310", breakdowns: [{ type: "ITEM", amount: "6980" }, { type: "COD_FEE", amount: "330" }] }])
    )
    expect(input.shipping_methods.map((m) => [m.name, m.amount, m.shipping_option_id])).toEqual([
      ["Standard", "0.00", "so_1"],
      ["Cash on delivery fee", "330.00", "so_1"],
    ])
  })

  it("a line without proceeds (a row stored before they were read) still comes to unit price × quantity + shipping", () => {
    const money = orderMoney({
      marketplace_id: DE,
      currency_code: "EUR",
      total: null,
      lines: [{ order_item_id: "1", sku: "A", asin: null, title: null, quantity: 2, unit_price: "12.50", shipping_price: "3.99", quantity_shipped: 0 }],
    })
    expect(money).toMatchObject({ total: "28.99", tax_total: "0.00", lines: { "1": { unit_price: "12.50", tax_lines: [], adjustments: [] } } })
    expect(money.methods[0]).toMatchObject({ charge: "SHIPPING", amount: "3.99" })
  })

  it("Amazon's total beyond what its lines say is kept as other charges, so the order still comes to it", () => {
    const { computed, cents, input } = importOf(order(DE, "EUR", "21.49", [{ quantity: 1, unit: "19.99", total: "19.99", breakdowns: [{ type: "ITEM", amount: "19.99" }] }]))
    expect(cents(computed.total)).toBe("21.49")
    expect(input.shipping_methods[1]).toMatchObject({ name: "Other Amazon charges", amount: "1.50" })
  })
})
