import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../../../../../modules/amazon"
import type AmazonModuleService from "../../../../../../modules/amazon/service"
import { suggestAttribute, variationThemes } from "../../../../../../utils/listings/variation"
import { loadProductTypeSchema } from "../../../../../../workflows/listings/lib/product-type-schemas"
import { refetchAmazonStore } from "../../../helpers"

/**
 * Option → Amazon attribute suggestions for a product type (variation families): every option title of
 * the products in the store's sales channel, the attribute it suggests (Size → size, Colour → color …,
 * only attributes the product type has), the mapping it already has, and the type's variation themes.
 * Nothing is saved: the admin confirms a suggestion through POST …/attribute-mappings (source "option").
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const productType = String((req.query as { product_type?: string }).product_type ?? "").trim()
  if (!/^[A-Z0-9_]{1,100}$/.test(productType)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "product_type must be an Amazon product type name, e.g. SHIRT")
  const store = await refetchAmazonStore(req.params.id, req.scope, ["id", "sales_channel_id"])
  const amazon = req.scope.resolve<AmazonModuleService>(AMAZON_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const marketplaces = await amazon.listAmazonMarketplaces({ store_id: req.params.id }, { select: ["marketplace_id"] })
  let attributes: string[] | null = null
  let themes: ReturnType<typeof variationThemes> = []
  let schemaError: string | null = null
  if (marketplaces[0]) {
    try {
      const schema = await loadProductTypeSchema(await amazon.getStoreSpApiClient(req.params.id), productType, marketplaces[0].marketplace_id)
      attributes = Object.keys(schema.properties ?? {})
      themes = variationThemes(schema)
    } catch (error) {
      schemaError = error instanceof Error ? error.message : String(error)
    }
  }
  const titles = new Set<string>()
  const salesChannelId = (store as { sales_channel_id?: string | null }).sales_channel_id
  if (salesChannelId) {
    const { data: links } = await query.graph({ entity: "product_sales_channel", fields: ["product_id"], filters: { sales_channel_id: salesChannelId } })
    const productIds = [...new Set((links as Array<{ product_id: string }>).map((l) => l.product_id))].slice(0, 5000)
    for (let i = 0; i < productIds.length; i += 1000) {
      const { data } = await query.graph({ entity: "product", fields: ["id", "options.title"], filters: { id: productIds.slice(i, i + 1000) } })
      for (const p of data as Array<{ options?: Array<{ title: string } | null> | null }>) for (const o of p.options ?? []) if (o?.title) titles.add(o.title)
    }
  }
  const mappings = await amazon.listAmazonAttributeMappings({ store_id: req.params.id, product_type: productType, source_type: "option" })
  const suggestions = [...titles].sort().map((option) => {
    const mapped = mappings.find((m) => m.source_value.toLowerCase() === option.toLowerCase())
    return { option, suggested_attribute: suggestAttribute(option, attributes ?? undefined), mapped_attribute: mapped?.attribute ?? null, mapping_id: mapped?.id ?? null }
  })
  res.json({ product_type: productType, variation_themes: themes, suggestions, schema_error: schemaError })
}
