import {
  followUpOf,
  groupMarketplacesForSearch,
  nextOrderAttemptAt,
  ORDER_RETRY_MAX_MS,
  planFollowUp,
  SEARCH_ORDERS_MAX_MARKETPLACES,
  type MedusaOrderLine,
} from "../follow-amazon-order"
import { planOrderImport, type PlanOrderImportInput } from "../plan-order-import"
import type { AmazonOrderLine } from "../types"
import { WorkQueue } from "../work-queue"

const amazonLine = (id: string, quantity: number, shipped = 0): AmazonOrderLine => ({
  order_item_id: id,
  sku: `SKU-${id}`,
  asin: null,
  title: null,
  quantity,
  unit_price: "10.00",
  shipping_price: "0.00",
  quantity_shipped: shipped,
})
const medusaLine = (id: string, quantity: number, fulfilled = 0): MedusaOrderLine => ({
  line_item_id: `ordli_${id}`,
  amazon_order_item_id: id,
  quantity,
  fulfilled_quantity: fulfilled,
})

describe("followUpOf", () => {
  const order = (extra: Record<string, unknown> = {}, items: unknown[] = [{ orderItemId: "1" }]) => ({
    orderId: "302-0000000-0000001",
    salesChannel: { channelName: "AMAZON", marketplaceId: "A1PA6795UKMFR9" },
    fulfillment: { fulfillmentStatus: "UNSHIPPED" },
    orderItems: items,
    ...extra,
  })
  it.each([
    ["an Amazon order without cancellation", order(), { channel_name: "AMAZON", buyer_cancel_request: null }],
    ["a multi-channel (MCF) order", order({ salesChannel: { channelName: "NON_AMAZON" } }), { channel_name: "NON_AMAZON", buyer_cancel_request: null }],
    ["no channel name at all", order({ salesChannel: {} }), { channel_name: "AMAZON", buyer_cancel_request: null }],
    [
      "a buyer's open request on one of two lines",
      order({}, [{ orderItemId: "1", cancellation: { cancellationRequest: { requester: "BUYER", cancelReason: "Ordered by mistake" } } }, { orderItemId: "2" }]),
      { channel_name: "AMAZON", buyer_cancel_request: { reason: "Ordered by mistake", order_item_ids: ["1"] } },
    ],
    [
      "a request Amazon already executed",
      order({}, [{ orderItemId: "1", cancellation: { cancellationRequest: { requester: "BUYER" }, cancellationExecution: { cancelledBy: "BUYER" } } }]),
      { channel_name: "AMAZON", buyer_cancel_request: null },
    ],
    [
      "a request on a canceled order",
      order({ fulfillment: { fulfillmentStatus: "CANCELLED" } }, [{ orderItemId: "1", cancellation: { cancellationRequest: { requester: "BUYER" } } }]),
      { channel_name: "AMAZON", buyer_cancel_request: null },
    ],
    [
      "a request without a reason",
      order({}, [{ orderItemId: "1", cancellation: { cancellationRequest: { requester: "BUYER" } } }]),
      { channel_name: "AMAZON", buyer_cancel_request: { reason: null, order_item_ids: ["1"] } },
    ],
  ])("%s", (_name, raw, expected) => {
    expect(followUpOf(raw)).toEqual(expected)
  })
})

describe("planFollowUp", () => {
  it.each<[string, AmazonOrderLine[], MedusaOrderLine[], ReturnType<typeof planFollowUp>]>([
    ["nothing changed", [amazonLine("1", 2)], [medusaLine("1", 2)], { quantity_changes: [], shipped: [], conflicts: [], reservations: [] }],
    [
      "a line canceled whole, the other kept",
      [amazonLine("1", 0), amazonLine("2", 1)],
      [medusaLine("1", 2), medusaLine("2", 1)],
      {
        quantity_changes: [{ line_item_id: "ordli_1", order_item_id: "1", from: 2, to: 0, reserve_quantity: 0 }],
        shipped: [],
        conflicts: [],
        reservations: [{ line_item_id: "ordli_1", from_units: 2, to_units: 0, consumed_units: 0 }],
      },
    ],
    [
      "3 → 1 units: two released",
      [amazonLine("1", 1)],
      [medusaLine("1", 3)],
      {
        quantity_changes: [{ line_item_id: "ordli_1", order_item_id: "1", from: 3, to: 1, reserve_quantity: 1 }],
        shipped: [],
        conflicts: [],
        reservations: [{ line_item_id: "ordli_1", from_units: 3, to_units: 1, consumed_units: 0 }],
      },
    ],
    [
      "shipped in Seller Central: fulfilled, reservation consumed",
      [amazonLine("1", 2, 2)],
      [medusaLine("1", 2)],
      {
        quantity_changes: [],
        shipped: [{ line_item_id: "ordli_1", order_item_id: "1", quantity: 2 }],
        conflicts: [],
        reservations: [{ line_item_id: "ordli_1", from_units: 2, to_units: 0, consumed_units: 2 }],
      },
    ],
    [
      "already fulfilled in Medusa: no second fulfillment",
      [amazonLine("1", 2, 2)],
      [medusaLine("1", 2, 2)],
      { quantity_changes: [], shipped: [], conflicts: [], reservations: [] },
    ],
    [
      "one canceled, one shipped of three",
      [amazonLine("1", 2, 1)],
      [medusaLine("1", 3)],
      {
        quantity_changes: [{ line_item_id: "ordli_1", order_item_id: "1", from: 3, to: 2, reserve_quantity: 1 }],
        shipped: [{ line_item_id: "ordli_1", order_item_id: "1", quantity: 1 }],
        conflicts: [],
        reservations: [{ line_item_id: "ordli_1", from_units: 3, to_units: 1, consumed_units: 1 }],
      },
    ],
  ])("%s", (_name, amazon, medusa, expected) => {
    expect(planFollowUp({ amazon_lines: amazon, medusa_lines: medusa, channel: "MFN" })).toEqual(expected)
  })

  it("reports a line Amazon lowered below what Medusa fulfilled, and changes nothing of it", () => {
    const plan = planFollowUp({ amazon_lines: [amazonLine("1", 1)], medusa_lines: [medusaLine("1", 3, 2)], channel: "MFN" })
    expect(plan.quantity_changes).toEqual([])
    expect(plan.conflicts).toEqual([{ order_item_id: "1", message: expect.stringContaining("2 are already fulfilled in Medusa") }])
  })

  it("follows nothing of a FBA order (fulfilled by Amazon at import)", () => {
    expect(planFollowUp({ amazon_lines: [amazonLine("1", 0)], medusa_lines: [medusaLine("1", 2, 2)], channel: "AFN" }).conflicts).toEqual([])
  })
})

