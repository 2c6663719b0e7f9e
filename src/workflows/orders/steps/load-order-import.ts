import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { getMarketplace } from "../../../lib/sp-api/marketplaces"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { type OrderImportPlan, planOrderImport } from "../../../utils/orders/plan-order-import"
import { storeSettings } from "../../../utils/orders/store-settings"
import type { MedusaOrderLine } from "../../../utils/orders/follow-amazon-order"
import type { VariantForOrder } from "../../../utils/orders/to-medusa-order"
import type { AmazonOrderCharge, AmazonOrderLine, AmazonOrderStatus, FulfillmentChannel, ImportStatus } from "../../../utils/orders/types"
import type { StoreSettings } from "../../../modules/amazon/types"
import { fbaLocationIds } from "../../../utils/fba/locations"

/** Everything the import of one order needs besides the buyer data (which stays sealed until the order is made). */
export type OrderImportContext = {
  row_id: string
  store_id: string
  amazon_order_id: string
  marketplace_id: string
  channel: FulfillmentChannel
  currency_code: string
  total: string | null
  ship_country_code: string | null
  items: AmazonOrderLine[]
  /** charges of the whole order beyond its lines (a delivery tip) */
  order_charges: AmazonOrderCharge[]
  order_id: string | null
  region_id: string | null
  sales_channel_id: string | null
  shipping_option: { id: string; name: string } | null
  /** where MFN stock is reserved: the shipping option's location when the sales channel has it */
  location_id: string | null
  sales_channel_location_ids: string[]
  variants: Record<string, VariantForOrder>
  order_status: "pending" | "completed"
  payment_provider_id: string
  import_package_weight: boolean
}

/** An order module quantity as a number: query.graph gives plain numbers, BigNumber objects or raw `{ value }`. */
function quantityOf(value: unknown): number {
  if (value === null || value === undefined) return 0
  if (typeof value === "object") {
    const v = value as { numeric?: unknown; value?: unknown }
    return Number(v.numeric ?? v.value ?? String(value)) || 0
  }
  return Number(value) || 0
}

export type LoadedOrderImport = { plan: OrderImportPlan; context: OrderImportContext }

/**
 * What is the same for every order of a store during one run — sales channel, settings, shipping option,
 * stock locations, the region of each marketplace's currency — worked out once per run instead of once
 * per order. Absent (the admin's retry), the step works it out itself.
 */
export type StoreOrderContext = {
  store_id: string
  sales_channel_id: string | null
  settings: Pick<StoreSettings, "afn_orders" | "order_status" | "payment_provider_id" | "import_package_weight">
  shipping: { option: { id: string; name: string } | null; location_id: string | null; location_ids: string[] }
  /** `${marketplace_id}:${currency}` → region id (null: none found) */
  regions: Record<string, string | null>
}

export async function loadStoreOrderContext(container: MedusaContainer, storeId: string, marketplaces: Array<{ marketplace_id: string; region_id?: string | null }> = []): Promise<StoreOrderContext> {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const store = await amazon.retrieveAmazonStore(storeId, { select: ["id", "sales_channel_id", "settings"] })
  const settings = storeSettings(store.settings)
  const shipping = await resolveShipping(container, store.sales_channel_id ?? null, settings.shipping_option_id)
  const regions: Record<string, string | null> = {}
  for (const m of marketplaces) {
    const currency = getMarketplace(m.marketplace_id)?.currency_code
    if (currency) regions[`${m.marketplace_id}:${currency.toUpperCase()}`] = await resolveRegion(container, m.region_id ?? null, currency)
  }
  return {
    store_id: storeId,
    sales_channel_id: store.sales_channel_id ?? null,
    settings: {
      afn_orders: settings.afn_orders,
      order_status: settings.order_status,
      payment_provider_id: settings.payment_provider_id,
      import_package_weight: settings.import_package_weight,
    },
    shipping,
    regions,
  }
}

const VARIANT_FIELDS = ["id", "sku", "title", "product_id", "product.title", "product.handle", "product.thumbnail", "thumbnail"]

type VariantRow = Record<string, any> & { id: string; sku: string | null }

function toVariantForOrder(v: VariantRow): VariantForOrder {
  return {
    id: v.id,
    title: v.title ?? null,
    sku: v.sku ?? null,
    product_id: v.product_id ?? null,
    product_title: v.product?.title ?? null,
    product_handle: v.product?.handle ?? null,
    thumbnail: v.thumbnail ?? v.product?.thumbnail ?? null,
  }
}

