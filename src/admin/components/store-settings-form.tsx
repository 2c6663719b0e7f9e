import { Button, Container, Heading, Input, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { useForm, type UseFormReturn } from "react-hook-form"
import { z } from "zod"
import { usePaymentProviders } from "../hooks/use-payment-providers"
import { useSalesChannels } from "../hooks/use-sales-channels"
import { useShippingOptions } from "../hooks/use-shipping-options"
import { useUpdateAmazonStore } from "../hooks/use-update-amazon-store"
import { checkMetadataKey, fromProductIdAttribute, productIdFields, toProductIdAttribute } from "../lib/product-id"
import { strings } from "../lib/strings"
import type { AmazonStore } from "../lib/types"
import { zodResolver } from "../lib/zod-resolver"
import { ErrorAlert } from "./error-alert"
import { FormField, SwitchField } from "./form-field"
import { ProductIdMappingFields, type ProductIdFormValues } from "./product-id-mapping-fields"

/** Radix Select items cannot be empty: this one stands for shipping_option_id = null. */
const CUSTOM_SHIPPING = "__custom__"

const int = (min: number, max: number) =>
  z
    .number(strings.validation.integer)
    .int(strings.validation.integer)
    .min(min, max === Infinity ? strings.validation.min(min) : strings.validation.between(min, max))
    .max(max, strings.validation.between(min, max))

const schema = z
  .object({
    name: z.string().trim().min(1, strings.validation.required).max(200, strings.validation.max(200)),
    email: z.string().trim().email(strings.validation.email),
    sales_channel_id: z.string().min(1, strings.validation.chooseSalesChannel),
    ...productIdFields,
    settings: z.object({
      order_status: z.enum(["pending", "completed"]),
      shipping_option_id: z.string().min(1),
      payment_provider_id: z.string().min(1, strings.validation.required),
      confirm_shipment_on: z.enum(["shipment_created", "delivered"]),
      stock_buffer: int(0, 100_000),
      fast_path: z.boolean(),
      handling_time_days: int(1, 30),
      afn_orders: z.enum(["import_fulfilled", "skip"]),
      publish_imported_products: z.boolean(),
      order_import_interval_minutes: int(5, 1440),
      import_package_weight: z.boolean(),
    }),
  })
  .superRefine(checkMetadataKey)

type FormInput = z.input<typeof schema>
type FormOutput = z.output<typeof schema>

function toFormValues(store: AmazonStore): FormInput {
  return {
    name: store.name,
    email: store.email,
    sales_channel_id: store.sales_channel_id ?? "",
    product_id_type: store.product_id_type,
    ...fromProductIdAttribute(store.product_id_attribute),
    settings: { ...store.settings, shipping_option_id: store.settings.shipping_option_id ?? CUSTOM_SHIPPING },
  }
}

/** A number input that hands react-hook-form a number (NaN when empty, which zod reports). */
function NumberInput({
  id,
  field,
  min,
  max,
}: {
  id: string
  field: { value: unknown; onChange: (v: number) => void; onBlur: () => void; name: string; ref: (el: HTMLInputElement | null) => void }
  min: number
  max?: number
}) {
  return (
    <Input
      id={id}
      size="small"
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      name={field.name}
      ref={field.ref}
      onBlur={field.onBlur}
      value={typeof field.value === "number" && !Number.isNaN(field.value) ? field.value : ""}
      onChange={(e) => field.onChange(e.target.value === "" ? Number.NaN : e.target.valueAsNumber)}
    />
  )
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-y-4 px-6 py-6">
      <Heading level="h3">{title}</Heading>
      {children}
    </div>
  )
}

