import { Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  IconButton,
  Input,
  Label,
  Select,
  Skeleton,
  Text,
  Tooltip,
  toast,
} from "@medusajs/ui"
import { useEffect, useId, useMemo, useState } from "react"
import { Controller, useForm, useWatch } from "react-hook-form"
import { z } from "zod"
import { useAttributeMappings, useDeleteAttributeMapping, useUpsertAttributeMapping } from "../hooks/use-attribute-mappings"
import { useCategoryMappings } from "../hooks/use-category-mappings"
import { useProductTypeDefinition } from "../hooks/use-product-types"
import { errorToast } from "../lib/errors"
import { strings } from "../lib/strings"
import type { AmazonAttributeMapping, AmazonProductTypeAttribute, AmazonStore, AttributeSourceType } from "../lib/types"
import { zodResolver } from "../lib/zod-resolver"
import { ALL_MARKETPLACES, storeMarketplaces } from "./category-mappings"
import { ErrorAlert } from "./error-alert"
import { MarketplaceSelect } from "./marketplace-select"
import { ProductTypePicker } from "./product-type-picker"
import { VariationSuggestions } from "./variation-suggestions"

const SOURCE_TYPES = ["field", "option", "metadata", "constant"] as const satisfies readonly AttributeSourceType[]

/** Product and variant fields a value can come from (the server resolves variant first, then product). */
export const SOURCE_FIELDS = [
  "title",
  "subtitle",
  "description",
  "material",
  "weight",
  "length",
  "height",
  "width",
  "origin_country",
  "hs_code",
  "mid_code",
  "sku",
  "barcode",
  "ean",
  "upc",
] as const

const rowSchema = z.object({
  source_type: z.enum(SOURCE_TYPES),
  source_value: z.string().trim().min(1, strings.validation.value),
})
type RowValues = z.infer<typeof rowSchema>

type RowProps = {
  storeId: string
  productType: string
  marketplaceId: string | null
  attribute: AmazonProductTypeAttribute
  mapping: AmazonAttributeMapping | undefined
}

