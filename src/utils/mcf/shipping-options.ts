import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { IFulfillmentModuleService, MedusaContainer } from "@medusajs/framework/types"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { MCF_OPTIONS } from "./mapping"

export const MCF_PROVIDER_ID = "amazon-mcf_amazon-mcf"

/**
 * Makes (once) the "Amazon MCF" fulfillment set of an FBA stock location: the location enabled for the
 * amazon-mcf provider, one service zone over the given countries, and the Standard / Expedited / Priority
 * shipping options at flat prices (Medusa's major units). Returns the shipping option ids by option id.
 */
export async function ensureMcfShippingOptions(
  container: MedusaContainer,
  input: { locationId: string; countries: string[]; prices: Array<{ currency_code: string; amounts: [number, number, number] }>; providerId?: string }
): Promise<Record<string, string>> {
  const providerId = input.providerId ?? MCF_PROVIDER_ID
  const fulfillment = container.resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const name = `Amazon MCF ${input.locationId}`
  let [set] = await fulfillment.listFulfillmentSets({ name }, { relations: ["service_zones"] })
  if (!set) {
    await link.create({ [Modules.STOCK_LOCATION]: { stock_location_id: input.locationId }, [Modules.FULFILLMENT]: { fulfillment_provider_id: providerId } })
    set = await fulfillment.createFulfillmentSets({
      name,
      type: "shipping",
      service_zones: [{ name: "Amazon MCF", geo_zones: input.countries.map((country_code) => ({ country_code: country_code.toLowerCase(), type: "country" as const })) }],
    })
    await link.create({ [Modules.STOCK_LOCATION]: { stock_location_id: input.locationId }, [Modules.FULFILLMENT]: { fulfillment_set_id: set.id } })
  }
  const zoneId = set.service_zones[0].id
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  const { data: existing } = await query.graph({ entity: "shipping_option", fields: ["id", "data"], filters: { service_zone_id: zoneId } })
  const out: Record<string, string> = {}
  for (const o of existing as Array<{ id: string; data: { id?: string } | null }>) if (o.data?.id) out[o.data.id] = o.id
  const missing = MCF_OPTIONS.map((o, n) => ({ o, n })).filter(({ o }) => !out[o.id])
  if (missing.length) {
    const { result } = await createShippingOptionsWorkflow(container).run({
      input: missing.map(({ o, n }) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: providerId,
        service_zone_id: zoneId,
        shipping_profile_id: profile.id,
        data: { id: o.id, shipping_speed: o.shipping_speed },
        type: { label: o.name, description: `Shipped by Amazon (${o.shipping_speed})`, code: o.id },
        prices: input.prices.map((p) => ({ currency_code: p.currency_code, amount: p.amounts[n] })),
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
    for (const r of result as Array<{ id: string; data: { id?: string } | null }>) if (r.data?.id) out[r.data.id] = r.id
  }
  return out
}