/** The store's own settings and its order/listing defaults, saved together. */
export function StoreSettingsForm({ store }: { store: AmazonStore }) {
  const update = useUpdateAmazonStore(store.id)
  const salesChannels = useSalesChannels()
  const shippingOptions = useShippingOptions()
  const paymentProviders = usePaymentProviders()

  const defaults = useMemo(() => toFormValues(store), [store])
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(schema), defaultValues: defaults })

  // a refetch (e.g. after connecting) refreshes the form unless the owner is editing it
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(defaults)
  }, [defaults, form])

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { amazon_store } = await update.mutateAsync({
        name: values.name,
        email: values.email,
        sales_channel_id: values.sales_channel_id,
        product_id_type: values.product_id_type,
        product_id_attribute: toProductIdAttribute(values.id_source, values.metadata_key),
        settings: {
          ...values.settings,
          shipping_option_id:
            values.settings.shipping_option_id === CUSTOM_SHIPPING ? null : values.settings.shipping_option_id,
        },
      })
      form.reset(toFormValues(amazon_store))
      toast.success(strings.settings.saved)
    } catch {
      // shown in the ErrorAlert
    }
  })

  const channels = salesChannels.data?.sales_channels ?? []
  const shipping = shippingOptions.data?.shipping_options ?? []
  const providers = (paymentProviders.data?.payment_providers ?? []).map((p) => p.id)
  if (!providers.includes(store.settings.payment_provider_id)) providers.unshift(store.settings.payment_provider_id)

  return (
    <Container className="divide-y p-0" data-testid="amazon-settings">
      <div className="px-6 py-4">
        <Heading level="h2">{strings.settings.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {strings.settings.subtitle}
        </Text>
      </div>
      <form onSubmit={onSubmit} noValidate className="divide-y">
        <Group title={strings.settings.storeGroup}>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <FormField
              control={form.control}
              name="name"
              label={strings.addStore.name}
              hint={strings.addStore.nameHint}
              render={(field, id) => <Input id={id} size="small" autoComplete="off" {...field} />}
            />
            <FormField
              control={form.control}
              name="email"
              label={strings.addStore.email}
              hint={strings.addStore.emailHint}
              render={(field, id) => <Input id={id} size="small" type="email" {...field} />}
            />
          </div>
          <FormField
            control={form.control}
            name="sales_channel_id"
            label={strings.addStore.salesChannel}
            hint={strings.addStore.salesChannelHint}
            render={(field, id) => (
              <Select value={field.value} onValueChange={field.onChange}>
                <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                  <Select.Value placeholder={strings.validation.chooseSalesChannel} />
                </Select.Trigger>
                <Select.Content>
                  {channels.map((c) => (
                    <Select.Item key={c.id} value={c.id}>
                      {c.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
          />
          <ProductIdMappingFields form={form as unknown as UseFormReturn<ProductIdFormValues>} />
        </Group>

        <Group title={strings.settings.ordersGroup}>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <FormField
              control={form.control}
              name="settings.order_status"
              label={strings.settings.orderStatus}
              hint={strings.settings.orderStatusHint}
              render={(field, id) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {(["pending", "completed"] as const).map((v) => (
                      <Select.Item key={v} value={v}>
                        {strings.settings.orderStatusLabel(v)}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
            />
            <FormField
              control={form.control}
              name="settings.order_import_interval_minutes"
              label={strings.settings.interval}
              hint={strings.settings.intervalHint}
              render={(field, id) => <NumberInput id={id} field={field} min={5} max={1440} />}
            />
            <FormField
              control={form.control}
              name="settings.shipping_option_id"
              label={strings.settings.shippingOption}
              hint={shipping.length === 0 ? strings.settings.noShippingOptions : strings.settings.shippingOptionHint}
              render={(field, id) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value={CUSTOM_SHIPPING}>{strings.settings.shippingCustom}</Select.Item>
                    {shipping.map((o) => (
                      <Select.Item key={o.id} value={o.id}>
                        {o.name}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
            />
            <FormField
              control={form.control}
              name="settings.payment_provider_id"
              label={strings.settings.paymentProvider}
              hint={strings.settings.paymentProviderHint}
              render={(field, id) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {providers.map((p) => (
                      <Select.Item key={p} value={p}>
                        {strings.settings.paymentProviderLabel(p)}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
            />
            <FormField
              control={form.control}
              name="settings.confirm_shipment_on"
              label={strings.settings.confirmShipmentOn}
              render={(field, id) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {(["shipment_created", "delivered"] as const).map((v) => (
                      <Select.Item key={v} value={v}>
                        {strings.settings.confirmShipmentOnLabel(v)}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
            />
            <FormField
              control={form.control}
              name="settings.afn_orders"
              label={strings.settings.afnOrders}
              hint={strings.settings.afnOrdersHint}
              render={(field, id) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {(["import_fulfilled", "skip"] as const).map((v) => (
                      <Select.Item key={v} value={v}>
                        {strings.settings.afnOrdersLabel(v)}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
            />
          </div>
        </Group>

        <Group title={strings.settings.listingsGroup}>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <FormField
              control={form.control}
              name="settings.stock_buffer"
              label={strings.settings.stockBuffer}
              hint={strings.settings.stockBufferHint}
              render={(field, id) => <NumberInput id={id} field={field} min={0} />}
            />
            <FormField
              control={form.control}
              name="settings.handling_time_days"
              label={strings.settings.handlingTime}
              hint={strings.settings.handlingTimeHint}
              render={(field, id) => <NumberInput id={id} field={field} min={1} max={30} />}
            />
          </div>
          <SwitchField
            control={form.control}
            name="settings.fast_path"
            label={strings.settings.fastPath}
            hint={strings.settings.fastPathHint}
          />
          <SwitchField
            control={form.control}
            name="settings.publish_imported_products"
            label={strings.settings.publishImported}
            hint={strings.settings.publishImportedHint}
          />
          <SwitchField
            control={form.control}
            name="settings.import_package_weight"
            label={strings.settings.importWeight}
            hint={strings.settings.importWeightHint}
          />
        </Group>

        <div className="flex flex-col gap-y-4 px-6 py-4">
          {update.error && <ErrorAlert error={update.error} />}
          <div className="flex items-center justify-end gap-x-2">
            <Button
              size="small"
              variant="secondary"
              type="button"
              disabled={!form.formState.isDirty || update.isPending}
              onClick={() => form.reset(defaults)}
            >
              {strings.common.cancel}
            </Button>
            <Button size="small" type="submit" isLoading={update.isPending} disabled={!form.formState.isDirty}>
              {strings.common.save}
            </Button>
          </div>
        </div>
      </form>
    </Container>
  )
}
