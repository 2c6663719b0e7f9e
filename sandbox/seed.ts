import { withCheckDigit } from "./gtin"
import { listingStatus } from "./listing-rules"
import { marketplace } from "./marketplaces"
import { SandboxState } from "./state"
import { Address, CatalogItem, FulfillmentStatus, Listing, OrderItemRecord, OrderRecord, Seller } from "./types"

/**
 * Seed data. "demo" is what `npm run sandbox`, the dev app and most tests start from; "empty" has only
 * the LWA app (sellers, catalog, listings and orders come from the control API).
 */

export const DEMO = {
  clientId: "amzn1.application-oa2-client.sandbox",
  clientSecret: "sandbox-client-secret",
  applicationId: "amzn1.sellerapps.app.sandbox",
  euSeller: "A1SANDBOXSELLER01",
  naSeller: "A2SANDBOXSELLER02",
  euRefreshToken: "Atzr|sandbox-refresh-token-eu",
  naRefreshToken: "Atzr|sandbox-refresh-token-na",
  DE: "A1PA6795UKMFR9",
  UK: "A1F83G8C2ARO7P",
  US: "ATVPDKIKX0DER",
} as const

const EU_MARKETPLACES = ["A1PA6795UKMFR9", "A13V1IB3VIYZZH", "APJ6JRA9NG5V4", "A1RKKUPIHCS9HS", "A1F83G8C2ARO7P", "A1805IZSGTT6HS", "A1C3SOZRARQ6R3", "A2NODRKZP88ZB9"]
const NA_MARKETPLACES = ["ATVPDKIKX0DER", "A2EUQ1WTGCTBG2", "A1AM78C64UM0Y8"]

const cm = (value: number) => ({ unit: "centimeters", value })
const kg = (value: number) => ({ unit: "kilograms", value })

