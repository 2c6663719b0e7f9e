import { Badge, Button, Text, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useUpsertAttributeMapping } from "../hooks/use-attribute-mappings"
import { errorToast } from "../lib/errors"
import { sdk } from "../lib/sdk"

type Suggestion = { option: string; suggested_attribute: string | null; mapped_attribute: string | null; mapping_id: string | null }
type SuggestionsResponse = {
  product_type: string
  variation_themes: Array<{ name: string; attributes: string[] }>
  suggestions: Suggestion[]
  schema_error: string | null
}

/**
 * Variation families: the store's product options and the Amazon attribute each suggests (Size → size,
 * Colour → color …), with the product type's themes. "Map" saves the suggestion as an option mapping
 * (POST …/attribute-mappings, source "option"); nothing is mapped without the click.
 */
export function VariationSuggestions({ storeId, productType, marketplaceId }: { storeId: string; productType: string; marketplaceId: string | null }) {
  const queryClient = useQueryClient()
  const upsert = useUpsertAttributeMapping(storeId)
  const key = ["amazon", "option-suggestions", storeId, productType]
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<SuggestionsResponse>(`/admin/amazon/stores/${storeId}/option-suggestions`, { query: { product_type: productType } }),
  })
  if (!data || (!data.variation_themes.length && !data.suggestions.some((s) => s.suggested_attribute))) return null
  const open = data.suggestions.filter((s) => s.suggested_attribute && s.mapped_attribute !== s.suggested_attribute)
  const mapped = data.suggestions.filter((s) => s.mapped_attribute)

  async function apply(suggestion: Suggestion) {
    try {
      await upsert.mutateAsync({
        product_type: productType,
        attribute: suggestion.suggested_attribute!,
        source_type: "option",
        source_value: suggestion.option,
        ...(marketplaceId ? { marketplace_id: marketplaceId } : {}),
      })
      await queryClient.invalidateQueries({ queryKey: key })
      toast.success(`Option "${suggestion.option}" → ${suggestion.suggested_attribute}`)
    } catch (error) {
      const { title, description } = errorToast(error)
      toast.error(title, { description })
    }
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-3" data-testid="amazon-variation-suggestions">
      <Text size="small" weight="plus">
        Variation families (options → Amazon attributes)
      </Text>
      {data.variation_themes.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1">
          <Text size="xsmall" className="text-ui-fg-muted">
            Themes of {productType}:
          </Text>
          {data.variation_themes.map((t) => (
            <Badge key={t.name} size="2xsmall" className="font-mono">
              {t.name} ({t.attributes.join(" + ")})
            </Badge>
          ))}
        </div>
      ) : (
        <Text size="xsmall" className="text-ui-fg-muted">
          {productType} has no variation themes: products of it are listed as separate items.
        </Text>
      )}
      {mapped.map((s) => (
        <Text key={`m-${s.option}`} size="xsmall" data-testid={`amazon-option-mapped-${s.option}`}>
          Option “{s.option}” → <span className="font-mono">{s.mapped_attribute}</span>
        </Text>
      ))}
      {open.map((s) => (
        <div key={`s-${s.option}`} className="flex items-center gap-x-2" data-testid={`amazon-option-suggestion-${s.option}`}>
          <Text size="xsmall">
            Option “{s.option}” looks like <span className="font-mono">{s.suggested_attribute}</span>
          </Text>
          <Button size="small" variant="secondary" type="button" isLoading={upsert.isPending} onClick={() => apply(s)}>
            Map
          </Button>
        </div>
      ))}
    </div>
  )
}