/** One Amazon attribute ← one source, saved on its own. */
function AttributeMappingRow({ storeId, productType, marketplaceId, attribute, mapping }: RowProps) {
  const upsert = useUpsertAttributeMapping(storeId)
  const remove = useDeleteAttributeMapping(storeId)
  const sourceId = useId()
  const valueId = useId()

  const defaults: RowValues = {
    source_type: mapping?.source_type ?? "field",
    source_value: mapping?.source_value ?? "",
  }
  const form = useForm<RowValues>({ resolver: zodResolver(rowSchema), defaultValues: defaults })
  useEffect(() => {
    form.reset({ source_type: mapping?.source_type ?? "field", source_value: mapping?.source_value ?? "" })
  }, [mapping?.id, mapping?.source_type, mapping?.source_value, form])
  const sourceType = useWatch({ control: form.control, name: "source_type" })

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await upsert.mutateAsync({
        product_type: productType,
        attribute: attribute.name,
        source_type: values.source_type,
        source_value: values.source_value,
        ...(marketplaceId ? { marketplace_id: marketplaceId } : {}),
      })
      toast.success(strings.attributeMappings.saved(attribute.title || attribute.name))
    } catch (error) {
      const { title, description } = errorToast(error)
      toast.error(title, { description })
    }
  })

  const onDelete = () => {
    if (!mapping) return
    remove.mutate(mapping, {
      onSuccess: () => toast.success(strings.attributeMappings.deleted(attribute.title || attribute.name)),
      onError: (error) => {
        const { title, description } = errorToast(error)
        toast.error(title, { description })
      },
    })
  }

  const valueError = form.formState.errors.source_value?.message
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="grid grid-cols-1 items-start gap-3 px-6 py-3 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,0.8fr)_minmax(0,1.2fr)_5.5rem]"
      data-testid={`amazon-attribute-row-${attribute.name}`}
    >
      <div className="flex min-w-0 flex-col gap-y-1">
        <div className="flex flex-wrap items-center gap-1">
          <Tooltip content={attribute.description || attribute.name} maxWidth={360}>
            <Text size="small" weight="plus" leading="compact" className="truncate">
              {attribute.title || attribute.name}
            </Text>
          </Tooltip>
          {attribute.required && (
            <Badge size="2xsmall" color="orange">
              {strings.attributeMappings.required}
            </Badge>
          )}
          <Badge size="2xsmall" color={mapping ? "green" : "grey"}>
            {mapping ? strings.attributeMappings.mapped : strings.attributeMappings.notMapped}
          </Badge>
        </div>
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted truncate font-mono">
          {attribute.name}
        </Text>
      </div>

      <div className="flex flex-col gap-y-1">
        <Label htmlFor={sourceId} className="sr-only">
          {strings.attributeMappings.source}
        </Label>
        <Controller
          control={form.control}
          name="source_type"
          render={({ field }) => (
            <Select
              size="small"
              value={field.value}
              onValueChange={(value) => {
                field.onChange(value)
                form.setValue("source_value", "")
              }}
            >
              <Select.Trigger id={sourceId} ref={field.ref} aria-label={strings.attributeMappings.sourceAria(attribute.name)}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {SOURCE_TYPES.map((type) => (
                  <Select.Item key={type} value={type}>
                    {strings.attributeMappings.sourceLabel(type)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
      </div>

      <div className="flex flex-col gap-y-1">
        <Label htmlFor={valueId} className="sr-only">
          {strings.attributeMappings.value}
        </Label>
        <Controller
          control={form.control}
          name="source_value"
          render={({ field }) =>
            sourceType === "field" ? (
              <Select size="small" value={field.value} onValueChange={field.onChange}>
                <Select.Trigger id={valueId} ref={field.ref} aria-label={strings.attributeMappings.valueAria(attribute.name)}>
                  <Select.Value placeholder={strings.attributeMappings.valuePlaceholder("field")} />
                </Select.Trigger>
                <Select.Content>
                  {SOURCE_FIELDS.map((f) => (
                    <Select.Item key={f} value={f}>
                      {strings.attributeMappings.fieldLabel(f)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            ) : (
              <Input
                id={valueId}
                size="small"
                aria-label={strings.attributeMappings.valueAria(attribute.name)}
                placeholder={strings.attributeMappings.valuePlaceholder(sourceType)}
                aria-invalid={Boolean(valueError)}
                {...field}
              />
            )
          }
        />
        {valueError && (
          <Text size="xsmall" className="text-ui-fg-error">
            {valueError}
          </Text>
        )}
      </div>

      <div className="flex items-center justify-end gap-x-1">
        <Button size="small" variant="secondary" type="submit" isLoading={upsert.isPending}>
          {strings.attributeMappings.save}
        </Button>
        {mapping && (
          <IconButton
            size="small"
            variant="transparent"
            type="button"
            aria-label={strings.attributeMappings.deleteAria(attribute.name)}
            onClick={onDelete}
            disabled={remove.isPending}
          >
            <Trash className="text-ui-fg-subtle" />
          </IconButton>
        )}
      </div>
    </form>
  )
}

/**
 * Amazon attribute ← Medusa source for one product type: required attributes
 * first, each saying whether it is mapped.
 */
export function AttributeMappings({ store }: { store: AmazonStore }) {
  const [productType, setProductType] = useState<string | null>(null)
  const [marketplace, setMarketplace] = useState<string>(ALL_MARKETPLACES)
  const [filter, setFilter] = useState("")
  const [showAll, setShowAll] = useState(false)
  const pickerId = useId()
  const marketplaceSelectId = useId()
  const filterId = useId()

  const marketplaceId = marketplace === ALL_MARKETPLACES ? null : marketplace
  const categoryMappings = useCategoryMappings(store.id)
  const definition = useProductTypeDefinition(store.id, productType, marketplaceId ?? store.marketplace_id)
  const mappings = useAttributeMappings(store.id, productType)

  const quickPicks = useMemo(
    () => [...new Set((categoryMappings.data?.amazon_category_mappings ?? []).map((m) => m.product_type))].sort(),
    [categoryMappings.data]
  )

  const def = definition.data?.product_type
  const byAttribute = useMemo(() => {
    const map = new Map<string, AmazonAttributeMapping>()
    for (const m of mappings.data?.amazon_attribute_mappings ?? []) {
      if ((m.marketplace_id ?? null) === marketplaceId) map.set(m.attribute, m)
    }
    return map
  }, [mappings.data, marketplaceId])

  const attributes = useMemo(() => {
    if (!def) return []
    const required = new Set(def.required_attributes)
    const order = new Map(def.required_attributes.map((name, i) => [name, i]))
    return def.attributes
      .map((a) => ({ ...a, required: a.required || required.has(a.name) }))
      .sort((a, b) => {
        if (a.required !== b.required) return a.required ? -1 : 1
        if (a.required) return (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0)
        return (a.title || a.name).localeCompare(b.title || b.name)
      })
  }, [def])

  const needle = filter.trim().toLowerCase()
  const visible = attributes.filter((a) => {
    if (needle) return a.name.toLowerCase().includes(needle) || (a.title ?? "").toLowerCase().includes(needle)
    return showAll || a.required || byAttribute.has(a.name)
  })
  const requiredTotal = attributes.filter((a) => a.required).length
  const requiredMapped = attributes.filter((a) => a.required && byAttribute.has(a.name)).length

  return (
    <Container className="divide-y p-0" data-testid="amazon-attribute-mappings">
      <div className="px-6 py-4">
        <Heading level="h2">{strings.attributeMappings.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {strings.attributeMappings.subtitle}
        </Text>
      </div>

      <div className="flex flex-col gap-y-4 px-6 py-4">
        <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[1.4fr_1fr]">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor={pickerId} size="small" weight="plus">
              {strings.attributeMappings.productType}
            </Label>
            <ProductTypePicker id={pickerId} storeId={store.id} value={productType} onChange={setProductType} />
            {quickPicks.length > 0 && (
              <div className="flex flex-wrap items-center gap-1">
                <Text size="xsmall" className="text-ui-fg-muted">
                  {strings.attributeMappings.mappedProductTypes}:
                </Text>
                {quickPicks.map((name) => (
                  <Button
                    key={name}
                    size="small"
                    variant={name === productType ? "primary" : "secondary"}
                    type="button"
                    className="font-mono"
                    onClick={() => setProductType(name)}
                  >
                    {name}
                  </Button>
                ))}
              </div>
            )}
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor={marketplaceSelectId} size="small" weight="plus">
              {strings.attributeMappings.marketplace}
            </Label>
            <MarketplaceSelect
              id={marketplaceSelectId}
              value={marketplace}
              onChange={setMarketplace}
              marketplaces={storeMarketplaces(store)}
              extraItem={{ value: ALL_MARKETPLACES, label: strings.common.allMarketplaces }}
            />
          </div>
        </div>
      </div>

      {!productType ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            {strings.attributeMappings.pickFirst}
          </Text>
        </div>
      ) : definition.isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            {strings.attributeMappings.loadingDefinition}
          </Text>
          <Skeleton className="h-8 w-full" />
          <Skeleton className="h-8 w-full" />
        </div>
      ) : definition.error || mappings.error ? (
        <div className="px-6 py-4">
          <ErrorAlert error={definition.error ?? mappings.error} />
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-3">
            <div className="flex items-center gap-x-2">
              <Badge size="small" color={requiredMapped === requiredTotal ? "green" : "orange"} data-testid="amazon-required-summary">
                {strings.attributeMappings.requiredSummary(requiredMapped, requiredTotal)}
              </Badge>
            </div>
            <div className="flex items-center gap-x-2">
              <Label htmlFor={filterId} className="sr-only">
                {strings.attributeMappings.filter}
              </Label>
              <Input
                id={filterId}
                size="small"
                type="search"
                placeholder={strings.attributeMappings.filter}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
              />
              <Button size="small" variant="transparent" type="button" onClick={() => setShowAll((v) => !v)}>
                {showAll ? strings.attributeMappings.showRequired : strings.attributeMappings.showAll(attributes.length)}
              </Button>
            </div>
          </div>
          <VariationSuggestions storeId={store.id} productType={productType} marketplaceId={marketplaceId} />
          {visible.length === 0 ? (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-muted">
                {strings.attributeMappings.noAttributes}
              </Text>
            </div>
          ) : (
            <div className="divide-y">
              {visible.map((attribute) => (
                <AttributeMappingRow
                  key={`${productType}:${marketplaceId ?? ""}:${attribute.name}`}
                  storeId={store.id}
                  productType={productType}
                  marketplaceId={marketplaceId}
                  attribute={attribute}
                  mapping={byAttribute.get(attribute.name)}
                />
              ))}
            </div>
          )}
        </>
      )}
    </Container>
  )
}