/** The demo catalog: barcodes with valid check digits, including the ones scripts/seed-demo.ts uses. */
export function demoCatalog(): CatalogItem[] {
  const ean = (i: number) => withCheckDigit(`426098765${String(i).padStart(3, "0")}`)
  const upc = (i: number) => withCheckDigit(`08123450${String(i).padStart(3, "0")}`)
  const items: CatalogItem[] = [
    {
      asin: "B0SANDBX01",
      identifiers: { EAN: ["4006381333931"] },
      title: "Organic Cotton T-Shirt, White, S",
      brand: "Sandbox Apparel",
      productType: "SHIRT",
      color: "White",
      size: "S",
      dimensions: { item: { weight: kg(0.18) }, package: { height: cm(3), length: cm(30), width: cm(22), weight: kg(0.2) } },
    },
    {
      asin: "B0SANDBX02",
      identifiers: { EAN: ["5901234123457"] },
      title: "Organic Cotton T-Shirt, White, M",
      brand: "Sandbox Apparel",
      productType: "SHIRT",
      color: "White",
      size: "M",
      dimensions: { item: { weight: kg(0.19) }, package: { height: cm(3), length: cm(30), width: cm(22), weight: kg(0.21) } },
    },
    {
      asin: "B0SANDBX03",
      identifiers: { EAN: ["4012345678901"] },
      title: "Enamel Camping Mug 350 ml, Blue",
      brand: "Sandbox Outdoor",
      productType: "KITCHEN",
      color: "Blue",
      dimensions: { item: { height: cm(8), length: cm(12), width: cm(9), weight: kg(0.24) }, package: { height: cm(10), length: cm(13), width: cm(10), weight: kg(0.3) } },
    },
    {
      // Books keep their ISBN-10 as ASIN on Amazon.
      asin: "0306406152",
      identifiers: { ISBN: ["9780306406157"], EAN: ["9780306406157"] },
      title: "A Field Guide to Data (Paperback)",
      brand: "Sandbox Press",
      productType: "ABIS_BOOK",
      dimensions: { item: { height: cm(23), length: cm(15), width: cm(2.5), weight: kg(0.45) }, package: { height: cm(3), length: cm(24), width: cm(16), weight: kg(0.47) } },
    },
    {
      asin: "B0SANDBX05",
      identifiers: { UPC: ["012345678905"], EAN: ["0012345678905"] },
      title: "Trail Running Cap, One Size",
      brand: "Sandbox Outdoor",
      productType: "PRODUCT",
      dimensions: { package: { height: cm(8), length: cm(25), width: cm(18), weight: kg(0.09) } },
    },
    { asin: "B0SANDBX06", identifiers: { EAN: [ean(6)] }, title: "Hardside Carry-On Spinner Suitcase 55 cm", brand: "Sandbox Travel", productType: "LUGGAGE", color: "Graphite", dimensions: { package: { height: cm(58), length: cm(40), width: cm(25), weight: kg(3.1) } } },
    { asin: "B0SANDBX07", identifiers: { EAN: [ean(7)] }, title: "Linen Cushion Cover 50x50 cm, Sand", brand: "Sandbox Home", productType: "HOME", color: "Sand" },
    { asin: "B0SANDBX08", identifiers: { EAN: [ean(8)] }, title: "Scented Soy Candle, Fig", brand: "Sandbox Home", productType: "HOME" },
    { asin: "B0SANDBX09", identifiers: { EAN: [ean(9)] }, title: "Cast Iron Skillet 26 cm", brand: "Sandbox Kitchen", productType: "KITCHEN", dimensions: { package: { height: cm(8), length: cm(45), width: cm(28), weight: kg(2.6) } } },
    { asin: "B0SANDBX10", identifiers: { EAN: [ean(10)] }, title: "Stainless Steel Water Bottle 750 ml", brand: "Sandbox Outdoor", productType: "KITCHEN" },
    { asin: "B0SANDBX11", identifiers: { EAN: [ean(11)] }, title: "Merino Wool Beanie, Charcoal", brand: "Sandbox Apparel", productType: "PRODUCT" },
    { asin: "B0SANDBX12", identifiers: { EAN: [ean(12)] }, title: "Merino Hiking Socks, 2 Pairs, 39-42", brand: "Sandbox Apparel", productType: "PRODUCT" },
    { asin: "B0SANDBX13", identifiers: { EAN: [ean(13)] }, title: "LED Desk Lamp, Dimmable", brand: "Sandbox Home", productType: "HOME" },
    { asin: "B0SANDBX14", identifiers: { EAN: [ean(14)] }, title: "Travel Backpack 40 L", brand: "Sandbox Travel", productType: "LUGGAGE" },
    { asin: "B0SANDBX15", identifiers: { EAN: [ean(15)] }, title: "Chef's Knife 20 cm", brand: "Sandbox Kitchen", productType: "KITCHEN" },
    { asin: "B0SANDBX16", identifiers: { EAN: [ean(16)] }, title: "Ceramic Teapot 1 L", brand: "Sandbox Kitchen", productType: "KITCHEN" },
    { asin: "B0SANDBX17", identifiers: { ISBN: ["9783161484100"], EAN: ["9783161484100"] }, title: "Sandbox Stories (Hardcover)", brand: "Sandbox Press", productType: "ABIS_BOOK" },
    // North-America-only items: a barcode search in an EU marketplace does not find them.
    { asin: "B0SANDBX18", marketplaceIds: NA_MARKETPLACES, identifiers: { UPC: [upc(18)] }, title: "Yoga Mat 6 mm", brand: "Sandbox Fitness", productType: "PRODUCT" },
    { asin: "B0SANDBX19", marketplaceIds: NA_MARKETPLACES, identifiers: { UPC: [upc(19)] }, title: "Insulated Lunch Box", brand: "Sandbox Kitchen", productType: "KITCHEN" },
    { asin: "B0SANDBX20", identifiers: { EAN: [ean(20)], UPC: [upc(20)] }, title: "A5 Dotted Notebook", brand: "Sandbox Paper", productType: "PRODUCT" },
  ]
  return items
}

export function seedApp(state: SandboxState): void {
  state.app = {
    clientId: DEMO.clientId,
    clientSecret: DEMO.clientSecret,
    applicationId: DEMO.applicationId,
    name: "Medusa Amazon Sandbox App",
  }
}

