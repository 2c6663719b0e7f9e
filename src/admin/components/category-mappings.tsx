import { Trash } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Select, Skeleton, Table, Text, toast } from "@medusajs/ui"
import { useMemo } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import { useDeleteCategoryMapping, useCategoryMappings, useUpsertCategoryMapping } from "../hooks/use-category-mappings"
import { useProductCategories } from "../hooks/use-product-categories"
import { errorToast } from "../lib/errors"
import { flag } from "../lib/format"
import { strings } from "../lib/strings"
import type { AmazonMarketplaceInfo, AmazonStore } from "../lib/types"
import { zodResolver } from "../lib/zod-resolver"
import { ErrorAlert } from "./error-alert"
import { FormField } from "./form-field"
import { MarketplaceSelect } from "./marketplace-select"
import { ProductTypePicker } from "./product-type-picker"

/** Radix Select items cannot be empty: this one stands for marketplace_id omitted (every marketplace). */
export const ALL_MARKETPLACES = "__all__"

const schema = z.object({
  category_id: z.string().min(1, strings.validation.chooseCategory),
  marketplace_id: z.string(),
  product_type: z.string().min(1, strings.validation.chooseProductType),
})
type FormInput = z.input<typeof schema>
type FormOutput = z.output<typeof schema>

/** The store's marketplaces as Amazon facts, for the marketplace pickers of the mapping sections. */
export function storeMarketplaces(store: AmazonStore): AmazonMarketplaceInfo[] {
  return (store.marketplaces ?? []).flatMap((row) => (row.marketplace ? [row.marketplace] : []))
}

/** "Clothing › Shirts" for each category id. */
export function useCategoryNames() {
  const categories = useProductCategories()
  const names = useMemo(() => {
    const list = categories.data?.product_categories ?? []
    const byId = new Map(list.map((c) => [c.id, c]))
    const path = (id: string, depth = 0): string => {
      const c = byId.get(id)
      if (!c) return ""
      const parent = c.parent_category_id && depth < 10 ? path(c.parent_category_id, depth + 1) : ""
      return parent ? `${parent} › ${c.name}` : c.name
    }
    return new Map(list.map((c) => [c.id, path(c.id)]))
  }, [categories.data])
  return { names, isPending: categories.isPending, error: categories.error }
}

/** Medusa category → Amazon product type, per marketplace or for all of them. */
export function CategoryMappings({ store }: { store: AmazonStore }) {
  const mappings = useCategoryMappings(store.id)
  const upsert = useUpsertCategoryMapping(store.id)
  const remove = useDeleteCategoryMapping(store.id)
  const { names, error: categoriesError } = useCategoryNames()
  const marketplaces = storeMarketplaces(store)
  const marketplaceName = (id: string | null) => {
    if (!id) return strings.common.allMarketplaces
    const m = marketplaces.find((x) => x.id === id)
    return m ? `${flag(m.country_code)} ${m.name}` : id
  }

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: { category_id: "", marketplace_id: ALL_MARKETPLACES, product_type: "" },
  })

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await upsert.mutateAsync({
        category_id: values.category_id,
        product_type: values.product_type,
        ...(values.marketplace_id === ALL_MARKETPLACES ? {} : { marketplace_id: values.marketplace_id }),
      })
      toast.success(strings.categoryMappings.saved)
      form.reset({ category_id: "", marketplace_id: values.marketplace_id, product_type: "" })
    } catch {
      // shown in the ErrorAlert
    }
  })

  const onDelete = (id: string) =>
    remove.mutate(id, {
      onSuccess: () => toast.success(strings.categoryMappings.deleted),
      onError: (error) => {
        const { title, description } = errorToast(error)
        toast.error(title, { description })
      },
    })

  const rows = mappings.data?.amazon_category_mappings ?? []
  const sortedCategories = [...names.entries()].sort((a, b) => a[1].localeCompare(b[1]))

  return (
    <Container className="divide-y p-0" data-testid="amazon-category-mappings">
      <div className="px-6 py-4">
        <Heading level="h2">{strings.categoryMappings.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {strings.categoryMappings.subtitle}
        </Text>
      </div>

      {mappings.isPending ? (
        <div className="px-6 py-4">
          <Skeleton className="h-8 w-full" />
        </div>
      ) : mappings.error ? (
        <div className="px-6 py-4">
          <ErrorAlert error={mappings.error} />
        </div>
      ) : rows.length === 0 ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            {strings.categoryMappings.empty}
          </Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{strings.categoryMappings.category}</Table.HeaderCell>
              <Table.HeaderCell>{strings.categoryMappings.marketplace}</Table.HeaderCell>
              <Table.HeaderCell>{strings.categoryMappings.productType}</Table.HeaderCell>
              <Table.HeaderCell className="w-12" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => {
              const category = names.get(row.category_id) ?? strings.categoryMappings.unknownCategory(row.category_id)
              return (
                <Table.Row key={row.id} data-testid="amazon-category-mapping-row">
                  <Table.Cell>{category}</Table.Cell>
                  <Table.Cell>{marketplaceName(row.marketplace_id)}</Table.Cell>
                  <Table.Cell className="font-mono">{row.product_type}</Table.Cell>
                  <Table.Cell>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={strings.categoryMappings.deleteAria(category)}
                      onClick={() => onDelete(row.id)}
                      disabled={remove.isPending}
                    >
                      <Trash className="text-ui-fg-subtle" />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}

      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-y-4 px-6 py-4">
        {categoriesError && <ErrorAlert error={categoriesError} />}
        {upsert.error && <ErrorAlert error={upsert.error} />}
        {!categoriesError && names.size === 0 && (
          <Text size="small" className="text-ui-fg-muted">
            {strings.categoryMappings.noCategories}
          </Text>
        )}
        <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[1fr_1fr_1.4fr]">
          <FormField
            control={form.control}
            name="category_id"
            label={strings.categoryMappings.category}
            render={(field, id) => (
              <Select value={field.value} onValueChange={field.onChange}>
                <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                  <Select.Value placeholder={strings.categoryMappings.categoryPlaceholder} />
                </Select.Trigger>
                <Select.Content>
                  {sortedCategories.map(([categoryId, name]) => (
                    <Select.Item key={categoryId} value={categoryId}>
                      {name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
          />
          <FormField
            control={form.control}
            name="marketplace_id"
            label={strings.categoryMappings.marketplace}
            optional
            render={(field, id) => (
              <MarketplaceSelect
                id={id}
                ref={field.ref}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                marketplaces={marketplaces}
                extraItem={{ value: ALL_MARKETPLACES, label: strings.common.allMarketplaces }}
              />
            )}
          />
          <FormField
            control={form.control}
            name="product_type"
            label={strings.categoryMappings.productType}
            render={(field, id) => (
              <ProductTypePicker
                id={id}
                storeId={store.id}
                value={field.value || null}
                onChange={(productType) => field.onChange(productType ?? "")}
                onBlur={field.onBlur}
              />
            )}
          />
        </div>
        <div className="flex justify-end">
          <Button size="small" variant="secondary" type="submit" isLoading={upsert.isPending}>
            {strings.categoryMappings.add}
          </Button>
        </div>
      </form>
    </Container>
  )
}
