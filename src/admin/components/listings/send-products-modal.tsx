import { Photo } from "@medusajs/icons"
import {
  Button,
  Checkbox,
  DataTable,
  FocusModal,
  Heading,
  Hint,
  Label,
  Select,
  StatusBadge,
  Text,
  createDataTableColumnHelper,
  toast,
  useDataTable,
  type DataTablePaginationState,
  type DataTableRowSelectionState,
} from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Controller, useForm, useWatch } from "react-hook-form"
import { z } from "zod"
import { useProducts } from "../../hooks/use-products"
import { useSalesChannels } from "../../hooks/use-sales-channels"
import { useSendToAmazon } from "../../hooks/use-send-to-amazon"
import { errorToast } from "../../lib/errors"
import { flag } from "../../lib/format"
import { strings } from "../../lib/strings"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonStore } from "../../lib/types"
import { zodResolver } from "../../lib/zod-resolver"
import { ErrorAlert } from "../error-alert"
import { FormField } from "../form-field"

const PAGE_SIZE = 20

const schema = z
  .object({
    store_id: z.string().min(1, s.listWidget.chooseStore),
    all_in_channel: z.boolean(),
    product_ids: z.array(z.string()),
  })
  .superRefine((value, ctx) => {
    if (!value.all_in_channel && value.product_ids.length === 0) {
      ctx.addIssue({ code: "custom", path: ["product_ids"], message: s.listWidget.chooseProducts })
    }
  })

type FormInput = z.input<typeof schema>
type FormOutput = z.output<typeof schema>

type Product = { id: string; title: string; thumbnail: string | null; status: string }

const columnHelper = createDataTableColumnHelper<Product>()
const STATUS_COLORS: Record<string, "green" | "grey" | "orange" | "red"> = {
  published: "green",
  draft: "grey",
  proposed: "orange",
  rejected: "red",
}

type SendProductsModalProps = { open: boolean; onOpenChange: (open: boolean) => void; stores: AmazonStore[] }

/**
 * "Send to Amazon" for many products at once (Medusa's product table has no
 * extensible bulk actions): pick products — or the whole sales channel of
 * the store — pick a connected store, send. Large selections go 500 at a time.
 */