export function seedDemo(state: SandboxState): void {
  const eu: Seller = { sellerId: DEMO.euSeller, name: "Sandbox Seller EU", storeName: "Sandbox Store EU", region: "eu", marketplaceIds: EU_MARKETPLACES }
  const na: Seller = { sellerId: DEMO.naSeller, name: "Sandbox Seller NA", storeName: "Sandbox Store NA", region: "na", marketplaceIds: NA_MARKETPLACES }
  state.addSeller(eu, DEMO.euRefreshToken)
  state.addSeller(na, DEMO.naRefreshToken)
  for (const item of demoCatalog()) state.addCatalogItem(item)

  const now = state.clock.now()
  const hour = 3600_000
  const de = DEMO.DE
  const offer = (price: number, quantity: number | undefined, channel = "DEFAULT") => ({
    purchasable_offer: [{ marketplace_id: de, currency: "EUR", audience: "ALL", our_price: [{ schedule: [{ value_with_tax: price }] }] }],
    fulfillment_availability: [channel === "DEFAULT" ? { fulfillment_channel_code: "DEFAULT", quantity } : { fulfillment_channel_code: channel }],
    condition_type: [{ value: "new_new", marketplace_id: de }],
  })
  const listing = (sku: string, asin: string, productType: string, price: number, quantity: number | undefined, channel: string, ean: string | undefined, daysAgo: number): Listing => {
    const item = state.catalog.get(asin)
    const l: Listing = {
      sellerId: eu.sellerId,
      marketplaceId: de,
      sku,
      asin,
      productType,
      itemName: item?.title ?? sku,
      price,
      currency: "EUR",
      quantity,
      fulfillmentChannel: channel,
      conditionType: "new_new",
      status: "Active",
      attributes: {
        item_name: [{ value: item?.title ?? sku, language_tag: "de_DE", marketplace_id: de }],
        merchant_suggested_asin: [{ value: asin, marketplace_id: de }],
        ...offer(price, quantity, channel),
      },
      issues: [],
      productId: ean ? { type: "EAN", value: ean } : { type: "ASIN", value: asin },
      listingId: state.newListingId(),
      createdAt: now - daysAgo * 24 * hour,
      updatedAt: now - daysAgo * 12 * hour,
    }
    l.status = listingStatus(l)
    return l
  }
  state.putListing(listing("DEMO-TSHIRT-S", "B0SANDBX01", "SHIRT", 19.99, 25, "DEFAULT", "4006381333931", 40))
  state.putListing(listing("DEMO-TSHIRT-M", "B0SANDBX02", "SHIRT", 19.99, 12, "DEFAULT", "5901234123457", 40))
  state.putListing(listing("DEMO-MUG", "B0SANDBX03", "KITCHEN", 12.5, 40, "DEFAULT", "4012345678901", 30))
  state.putListing(listing("DEMO-BOOK", "0306406152", "ABIS_BOOK", 24.0, undefined, "AMAZON_EU", "9780306406157", 20))
  // Listings the Medusa demo store does not have (listings import creates products for them).
  state.putListing(listing("AMZ-SUITCASE-55", "B0SANDBX06", "LUGGAGE", 129.0, 3, "DEFAULT", undefined, 90))
  state.putListing(listing("AMZ-CANDLE-FIG", "B0SANDBX08", "HOME", 14.9, 0, "DEFAULT", undefined, 60))

  const mugSku = "DEMO-MUG"
  const make = (spec: Omit<OrderSpec, "sellerId" | "marketplaceId">) => addOrder(state, { sellerId: eu.sellerId, marketplaceId: de, ...spec })
  make({ items: [{ sku: "DEMO-TSHIRT-S", quantity: 1 }, { sku: mugSku, quantity: 2 }], status: "UNSHIPPED", createdAt: now - 26 * hour })
  // Pending for another 30 simulated minutes from start-up, then UNSHIPPED (payment authorized).
  make({ items: [{ sku: "DEMO-TSHIRT-M", quantity: 1 }], status: "PENDING", createdAt: now - 600_000, pendingUntil: now + state.clock.realMs(1800) })
  const shipped = make({ items: [{ sku: "DEMO-TSHIRT-M", quantity: 2 }], status: "UNSHIPPED", createdAt: now - 72 * hour })
  confirmPackage(state, shipped, {
    packageReferenceId: "1",
    carrierCode: "DHL",
    trackingNumber: "00340434161234567890",
    shipDate: new Date(now - 60 * hour).toISOString(),
    items: shipped.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantityOrdered })),
    at: now - 60 * hour,
  })
  make({ items: [{ sku: "DEMO-BOOK", quantity: 1 }], status: "SHIPPED", fulfilledBy: "AMAZON", createdAt: now - 50 * hour })
  make({ items: [{ sku: mugSku, quantity: 1 }], status: "CANCELLED", createdAt: now - 30 * hour })

  // The NA seller has one listing and one order in the US.
  state.putListing({
    sellerId: na.sellerId,
    marketplaceId: DEMO.US,
    sku: "DEMO-CAP",
    asin: "B0SANDBX05",
    productType: "PRODUCT",
    itemName: "Trail Running Cap, One Size",
    price: 17.5,
    currency: "USD",
    quantity: 30,
    fulfillmentChannel: "DEFAULT",
    conditionType: "new_new",
    status: "Active",
    attributes: {},
    issues: [],
    productId: { type: "UPC", value: "012345678905" },
    listingId: state.newListingId(),
    createdAt: now - 10 * 24 * hour,
    updatedAt: now - 10 * 24 * hour,
  })
  addOrder(state, { sellerId: na.sellerId, marketplaceId: DEMO.US, items: [{ sku: "DEMO-CAP", quantity: 1 }], status: "UNSHIPPED", createdAt: now - 5 * hour })
}

