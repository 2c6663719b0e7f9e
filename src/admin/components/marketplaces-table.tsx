import { Badge, Container, Heading, Hint, InlineTip, Select, Switch, Table, Text, toast } from "@medusajs/ui"
import { useRegions } from "../hooks/use-regions"
import { useUpdateAmazonMarketplace } from "../hooks/use-update-amazon-marketplace"
import { errorToast } from "../lib/errors"
import { flag } from "../lib/format"
import { strings } from "../lib/strings"
import type { AmazonMarketplaceUpdate, AmazonStore, AmazonStoreMarketplace } from "../lib/types"

type Toggle = "enabled" | "listings_export" | "listings_import" | "include_inactive" | "orders_import"

const TOGGLES: { key: Toggle; label: string }[] = [
  { key: "enabled", label: strings.marketplaces.enabled },
  { key: "listings_export", label: strings.marketplaces.listingsExport },
  { key: "listings_import", label: strings.marketplaces.listingsImport },
  { key: "include_inactive", label: strings.marketplaces.includeInactive },
  { key: "orders_import", label: strings.marketplaces.ordersImport },
]

/** Radix Select items cannot be empty: this one stands for region_id = null ("pick by currency"). */
const AUTO_REGION = "__auto__"

/** One row per marketplace of the account; each switch saves itself. */
export function MarketplacesTable({ store }: { store: AmazonStore }) {
  const update = useUpdateAmazonMarketplace(store.id)
  const regions = useRegions()
  const rows = [...(store.marketplaces ?? [])].sort((a, b) => {
    if (a.marketplace_id === store.marketplace_id) return -1
    if (b.marketplace_id === store.marketplace_id) return 1
    return (a.marketplace?.name ?? a.marketplace_id).localeCompare(b.marketplace?.name ?? b.marketplace_id)
  })

  const save = (row: AmazonStoreMarketplace, change: AmazonMarketplaceUpdate, label: string) => {
    const name = row.marketplace?.name ?? row.marketplace_id
    const value = Object.values(change)[0]
    update.mutate(
      { marketplaceId: row.marketplace_id, update: change },
      {
        onSuccess: () =>
          toast.success(strings.marketplaces.updated(label, name, typeof value === "boolean" ? value : null)),
        onError: (error) => {
          const { title, description } = errorToast(error)
          toast.error(strings.marketplaces.updateError(name), { description: `${title} ${description}` })
        },
      }
    )
  }

  const regionList = regions.data?.regions ?? []

  return (
    <Container className="divide-y p-0" data-testid="amazon-marketplaces">
      <div className="px-6 py-4">
        <Heading level="h2">{strings.marketplaces.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {strings.marketplaces.subtitle}
        </Text>
      </div>
      {store.status !== "connected" && rows.length <= 1 && (
        <div className="px-6 py-4">
          <InlineTip label={strings.store.nextStepTitle} variant="info">
            {strings.marketplaces.notConnectedTip(strings.regionName(store.region))}
          </InlineTip>
        </div>
      )}
      {rows.length === 0 ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            {strings.marketplaces.empty}
          </Text>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{strings.marketplaces.marketplace}</Table.HeaderCell>
                <Table.HeaderCell>{strings.marketplaces.currency}</Table.HeaderCell>
                {TOGGLES.map((t) => (
                  <Table.HeaderCell key={t.key} className="whitespace-nowrap">
                    {t.label}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell className="min-w-[200px]">{strings.marketplaces.region}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => {
                const info = row.marketplace
                const name = info?.name ?? row.marketplace_id
                const region = regionList.find((r) => r.id === row.region_id)
                const mismatch =
                  region && info && region.currency_code.toLowerCase() !== info.currency_code.toLowerCase()
                return (
                  <Table.Row key={row.marketplace_id} data-testid={`amazon-marketplace-${row.marketplace_id}`}>
                    <Table.Cell className="py-3">
                      <div className="flex items-center gap-x-2">
                        <span className="text-lg leading-none" aria-hidden>
                          {flag(info?.country_code)}
                        </span>
                        <div className="flex flex-col">
                          <Text size="small" weight="plus" leading="compact">
                            {name}
                          </Text>
                          {info?.domain && (
                            <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
                              {info.domain}
                            </Text>
                          )}
                        </div>
                      </div>
                      <div className="mt-1 flex flex-wrap gap-1">
                        {row.marketplace_id === store.marketplace_id && (
                          <Badge size="2xsmall">{strings.marketplaces.home}</Badge>
                        )}
                        {!row.is_participating && (
                          <Badge size="2xsmall" color="orange">
                            {strings.marketplaces.notParticipating}
                          </Badge>
                        )}
                        {row.has_suspended_listings && (
                          <Badge size="2xsmall" color="red">
                            {strings.marketplaces.suspended}
                          </Badge>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell>{info?.currency_code ?? strings.common.dash}</Table.Cell>
                    {TOGGLES.map((t) => (
                      <Table.Cell key={t.key}>
                        <Switch
                          size="small"
                          checked={row[t.key]}
                          aria-label={strings.marketplaces.switchAria(t.label, name)}
                          onCheckedChange={(checked) => save(row, { [t.key]: checked }, t.label)}
                        />
                      </Table.Cell>
                    ))}
                    <Table.Cell className="py-3">
                      <Select
                        size="small"
                        value={row.region_id ?? AUTO_REGION}
                        onValueChange={(value) =>
                          save(row, { region_id: value === AUTO_REGION ? null : value }, strings.marketplaces.region)
                        }
                      >
                        <Select.Trigger aria-label={strings.marketplaces.switchAria(strings.marketplaces.region, name)}>
                          <Select.Value placeholder={strings.marketplaces.regionPlaceholder} />
                        </Select.Trigger>
                        <Select.Content>
                          <Select.Item value={AUTO_REGION}>{strings.marketplaces.regionAuto}</Select.Item>
                          {regionList.map((r) => (
                            <Select.Item key={r.id} value={r.id}>
                              {`${r.name} (${r.currency_code.toUpperCase()})`}
                            </Select.Item>
                          ))}
                        </Select.Content>
                      </Select>
                      {mismatch && (
                        <Hint className="mt-1 max-w-[260px] whitespace-normal">
                          {strings.marketplaces.currencyMismatch(region.currency_code, info.currency_code)}
                        </Hint>
                      )}
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </Container>
  )
}