describe("planOrderImport — following an imported order", () => {
  const base = (row: Partial<PlanOrderImportInput["row"]>, lines: MedusaOrderLine[]): PlanOrderImportInput => ({
    row: { amazon_status: "UNSHIPPED", fulfillment_channel: "MFN", order_id: "order_1", import_status: "imported", items: [], has_buyer_data: true, ...row },
    afn_orders: "import_fulfilled",
    medusa_order: { status: "pending", active_fulfillments: 0, lines },
    variant_ids: {},
    region_id: null,
    sales_channel_id: null,
    shipping_option_id: null,
    has_stock_location: true,
  })
  it("follows a partial cancellation", () => {
    expect(planOrderImport(base({ items: [amazonLine("1", 1)] }, [medusaLine("1", 2)]))).toMatchObject({ action: "follow" })
  })
  it("holds a change it cannot carry out", () => {
    expect(planOrderImport(base({ items: [amazonLine("1", 0)] }, [medusaLine("1", 2, 2)]))).toMatchObject({
      action: "hold",
      issues: [{ code: "amazon_change_conflict" }],
    })
  })
  it("marks a held row imported again once nothing is left to do", () => {
    expect(planOrderImport(base({ import_status: "needs_attention", items: [amazonLine("1", 2)] }, [medusaLine("1", 2)]))).toEqual({
      action: "record",
      import_status: "imported",
    })
  })
  it("does nothing to an order the merchant canceled in Medusa", () => {
    const input = base({ items: [amazonLine("1", 1)] }, [medusaLine("1", 2)])
    input.medusa_order!.status = "canceled"
    expect(planOrderImport(input)).toEqual({ action: "none" })
  })
  it("skips a multi-channel (NON_AMAZON) order instead of importing it", () => {
    const input = base({ order_id: null, import_status: "pending", channel_name: "NON_AMAZON", items: [amazonLine("1", 1)] }, [])
    expect(planOrderImport(input)).toEqual({ action: "record", import_status: "skipped" })
  })
})

describe("nextOrderAttemptAt", () => {
  const now = new Date("2026-12-05T08:00:00Z")
  it.each([
    [1, 5],
    [2, 10],
    [3, 20],
    [7, 320],
    [8, 360],
    [30, 360],
  ])("after attempt %i: %i minutes", (attempts, minutes) => {
    expect(nextOrderAttemptAt(attempts, now).getTime() - now.getTime()).toBe(Math.min(minutes * 60_000, ORDER_RETRY_MAX_MS))
  })
})

describe("groupMarketplacesForSearch", () => {
  const m = (id: string, cursor: string | null) => ({ marketplace_id: id, orders_cursor: cursor })
  it("asks for nine EU marketplaces in one call, from the oldest cursor", () => {
    const nine = Array.from({ length: 9 }, (_, i) => m(`MP${i}`, `2026-12-05T0${i}:00:00.000Z`))
    expect(groupMarketplacesForSearch(nine)).toEqual([{ marketplaces: nine, cursor: new Date("2026-12-05T00:00:00.000Z") }])
  })
  it("starts from the initial look-back when one marketplace was never imported", () => {
    expect(groupMarketplacesForSearch([m("A", "2026-12-05T00:00:00Z"), m("B", null)])[0].cursor).toBeNull()
  })
  it("splits at searchOrders' 50 marketplace ids", () => {
    const many = Array.from({ length: SEARCH_ORDERS_MAX_MARKETPLACES + 1 }, (_, i) => m(`MP${i}`, "2026-12-05T00:00:00Z"))
    expect(groupMarketplacesForSearch(many).map((g) => g.marketplaces.length)).toEqual([50, 1])
  })
})

describe("WorkQueue.pushLater", () => {
  it("runs retries only while no new order waits, and promotes a retry that becomes new work", async () => {
    const done: string[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const queue = new WorkQueue(async (id) => {
      if (id === "first") await gate
      done.push(id)
    }, 1)
    queue.push(["first"])
    queue.pushLater(["retry-1", "retry-2", "changed"])
    queue.push(["new-1", "changed"])
    release()
    await queue.drain()
    expect(done).toEqual(["first", "new-1", "changed", "retry-1", "retry-2"])
  })
})