// ---------------------------------------------------------------- generators (also used by the control API)

export interface OrderSpec {
  sellerId: string
  marketplaceId: string
  orderId?: string
  items: ({ sku: string; quantity: number; unitPrice?: number; asin?: string; title?: string } & Partial<
    Pick<OrderItemRecord, "itemPrice" | "shippingPrice" | "giftWrapPrice" | "codFee" | "promotion" | "taxRate" | "taxCollection">
  >)[]
  status?: FulfillmentStatus
  fulfilledBy?: "MERCHANT" | "AMAZON"
  createdAt?: number
  lastUpdatedAt?: number
  /** For PENDING orders: simulated seconds after creation until Amazon moves them on. */
  pendingSeconds?: number
  /** For PENDING orders: absolute time (ms) at which Amazon moves them on (wins over pendingSeconds). */
  pendingUntil?: number
  buyer?: { name: string; email: string }
  shippingAddress?: Address
  serviceLevel?: string
  /** NON_AMAZON: a Multi-Channel Fulfillment order */
  salesChannel?: "AMAZON" | "NON_AMAZON"
  tip?: number
  business?: boolean
}

const FIRST = ["Max", "Anna", "Lukas", "Marie", "Jonas", "Sophie", "Paul", "Emma", "Leon", "Mia", "Camille", "Luca", "Sofia", "Oliver", "Olivia"]
const LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Rossi", "Martin", "García", "Smith", "Jansen"]
const STREETS: Record<string, string[]> = {
  DE: ["Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee", "Schulstraße"],
  FR: ["Rue de la Paix", "Avenue Victor Hugo"],
  IT: ["Via Roma", "Corso Italia"],
  ES: ["Calle Mayor", "Gran Vía"],
  GB: ["High Street", "Station Road"],
  US: ["Main Street", "Oak Avenue"],
}
const PHONE_PREFIX: Record<string, string> = { DE: "+49", FR: "+33", IT: "+39", ES: "+34", GB: "+44", US: "+1" }
const CITIES: Record<string, [string, string][]> = {
  DE: [["Berlin", "10115"], ["München", "80331"], ["Hamburg", "20095"], ["Köln", "50667"]],
  FR: [["Paris", "75001"], ["Lyon", "69001"]],
  IT: [["Roma", "00184"], ["Milano", "20121"]],
  ES: [["Madrid", "28001"], ["Barcelona", "08001"]],
  GB: [["London", "SW1A 1AA"], ["Manchester", "M1 1AE"]],
  US: [["Seattle", "98109"], ["Austin", "78701"]],
}