export function SendProductsModal({ open, onOpenChange, stores }: SendProductsModalProps) {
  const send = useSendToAmazon()
  const salesChannels = useSalesChannels()
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: { store_id: stores.length === 1 ? stores[0].id : "", all_in_channel: false, product_ids: [] },
  })
  const [storeId, allInChannel, productIds] = useWatch({
    control: form.control,
    name: ["store_id", "all_in_channel", "product_ids"],
  })
  const store = stores.find((st) => st.id === storeId)
  // another store may sell another channel: start its selection afresh
  useEffect(() => {
    form.setValue("product_ids", [])
    form.setValue("all_in_channel", false)
    setPagination((p) => ({ ...p, pageIndex: 0 }))
  }, [storeId, form])
  const channel = salesChannels.data?.sales_channels.find((c) => c.id === store?.sales_channel_id)

  useEffect(() => {
    if (!open) {
      form.reset({ store_id: stores.length === 1 ? stores[0].id : "", all_in_channel: false, product_ids: [] })
      setSearch("")
      setPagination({ pageIndex: 0, pageSize: PAGE_SIZE })
      setProgress(null)
      send.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  // a store only lists products of its sales channel: show those once a store is picked
  const products = useProducts(
    {
      q: search || undefined,
      sales_channel_id: store?.sales_channel_id ? [store.sales_channel_id] : undefined,
      limit: pagination.pageSize,
      offset: pagination.pageIndex * pagination.pageSize,
      fields: "id,title,thumbnail,status",
    },
    { enabled: open }
  )
  const rows = (products.data?.products ?? []) as unknown as Product[]

  const rowSelection = useMemo<DataTableRowSelectionState>(
    () => Object.fromEntries(productIds.map((id) => [id, true])),
    [productIds]
  )
  const onRowSelectionChange = (state: DataTableRowSelectionState) =>
    form.setValue(
      "product_ids",
      Object.keys(state).filter((id) => state[id]),
      { shouldValidate: form.formState.isSubmitted }
    )

  const columns = useMemo(
    () => [
      columnHelper.select(),
      columnHelper.accessor("title", {
        header: s.listWidget.product,
        cell: ({ row }) => (
          <div className="flex min-w-0 items-center gap-x-3">
            <div className="bg-ui-bg-component shadow-borders-base flex h-8 w-6 shrink-0 items-center justify-center overflow-hidden rounded-[4px]">
              {row.original.thumbnail ? (
                <img src={row.original.thumbnail} alt="" className="h-full w-full object-cover object-center" />
              ) : (
                <Photo className="text-ui-fg-subtle" />
              )}
            </div>
            <Text size="small" leading="compact" className="truncate">
              {row.original.title}
            </Text>
          </div>
        ),
      }),
      columnHelper.accessor("status", {
        header: s.listWidget.status,
        size: 160,
        cell: ({ row }) => (
          <StatusBadge color={STATUS_COLORS[row.original.status] ?? "grey"}>
            {s.listWidget.productStatus(row.original.status)}
          </StatusBadge>
        ),
      }),
    ],
    []
  )

  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    rowCount: products.data?.count ?? 0,
    isLoading: products.isPending,
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
    rowSelection: {
      state: rowSelection,
      onRowSelectionChange,
      enableRowSelection: () => !allInChannel,
    },
  })

  const onSubmit = form.handleSubmit(async (values) => {
    const target = stores.find((st) => st.id === values.store_id)
    if (!target) return
    try {
      const result = await send.mutateAsync({
        storeId: target.id,
        ...(values.all_in_channel && target.sales_channel_id
          ? { sales_channel_id: target.sales_channel_id }
          : { product_ids: values.product_ids }),
        onProgress: (done, total) => setProgress({ done, total }),
      })
      if (result.queued === 0 && result.blocked === 0) {
        toast.warning(s.send.nothingQueued, { description: s.send.nothingQueuedDescription })
      } else {
        toast[result.blocked ? "warning" : "success"](s.send.queued(result.queued, result.blocked), {
          description: s.send.queuedDescription(target.name),
        })
      }
      onOpenChange(false)
    } catch (error) {
      const { title, description } = errorToast(error)
      toast.error(s.send.error, { description: `${title} ${description}` })
      setProgress(null)
    }
  })

  const selectionError = form.formState.errors.product_ids?.message
  const count = allInChannel ? null : productIds.length

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined} data-testid="amazon-send-products-modal">
        <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden" noValidate>
          <FocusModal.Header />
          <FocusModal.Body className="flex flex-1 flex-col overflow-hidden">
            <div className="flex flex-col gap-y-4 border-b px-6 py-4">
              <div>
                <FocusModal.Title asChild>
                  <Heading>{s.listWidget.title}</Heading>
                </FocusModal.Title>
                <Text size="small" className="text-ui-fg-subtle max-w-[720px]">
                  {s.listWidget.description}
                </Text>
              </div>
              {send.error && <ErrorAlert error={send.error} title={s.send.error} />}
              <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
                <FormField
                  control={form.control}
                  name="store_id"
                  label={s.listWidget.store}
                  hint={store?.sales_channel_id && channel ? s.listWidget.inChannel(channel.name) : undefined}
                  render={(field, id) => (
                    <Select value={field.value} onValueChange={field.onChange}>
                      <Select.Trigger id={id} ref={field.ref} onBlur={field.onBlur}>
                        <Select.Value placeholder={s.listWidget.storePlaceholder} />
                      </Select.Trigger>
                      <Select.Content>
                        {stores.map((st) => (
                          <Select.Item key={st.id} value={st.id}>
                            {`${flag(st.marketplace?.country_code)} ${st.name}`}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  )}
                />
                <Controller
                  control={form.control}
                  name="all_in_channel"
                  render={({ field }) => (
                    <div className="flex flex-col gap-y-1 md:pt-7">
                      <div className="flex items-center gap-x-2">
                        <Checkbox
                          id="amazon-all-in-channel"
                          checked={field.value}
                          disabled={!store?.sales_channel_id}
                          onCheckedChange={(checked) => field.onChange(checked === true)}
                        />
                        <Label htmlFor="amazon-all-in-channel" size="small">
                          {s.listWidget.allInChannel}
                        </Label>
                      </div>
                      {store && (
                        <Hint>
                          {store.sales_channel_id
                            ? s.listWidget.allInChannelHint(channel?.name ?? store.sales_channel_id)
                            : s.listWidget.noChannel}
                        </Hint>
                      )}
                    </div>
                  )}
                />
              </div>
            </div>
            <div className="flex min-h-0 flex-1 flex-col overflow-hidden">
              <DataTable instance={table} className="h-full">
                <DataTable.Toolbar className="flex items-center justify-between gap-2">
                  <Text size="small" weight="plus" className={selectionError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
                    {selectionError ??
                      (allInChannel ? s.listWidget.allSelected(channel?.name ?? "") : s.listWidget.selected(productIds.length))}
                  </Text>
                  <DataTable.Search placeholder={s.listWidget.search} />
                </DataTable.Toolbar>
                <DataTable.Table emptyState={{ empty: { heading: s.listWidget.empty }, filtered: { heading: s.listWidget.empty } }} />
                <DataTable.Pagination translations={s.table.pagination} />
              </DataTable>
            </div>
          </FocusModal.Body>
          <FocusModal.Footer>
            {progress && (
              <Text size="small" className="text-ui-fg-subtle mr-auto">
                {s.listWidget.progress(progress.done, progress.total)}
              </Text>
            )}
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {strings.common.cancel}
              </Button>
            </FocusModal.Close>
            <Button size="small" type="submit" isLoading={send.isPending} data-testid="amazon-send-products-submit">
              {s.listWidget.send(count)}
            </Button>
          </FocusModal.Footer>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
