import { Heading, Input, Select, Text } from "@medusajs/ui"
import { useWatch, type UseFormReturn } from "react-hook-form"
import { PRODUCT_ID_SOURCES, PRODUCT_ID_TYPES, SUGGESTED_SOURCE, type ProductIdSource } from "../lib/product-id"
import { strings } from "../lib/strings"
import type { ProductIdType } from "../lib/types"
import { FormField } from "./form-field"

export type ProductIdFormValues = {
  product_id_type: ProductIdType
  id_source: ProductIdSource
  metadata_key: string
}

/**
 * "Amazon identifier ← Medusa variant field", with a line on what each choice
 * means. Shared by Add Amazon Store and the store's settings; the parent form
 * owns the three fields (cast to this shape by the caller).
 */
export function ProductIdMappingFields({ form }: { form: UseFormReturn<ProductIdFormValues> }) {
  const [type, source] = useWatch({ control: form.control, name: ["product_id_type", "id_source"] })

  return (
    <div className="flex flex-col gap-y-4">
      <div>
        <Heading level="h3">{strings.productId.heading}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {strings.productId.headingHint}
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField
          control={form.control}
          name="product_id_type"
          label={strings.productId.amazonId}
          hint={strings.productId.typeHint(type)}
          render={(field, id) => (
            <Select
              value={field.value}
              onValueChange={(value) => {
                field.onChange(value)
                // follow the type with a likely source until the owner picks one
                if (!form.getFieldState("id_source").isDirty) {
                  form.setValue("id_source", SUGGESTED_SOURCE[value as ProductIdType])
                }
              }}
            >
              <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {PRODUCT_ID_TYPES.map((t) => (
                  <Select.Item key={t} value={t}>
                    {strings.productId.typeLabel(t)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
        <FormField
          control={form.control}
          name="id_source"
          label={strings.productId.medusaField}
          hint={strings.productId.sourceHint(source)}
          render={(field, id) => (
            <Select value={field.value} onValueChange={(value) => field.onChange(value)}>
              <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {PRODUCT_ID_SOURCES.map((s) => (
                  <Select.Item key={s} value={s}>
                    {strings.productId.sourceLabel(s)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          )}
        />
      </div>
      {source === "metadata" && (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <div />
          <FormField
            control={form.control}
            name="metadata_key"
            label={strings.productId.metadataKey}
            hint={strings.productId.metadataKeyHint}
            render={(field, id) => (
              <Input id={id} size="small" placeholder={strings.productId.metadataKeyPlaceholder} {...field} />
            )}
          />
        </div>
      )}
    </div>
  )
}