export function addOrder(state: SandboxState, spec: OrderSpec): OrderRecord {
  const mp = marketplace(spec.marketplaceId)
  const r = state.random
  const now = state.clock.now()
  const createdAt = spec.createdAt ?? now
  const country = mp?.countryCode ?? "DE"
  const [city, postalCode] = r.pick(CITIES[country] ?? CITIES.DE)
  const name = `${r.pick(FIRST)} ${r.pick(LAST)}`
  const status = spec.status ?? "UNSHIPPED"
  const fulfilledBy = spec.fulfilledBy ?? "MERCHANT"
  const order: OrderRecord = {
    orderId: spec.orderId ?? state.newOrderId(),
    sellerId: spec.sellerId,
    marketplaceId: spec.marketplaceId,
    status,
    fulfilledBy,
    serviceLevel: spec.serviceLevel ?? "STANDARD",
    createdAt,
    lastUpdatedAt: spec.lastUpdatedAt ?? createdAt,
    pendingUntil:
      status !== "PENDING" ? undefined : (spec.pendingUntil ?? (spec.pendingSeconds !== undefined ? createdAt + state.clock.realMs(spec.pendingSeconds) : undefined)),
    buyer: spec.buyer ?? { name, email: `${r.digits(6)}${r.pick(["abc", "xyz", "kqd"])}@marketplace.${mp?.domain.replace(/^www\./, "") ?? "amazon.de"}` },
    shippingAddress: spec.shippingAddress ?? {
      name,
      addressLine1: `${r.pick(STREETS[country] ?? STREETS.DE)} ${r.int(1, 120)}`,
      city,
      postalCode,
      countryCode: country,
      phone: `${PHONE_PREFIX[country] ?? "+49"} ${r.digits(9)}`,
    },
    items: spec.items.map((i) => {
      const listing = state.getListing(spec.sellerId, spec.marketplaceId, i.sku)
      const asin = i.asin ?? listing?.asin ?? "B0SANDBX00"
      return {
        orderItemId: state.newOrderItemId(),
        sku: i.sku,
        asin,
        title: i.title ?? listing?.itemName ?? state.catalog.get(asin)?.title ?? i.sku,
        quantityOrdered: i.quantity,
        quantityShipped: status === "SHIPPED" ? i.quantity : 0,
        unitPrice: i.unitPrice ?? listing?.price ?? 9.99,
        currency: listing?.currency ?? mp?.currency ?? "EUR",
        ...Object.fromEntries(
          (["itemPrice", "shippingPrice", "giftWrapPrice", "codFee", "promotion", "taxRate", "taxCollection"] as const).filter((k) => i[k] !== undefined).map((k) => [k, i[k]])
        ),
      }
    }),
    packages: [],
    ...(spec.salesChannel ? { salesChannel: spec.salesChannel } : {}),
    ...(spec.tip ? { tip: spec.tip } : {}),
    ...(spec.business ? { business: true } : {}),
  }
  state.orders.set(order.orderId, order)
  return order
}

export function confirmPackage(
  state: SandboxState,
  order: OrderRecord,
  pkg: { packageReferenceId: string; carrierCode: string; carrierName?: string; shippingMethod?: string; trackingNumber: string; shipDate: string; items: { orderItemId: string; quantity: number }[]; at?: number }
): void {
  const at = pkg.at ?? state.clock.now()
  order.packages.push({
    packageReferenceId: pkg.packageReferenceId,
    carrierCode: pkg.carrierCode,
    carrierName: pkg.carrierName,
    shippingMethod: pkg.shippingMethod,
    trackingNumber: pkg.trackingNumber,
    shipDate: pkg.shipDate,
    createdAt: at,
    items: pkg.items,
  })
  for (const p of pkg.items) {
    const item = order.items.find((i) => i.orderItemId === p.orderItemId)
    if (item) item.quantityShipped += p.quantity
  }
  const all = order.items.every((i) => i.quantityShipped >= i.quantityOrdered)
  order.status = all ? "SHIPPED" : "PARTIALLY_SHIPPED"
  order.lastUpdatedAt = at
}

export interface GenerateOrdersSpec {
  count: number
  sellerId: string
  marketplaceId: string
  skus?: string[]
  fulfillmentChannel?: "MFN" | "AFN"
  status?: FulfillmentStatus
  /** Spread creation times over this many real seconds before now (default: one second apart). */
  spreadSeconds?: number
}