/** Amazon SKU → variant: a listing linked to a variant in this marketplace first, then the variant's own SKU. */
async function resolveVariants(container: MedusaContainer, storeId: string, marketplaceId: string, skus: string[]) {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids: Record<string, string | undefined> = {}
  const variants: Record<string, VariantForOrder> = {}
  if (!skus.length) return { ids, variants }
  const listings = await amazon.listAmazonListings(
    { store_id: storeId, marketplace_id: marketplaceId, sku: skus, variant_id: { $ne: null } } as never,
    { select: ["sku", "variant_id"] }
  )
  const linked = new Map(listings.map((l) => [l.sku, l.variant_id as string]))
  const unlinked = skus.filter((sku) => !linked.has(sku))
  const [bySku, byId] = await Promise.all([
    unlinked.length ? query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters: { sku: unlinked } }) : { data: [] },
    linked.size ? query.graph({ entity: "product_variant", fields: VARIANT_FIELDS, filters: { id: [...linked.values()] } }) : { data: [] },
  ])
  for (const v of [...bySku.data, ...byId.data] as VariantRow[]) variants[v.id] = toVariantForOrder(v)
  for (const v of bySku.data as VariantRow[]) if (v.sku) ids[v.sku] ??= v.id
  // a listing may point at a variant deleted since: then it is as if unmapped
  for (const [sku, id] of linked) if (variants[id]) ids[sku] = id
  return { ids, variants }
}

async function resolveRegion(container: MedusaContainer, regionId: string | null, currency: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (regionId) {
    const { data } = await query.graph({ entity: "region", fields: ["id"], filters: { id: regionId } })
    if (data.length) return regionId
  }
  const { data } = await query.graph({
    entity: "region",
    fields: ["id", "created_at"],
    filters: { currency_code: currency.toLowerCase() },
    pagination: { order: { created_at: "ASC" }, take: 1 },
  })
  return (data[0] as { id: string } | undefined)?.id ?? null
}

type LocationOptions = {
  id: string
  fulfillment_sets?: Array<{ service_zones?: Array<{ shipping_options?: Array<{ id: string; name: string; rules?: Array<{ attribute: string; value: unknown }> }> }> }>
}

/** The store's default shipping option, else the first outbound option of a location the sales channel ships from. */
async function resolveShipping(container: MedusaContainer, salesChannelId: string | null, optionId: string | null) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let locationIds: string[] = []
  if (salesChannelId) {
    const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: salesChannelId } })
    // FBA locations hold Amazon's stock: merchant (MFN) orders never reserve there, whatever the links say
    const fba = new Set(await fbaLocationIds(container))
    locationIds = ((data[0] as { stock_locations?: Array<{ id: string } | null> } | undefined)?.stock_locations ?? [])
      .filter((l): l is { id: string } => !!l && !fba.has(l.id))
      .map((l) => l.id)
  }
  let option: { id: string; name: string; location_id: string | null } | null = null
  if (optionId) {
    const { data } = await query.graph({
      entity: "shipping_option",
      fields: ["id", "name", "service_zone.fulfillment_set.location.id"],
      filters: { id: optionId },
    })
    const found = data[0] as { id: string; name: string; service_zone?: { fulfillment_set?: { location?: { id: string } } } } | undefined
    if (found) option = { id: found.id, name: found.name, location_id: found.service_zone?.fulfillment_set?.location?.id ?? null }
  } else if (locationIds.length) {
    const { data } = await query.graph({
      entity: "stock_location",
      fields: [
        "id",
        "fulfillment_sets.service_zones.shipping_options.id",
        "fulfillment_sets.service_zones.shipping_options.name",
        "fulfillment_sets.service_zones.shipping_options.rules.attribute",
        "fulfillment_sets.service_zones.shipping_options.rules.value",
      ],
      filters: { id: locationIds },
    })
    for (const location of data as LocationOptions[]) {
      for (const set of location.fulfillment_sets ?? []) {
        for (const zone of set?.service_zones ?? []) {
          for (const candidate of zone?.shipping_options ?? []) {
            const isReturn = (candidate.rules ?? []).some((r) => r.attribute === "is_return" && String(r.value).includes("true"))
            if (!option && !isReturn) option = { id: candidate.id, name: candidate.name, location_id: location.id }
          }
        }
      }
    }
  }
  const location_id =
    option?.location_id && locationIds.includes(option.location_id) ? option.location_id : (locationIds[0] ?? null)
  return { option: option ? { id: option.id, name: option.name } : null, location_id, location_ids: locationIds }
}

/**
 * Reads what Amazon and Medusa know about one ledger row and decides what to do with it
 * (planOrderImport). Reads only.
 */
