import { Button, FocusModal, Heading, Input, Select, Text, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { useForm, useWatch, type UseFormReturn } from "react-hook-form"
import { useNavigate } from "react-router-dom"
import { z } from "zod"
import { useAmazonMarketplaces } from "../hooks/use-amazon-marketplaces"
import { useCreateAmazonStore } from "../hooks/use-create-amazon-store"
import { useSalesChannels } from "../hooks/use-sales-channels"
import { checkMetadataKey, productIdFields, toProductIdAttribute } from "../lib/product-id"
import { strings } from "../lib/strings"
import { zodResolver } from "../lib/zod-resolver"
import { ErrorAlert } from "./error-alert"
import { FormField } from "./form-field"
import { MarketplaceSelect } from "./marketplace-select"
import { ProductIdMappingFields, type ProductIdFormValues } from "./product-id-mapping-fields"

/** Radix Select items cannot have an empty value: this one stands for "omit sales_channel_id". */
export const NEW_SALES_CHANNEL = "__new__"

const schema = z
  .object({
    sales_channel_id: z.string().min(1, strings.validation.chooseSalesChannel),
    email: z.string().trim().email(strings.validation.email),
    name: z.string().trim().min(1, strings.validation.required).max(200, strings.validation.max(200)),
    marketplace_id: z.string().min(1, strings.validation.chooseMarketplace),
    ...productIdFields,
  })
  .superRefine(checkMetadataKey)

type FormInput = z.input<typeof schema>
type FormOutput = z.output<typeof schema>

type AddStoreModalProps = { open: boolean; onOpenChange: (open: boolean) => void }

/** "Add Amazon Store", as in Magento's Amazon Sales Channel: where from, who, which marketplace, how to match. */
export function AddStoreModal({ open, onOpenChange }: AddStoreModalProps) {
  const navigate = useNavigate()
  const create = useCreateAmazonStore()
  const marketplaces = useAmazonMarketplaces()
  const salesChannels = useSalesChannels()

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: {
      sales_channel_id: NEW_SALES_CHANNEL,
      email: "",
      name: "",
      marketplace_id: "",
      product_id_type: "EAN",
      id_source: "barcode",
      metadata_key: "",
    },
  })

  const [marketplaceId, salesChannelId, name] = useWatch({
    control: form.control,
    name: ["marketplace_id", "sales_channel_id", "name"],
  })

  // "Amazon Germany" until the owner types a name of their own
  useEffect(() => {
    const chosen = marketplaces.data?.marketplaces.find((m) => m.id === marketplaceId)
    if (chosen && !form.getFieldState("name").isDirty) {
      form.setValue("name", `Amazon ${chosen.name}`, { shouldValidate: form.formState.isSubmitted })
    }
  }, [marketplaceId, marketplaces.data, form])

  useEffect(() => {
    if (!open) {
      form.reset()
      create.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { amazon_store } = await create.mutateAsync({
        name: values.name,
        email: values.email,
        marketplace_id: values.marketplace_id,
        ...(values.sales_channel_id === NEW_SALES_CHANNEL ? {} : { sales_channel_id: values.sales_channel_id }),
        product_id_type: values.product_id_type,
        product_id_attribute: toProductIdAttribute(values.id_source, values.metadata_key),
      })
      toast.success(strings.addStore.created(amazon_store.name))
      onOpenChange(false)
      navigate(`/settings/amazon/${amazon_store.id}`)
    } catch {
      // shown by the ErrorAlert below from create.error
    }
  })

  const channels = salesChannels.data?.sales_channels ?? []

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden" noValidate>
          <FocusModal.Header />
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto">
            <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-2 py-16">
              <div>
                <FocusModal.Title asChild>
                  <Heading>{strings.addStore.title}</Heading>
                </FocusModal.Title>
                <Text size="small" className="text-ui-fg-subtle">
                  {strings.addStore.intro}
                </Text>
              </div>

              {create.error && <ErrorAlert error={create.error} />}
              {(marketplaces.error || salesChannels.error) && (
                <ErrorAlert error={marketplaces.error ?? salesChannels.error} />
              )}

              <div className="flex flex-col gap-y-4">
                <FormField
                  control={form.control}
                  name="sales_channel_id"
                  label={strings.addStore.salesChannel}
                  hint={
                    salesChannelId === NEW_SALES_CHANNEL
                      ? strings.addStore.newSalesChannelHint(name)
                      : strings.addStore.salesChannelHint
                  }
                  render={(field, id) => (
                    <Select value={field.value} onValueChange={field.onChange}>
                      <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        <Select.Item value={NEW_SALES_CHANNEL}>{strings.addStore.newSalesChannel}</Select.Item>
                        {channels.map((channel) => (
                          <Select.Item key={channel.id} value={channel.id}>
                            {channel.name}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  )}
                />
                <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                  <FormField
                    control={form.control}
                    name="marketplace_id"
                    label={strings.addStore.marketplace}
                    hint={strings.addStore.marketplaceHint}
                    render={(field, id) => (
                      <MarketplaceSelect
                        id={id}
                        ref={field.ref}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        marketplaces={marketplaces.data?.marketplaces ?? []}
                        placeholder={strings.addStore.marketplacePlaceholder}
                      />
                    )}
                  />
                  <FormField
                    control={form.control}
                    name="name"
                    label={strings.addStore.name}
                    hint={strings.addStore.nameHint}
                    render={(field, id) => <Input id={id} size="small" autoComplete="off" {...field} />}
                  />
                </div>
                <FormField
                  control={form.control}
                  name="email"
                  label={strings.addStore.email}
                  hint={strings.addStore.emailHint}
                  render={(field, id) => <Input id={id} size="small" type="email" autoComplete="email" {...field} />}
                />
              </div>

              <ProductIdMappingFields form={form as unknown as UseFormReturn<ProductIdFormValues>} />
            </div>
          </FocusModal.Body>
          <FocusModal.Footer>
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {strings.common.cancel}
              </Button>
            </FocusModal.Close>
            <Button size="small" type="submit" isLoading={create.isPending}>
              {strings.addStore.submit}
            </Button>
          </FocusModal.Footer>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