export function generateOrders(state: SandboxState, spec: GenerateOrdersSpec): OrderRecord[] {
  const skus = spec.skus?.length ? spec.skus : [...state.sellerListings(spec.sellerId, spec.marketplaceId).keys()].slice(0, 50)
  if (skus.length === 0) throw new Error(`seller ${spec.sellerId} has no listings in ${spec.marketplaceId}; pass skus`)
  const now = state.clock.now()
  const spreadMs = (spec.spreadSeconds ?? spec.count) * 1000
  const out: OrderRecord[] = []
  for (let i = 0; i < spec.count; i++) {
    const lines = state.random.int(1, Math.min(2, skus.length))
    const chosen = new Set<string>()
    while (chosen.size < lines) chosen.add(state.random.pick(skus))
    const createdAt = now - spreadMs + Math.round(((i + 1) * spreadMs) / spec.count)
    out.push(
      addOrder(state, {
        sellerId: spec.sellerId,
        marketplaceId: spec.marketplaceId,
        items: [...chosen].map((sku) => ({ sku, quantity: state.random.int(1, 3) })),
        status: spec.status ?? (spec.fulfillmentChannel === "AFN" ? "SHIPPED" : "UNSHIPPED"),
        fulfilledBy: spec.fulfillmentChannel === "AFN" ? "AMAZON" : "MERCHANT",
        createdAt: Math.min(createdAt, now),
      })
    )
  }
  return out
}

export interface GenerateListingsSpec {
  count: number
  sellerId: string
  marketplaceId: string
  skuPrefix?: string
}

/** N synthetic listings, cheap enough for a 200,000-row report (no attributes, no catalog entries). */
export function generateListings(state: SandboxState, spec: GenerateListingsSpec): number {
  const target = state.sellerListings(spec.sellerId, spec.marketplaceId)
  const currency = marketplace(spec.marketplaceId)?.currency ?? "EUR"
  const prefix = spec.skuPrefix ?? "GEN"
  const now = state.clock.now()
  const start = target.size
  for (let i = 0; i < spec.count; i++) {
    const n = start + i
    const sku = `${prefix}-${String(n).padStart(7, "0")}`
    const quantity = n % 10 === 9 ? 0 : (n % 50) + 1
    const listing: Listing = {
      sellerId: spec.sellerId,
      marketplaceId: spec.marketplaceId,
      sku,
      asin: `B0G${n.toString(36).toUpperCase().padStart(7, "0")}`,
      productType: "PRODUCT",
      itemName: `Generated item ${n}`,
      price: 5 + (n % 200) + 0.99,
      currency,
      quantity,
      fulfillmentChannel: "DEFAULT",
      conditionType: "new_new",
      status: quantity === 0 ? "Inactive" : "Active",
      attributes: {},
      issues: [],
      listingId: `G${String(n).padStart(10, "0")}`,
      createdAt: now,
      updatedAt: now,
    }
    target.set(sku, listing)
  }
  return spec.count
}

// ---------------------------------------------------------------- a real seller's account

/** One offer of the real-seller fixture, as the test needs to know it. */
export interface RealSellerOffer {
  sku: string
  asin: string
  ean: string
  kind: "mfn_new" | "afn" | "used" | "b2b" | "repriced" | "sale"
  fulfillmentChannel: string
  conditionType: string
  price: number
  quantity?: number
}

/**
 * A seller with years of history: offers that carry far more than a price and a stock — a shipping template,
 * a list price, a lead time, an FBA offer, a used item with its condition note, B2B prices with quantity
 * discounts, a repricer's minimum/maximum prices and a running sale. Each gets its own catalog item with an EAN,
 * so a Medusa store links them by barcode under SKUs of its own. Anything a connector sends beyond what it
 * changed shows up in the listing history (listing-rules.ts recordHistory).
 */