export const loadOrderImportStep = createStep(
  "amazon-load-order-import",
  async (input: { id: string; store_context?: StoreOrderContext }, { container }): Promise<StepResponse<LoadedOrderImport>> => {
    const rowId = input.id
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [row] = await amazon.listAmazonOrders(
      { id: rowId },
      {
        select: [
          "id", "store_id", "marketplace_id", "amazon_order_id", "order_id", "amazon_status", "fulfillment_channel",
          "import_status", "currency_code", "total", "items", "order_charges", "ship_country_code", "buyer_data_ciphertext", "channel_name",
        ],
      }
    )
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Amazon order ${rowId} not found`)
    const cached = input.store_context?.store_id === row.store_id ? input.store_context : null
    const [marketplace] = cached
      ? [undefined]
      : await amazon.listAmazonMarketplaces(
          { store_id: row.store_id, marketplace_id: row.marketplace_id },
          { select: ["id", "marketplace_id", "region_id"] }
        )
    const store = cached ?? (await loadStoreOrderContext(container, row.store_id, marketplace ? [marketplace] : []))
    const settings = store.settings
    const items = (row.items ?? []) as unknown as AmazonOrderLine[]
    const channel = row.fulfillment_channel as FulfillmentChannel
    const currency = (row.currency_code ?? getMarketplace(row.marketplace_id)?.currency_code ?? "EUR").toUpperCase()

    let medusaOrder: { status: string; active_fulfillments: number; lines: MedusaOrderLine[] } | null = null
    if (row.order_id) {
      const { data } = await query.graph({
        entity: "order",
        fields: [
          "id", "status", "fulfillments.id", "fulfillments.canceled_at",
          "items.id", "items.metadata", "items.detail.quantity", "items.detail.fulfilled_quantity",
        ],
        filters: { id: row.order_id },
      })
      const order = data[0] as
        | {
            status: string
            fulfillments?: Array<{ canceled_at: unknown } | null>
            // the version's quantities live on the order item (detail), not on the line
            items?: Array<{ id: string; metadata?: Record<string, unknown> | null; detail?: { quantity?: unknown; fulfilled_quantity?: unknown } | null } | null>
          }
        | undefined
      medusaOrder = order
        ? {
            status: order.status,
            active_fulfillments: (order.fulfillments ?? []).filter((f) => f && !f.canceled_at).length,
            // the lines that came from Amazon lines (metadata.amazon_order_item_id), as Medusa has them now
            lines: (order.items ?? []).flatMap((item) =>
              item && typeof item.metadata?.amazon_order_item_id === "string"
                ? [{
                    line_item_id: item.id,
                    amazon_order_item_id: item.metadata.amazon_order_item_id,
                    quantity: quantityOf(item.detail?.quantity),
                    fulfilled_quantity: quantityOf(item.detail?.fulfilled_quantity),
                  }]
                : []
            ),
          }
        : null
    }

    const needsFacts = !row.order_id
    const { ids, variants } = needsFacts
      ? await resolveVariants(container, row.store_id, row.marketplace_id, [...new Set(items.map((l) => l.sku))])
      : { ids: {}, variants: {} }
    const regionKey = `${row.marketplace_id}:${currency}`
    const region_id = !needsFacts
      ? null
      : regionKey in store.regions
        ? store.regions[regionKey]
        : await resolveRegion(container, marketplace?.region_id ?? null, currency)
    const shipping = needsFacts && channel === "MFN" ? store.shipping : { option: null, location_id: null, location_ids: [] as string[] }

    const plan = planOrderImport({
      row: {
        amazon_status: row.amazon_status as AmazonOrderStatus,
        fulfillment_channel: channel,
        order_id: row.order_id ?? null,
        import_status: row.import_status as ImportStatus,
        items,
        has_buyer_data: !!row.buyer_data_ciphertext,
        channel_name: row.channel_name ?? undefined,
      },
      afn_orders: settings.afn_orders,
      medusa_order: medusaOrder,
      variant_ids: ids,
      region_id,
      sales_channel_id: store.sales_channel_id ?? null,
      shipping_option_id: shipping.option?.id ?? null,
      has_stock_location: shipping.location_ids.length > 0,
    })

    return new StepResponse({
      plan,
      context: {
        row_id: row.id,
        store_id: row.store_id,
        amazon_order_id: row.amazon_order_id,
        marketplace_id: row.marketplace_id,
        channel,
        currency_code: currency,
        total: row.total === null || row.total === undefined ? null : String(row.total),
        ship_country_code: row.ship_country_code ?? null,
        items,
        order_charges: ((row as { order_charges?: unknown }).order_charges ?? []) as AmazonOrderCharge[],
        order_id: row.order_id ?? null,
        region_id,
        sales_channel_id: store.sales_channel_id ?? null,
        shipping_option: shipping.option,
        location_id: shipping.location_id,
        sales_channel_location_ids: shipping.location_ids,
        variants,
        order_status: settings.order_status,
        payment_provider_id: settings.payment_provider_id,
        import_package_weight: settings.import_package_weight,
      },
    })
  }
)
