/**
 * Demo data for `npm run dev`: a European region, a webshop sales channel, a
 * warehouse with stock, a shipping option, an Amazon FBA location with the MCF options, and products whose barcodes the
 * bundled SP-API sandbox's catalog knows — so "Send to Amazon" finds ASINs.
 *
 *   npx medusa exec ./scripts/seed-demo.ts
 *
 * Idempotent: every part is looked up first and created only when missing.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { ensureMcfShippingOptions } from "../src/utils/mcf/shipping-options"

const EU_COUNTRIES = ["de", "fr", "it", "es", "nl", "be", "pl", "se", "at", "ie"]

type DemoVariant = { title: string; sku: string; barcode?: string; ean?: string; upc?: string; stock: number; eur: number; options: Record<string, string> }
type DemoProduct = { title: string; handle: string; description: string; weight: number; options: { title: string; values: string[] }[]; variants: DemoVariant[] }

/** Barcodes with valid check digits; the sandbox seed maps them to ASINs. */
const PRODUCTS: DemoProduct[] = [
  {
    title: "Organic Cotton T-Shirt",
    handle: "demo-organic-tshirt",
    description: "A soft organic cotton t-shirt.",
    weight: 180,
    options: [{ title: "Size", values: ["S", "M"] }],
    variants: [
      { title: "S", sku: "DEMO-TSHIRT-S", barcode: "4006381333931", ean: "4006381333931", stock: 25, eur: 19.99, options: { Size: "S" } },
      { title: "M", sku: "DEMO-TSHIRT-M", barcode: "5901234123457", ean: "5901234123457", stock: 12, eur: 19.99, options: { Size: "M" } },
    ],
  },
  {
    title: "Enamel Camping Mug",
    handle: "demo-enamel-mug",
    description: "A 350 ml enamel mug for the outdoors.",
    weight: 240,
    options: [{ title: "Colour", values: ["Blue"] }],
    variants: [{ title: "Blue", sku: "DEMO-MUG", barcode: "4012345678901", ean: "4012345678901", stock: 40, eur: 12.5, options: { Colour: "Blue" } }],
  },
  {
    title: "A Field Guide to Data",
    handle: "demo-field-guide-book",
    description: "Paperback, 320 pages.",
    weight: 450,
    options: [{ title: "Format", values: ["Paperback"] }],
    variants: [{ title: "Paperback", sku: "DEMO-BOOK", barcode: "9780306406157", ean: "9780306406157", stock: 8, eur: 24.0, options: { Format: "Paperback" } }],
  },
  {
    title: "Trail Cap",
    handle: "demo-trail-cap",
    description: "A light running cap.",
    weight: 70,
    options: [{ title: "Size", values: ["One size"] }],
    variants: [{ title: "One size", sku: "DEMO-CAP", barcode: "012345678905", upc: "012345678905", stock: 30, eur: 15.0, options: { Size: "One size" } }],
  },
  {
    title: "Sample Without Barcode",
    handle: "demo-no-barcode",
    description: "Shows the 'no barcode' listing issue.",
    weight: 100,
    options: [{ title: "Type", values: ["Default"] }],
    variants: [{ title: "Default", sku: "DEMO-NOBARCODE", stock: 5, eur: 9.99, options: { Type: "Default" } }],
  },
]

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const storeModule = container.resolve(Modules.STORE)

  // Sales channel
  let [webshop] = await salesChannels.listSalesChannels({ name: "Webshop" })
  if (!webshop) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: "Webshop", description: "The demo store's own shop" }] },
    })
    webshop = result[0]
  }

  const [store] = await storeModule.listStores()
  if (store && (!store.default_sales_channel_id || !store.supported_currencies?.some((c) => c.currency_code === "eur"))) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          default_sales_channel_id: store.default_sales_channel_id ?? webshop.id,
          supported_currencies: [
            { currency_code: "eur", is_default: true },
            { currency_code: "gbp" },
            { currency_code: "usd" },
          ],
        },
      },
    })
  }

  // Region
  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "name"], filters: { name: "Europe" } })
  let regionId = regions[0]?.id as string | undefined
  if (!regionId) {
    const { result } = await createRegionsWorkflow(container).run({
      input: { regions: [{ name: "Europe", currency_code: "eur", countries: EU_COUNTRIES, payment_providers: ["pp_system_default"] }] },
    })
    regionId = result[0].id
  }

  // Warehouse, linked to the sales channel and the manual fulfillment provider
  const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id"], filters: { name: "Demo Warehouse" } })
  let locationId = locations[0]?.id as string | undefined
  if (!locationId) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "Demo Warehouse", address: { city: "Berlin", country_code: "DE", address_1: "Lagerstraße 1" } }] },
    })
    locationId = result[0].id
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: locationId, add: [webshop.id] } })
  }

  // Shipping: profile, fulfillment set for the EU, one standard option
  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }
  const [existingSet] = await fulfillment.listFulfillmentSets({ name: "Demo Warehouse delivery" }, { relations: ["service_zones"] })
  if (!existingSet) {
    const fulfillmentSet = await fulfillment.createFulfillmentSets({
      name: "Demo Warehouse delivery",
      type: "shipping",
      service_zones: [{ name: "Europe", geo_zones: EU_COUNTRIES.map((country_code) => ({ country_code, type: "country" as const })) }],
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
    await createShippingOptionsWorkflow(container).run({
      input: [
        {
          name: "Standard Shipping",
          price_type: "flat",
          provider_id: "manual_manual",
          service_zone_id: fulfillmentSet.service_zones[0].id,
          shipping_profile_id: profile.id,
          type: { label: "Standard", description: "Ships in 2–3 days.", code: "standard" },
          prices: [{ currency_code: "eur", amount: 4.9 }, { region_id: regionId, amount: 4.9 }],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        },
      ],
    })
  }

  // Products with stock
  const { data: existingProducts } = await query.graph({
    entity: "product",
    fields: ["id", "handle"],
    filters: { handle: PRODUCTS.map((p) => p.handle) },
  })
  const missing = PRODUCTS.filter((p) => !existingProducts.some((e) => e.handle === p.handle))
  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          weight: p.weight,
          shipping_profile_id: profile.id,
          options: p.options,
          sales_channels: [{ id: webshop.id }],
          variants: p.variants.map((v) => ({
            title: v.title,
            sku: v.sku,
            barcode: v.barcode,
            ean: v.ean,
            upc: v.upc,
            manage_inventory: true,
            options: v.options,
            prices: [{ currency_code: "eur", amount: v.eur }],
          })),
        })),
      },
    })
    const skus = missing.flatMap((p) => p.variants)
    const { data: items } = await query.graph({
      entity: "inventory_item",
      fields: ["id", "sku"],
      filters: { sku: skus.map((v) => v.sku) },
    })
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: items.map((item) => ({
          inventory_item_id: item.id,
          location_id: locationId!,
          stocked_quantity: skus.find((v) => v.sku === item.sku)!.stock,
        })),
      },
    })
  }

  // Amazon FBA: the pan-EU FBA location with the MCF service zone and its Standard / Expedited / Priority options,
  // so the dev admin shows them before a store is connected (its first FBA sync adopts this location)
  const fbaName = "Amazon FBA (EU (pan-European))"
  const { data: fbaLocations } = await query.graph({ entity: "stock_location", fields: ["id"], filters: { name: fbaName } })
  let fbaLocationId = fbaLocations[0]?.id as string | undefined
  if (!fbaLocationId) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: fbaName, metadata: { amazon_fba_pool: "EU" } }] },
    })
    fbaLocationId = result[0].id
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: fbaLocationId, add: [webshop.id] } })
    const { data: fbaItems } = await query.graph({ entity: "inventory_item", fields: ["id", "sku"], filters: { sku: ["DEMO-BOOK", "DEMO-MUG"] } })
    if (fbaItems.length) {
      await createInventoryLevelsWorkflow(container).run({
        input: { inventory_levels: fbaItems.map((item) => ({ inventory_item_id: item.id, location_id: fbaLocationId!, stocked_quantity: item.sku === "DEMO-BOOK" ? 14 : 20 })) },
      })
    }
  }
  await ensureMcfShippingOptions(container, { locationId: fbaLocationId, countries: EU_COUNTRIES, prices: [{ currency_code: "eur", amounts: [5.9, 8.9, 14.9] }] })

  logger.info(
    `Demo data ready: region Europe, sales channel "Webshop", ${PRODUCTS.length} products (${missing.length} created now).`
  )
}