export function seedRealSeller(state: SandboxState, sellerId: string, marketplaceId: string, skuPrefix = "RS"): RealSellerOffer[] {
  const mp = marketplaceId
  const currency = marketplace(mp)?.currency ?? "EUR"
  const now = state.clock.now()
  const day = 24 * 3600_000
  const specs: Array<Omit<RealSellerOffer, "asin" | "ean" | "sku"> & { title: string; extra: Record<string, unknown[]>; offer?: Record<string, unknown>; b2b?: Record<string, unknown> }> = [
    { kind: "mfn_new", title: "Cast Iron Skillet 28 cm", fulfillmentChannel: "DEFAULT", conditionType: "new_new", price: 29.99, quantity: 7, extra: { list_price: [{ value_with_tax: 34.99, currency, marketplace_id: mp }] } },
    { kind: "afn", title: "Linen Apron", fulfillmentChannel: "AMAZON_EU", conditionType: "new_new", price: 39.99, extra: {} },
    { kind: "used", title: "Espresso Grinder", fulfillmentChannel: "DEFAULT", conditionType: "used_very_good", price: 15, quantity: 1, extra: { condition_note: [{ value: "Small scratch on the lid, works perfectly", language_tag: "de_DE", marketplace_id: mp }] } },
    {
      kind: "b2b",
      title: "Office Chair Mat",
      fulfillmentChannel: "DEFAULT",
      conditionType: "new_new",
      price: 49.99,
      quantity: 10,
      extra: {},
      b2b: {
        marketplace_id: mp,
        currency,
        audience: "B2B",
        our_price: [{ schedule: [{ value_with_tax: 45 }] }],
        quantity_discount_plan: [{ schedule: [{ discount_type: "fixed", levels: [{ lower_bound: 5, value: 42 }, { lower_bound: 20, value: 39 }] }] }],
      },
    },
    {
      kind: "repriced",
      title: "Bluetooth Kitchen Scale",
      fulfillmentChannel: "DEFAULT",
      conditionType: "new_new",
      price: 27.5,
      quantity: 4,
      extra: {},
      offer: { minimum_seller_allowed_price: [{ schedule: [{ value_with_tax: 20 }] }], maximum_seller_allowed_price: [{ schedule: [{ value_with_tax: 40 }] }] },
    },
    {
      kind: "sale",
      title: "Bamboo Cutting Board",
      fulfillmentChannel: "DEFAULT",
      conditionType: "new_new",
      price: 22.99,
      quantity: 6,
      extra: {},
      offer: { discounted_price: [{ schedule: [{ value_with_tax: 17.99, start_at: new Date(now - 2 * day).toISOString(), end_at: new Date(now + 12 * day).toISOString() }] }] },
    },
  ]
  return specs.map((spec, i) => {
    const ean = withCheckDigit(`4270000${String(100000 + i * 7919).slice(-5)}`)
    const asin = `B0REAL${String(i + 1).padStart(4, "0")}`
    const sku = `${skuPrefix}-${spec.kind.toUpperCase().replace("_", "-")}`
    state.addCatalogItem({ asin, identifiers: { EAN: [ean] }, title: spec.title, brand: "Realbrand", productType: "HOME" })
    const attributes: Record<string, unknown[]> = {
      item_name: [{ value: spec.title, language_tag: "de_DE", marketplace_id: mp }],
      merchant_suggested_asin: [{ value: asin, marketplace_id: mp }],
      condition_type: [{ value: spec.conditionType, marketplace_id: mp }],
      purchasable_offer: [
        { marketplace_id: mp, currency, audience: "ALL", our_price: [{ schedule: [{ value_with_tax: spec.price }] }], ...(spec.offer ?? {}) },
        ...(spec.b2b ? [spec.b2b] : []),
      ],
      fulfillment_availability:
        spec.fulfillmentChannel === "DEFAULT"
          ? [{ fulfillment_channel_code: "DEFAULT", quantity: spec.quantity, lead_time_to_ship_max_days: 3 }]
          : [{ fulfillment_channel_code: spec.fulfillmentChannel }],
      ...(spec.fulfillmentChannel === "DEFAULT" ? { merchant_shipping_group: [{ value: "legacy-template-7f3a", marketplace_id: mp }] } : {}),
      ...spec.extra,
    }
    const listing: Listing = {
      sellerId,
      marketplaceId: mp,
      sku,
      asin,
      productType: "HOME",
      itemName: spec.title,
      price: spec.price,
      currency,
      quantity: spec.quantity,
      fulfillmentChannel: spec.fulfillmentChannel,
      conditionType: spec.conditionType,
      status: "Active",
      attributes,
      issues: [],
      productId: { type: "EAN", value: ean },
      listingId: state.newListingId(),
      createdAt: now - (900 + i * 100) * day,
      updatedAt: now - 30 * day,
    }
    listing.status = listingStatus(listing)
    state.putListing(listing)
    return { sku, asin, ean, kind: spec.kind, fulfillmentChannel: spec.fulfillmentChannel, conditionType: spec.conditionType, price: spec.price, quantity: spec.quantity }
  })
}
