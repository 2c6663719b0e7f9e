import { ArrowLeft } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, Skeleton, Table, Text, toast } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { Link, useParams } from "react-router-dom"
import { storeMarketplaces } from "../../../../../components/category-mappings"
import { ErrorAlert } from "../../../../../components/error-alert"
import { useAmazonStore } from "../../../../../hooks/use-amazon-store"
import {
  useCreateListingRule,
  useDeleteListingRule,
  useDeletePricingRule,
  useExchangeRates,
  useListingRules,
  usePricingRules,
  useRefreshExchangeRates,
  useSaveExchangeRate,
  useSavePricingRule,
} from "../../../../../hooks/use-store-rules"
import { errorToast } from "../../../../../lib/errors"
import { flag } from "../../../../../lib/format"
import { rulesStrings as s } from "../../../../../lib/strings-rules"
import type { AmazonMarketplaceInfo } from "../../../../../lib/types"

const ALL = "__all__"
type Queued = { counts: { queued: number } }

function fail(error: unknown) {
  const { title, description } = errorToast(error)
  toast.error(title, { description })
}

function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small" weight="plus">
        {label}
      </Label>
      {children}
      {hint ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      ) : null}
    </div>
  )
}

function Choose({ value, onChange, items, testId }: { value: string; onChange: (v: string) => void; items: Array<[string, string]>; testId: string }) {
  return (
    <Select value={value} onValueChange={onChange} size="small">
      <Select.Trigger data-testid={testId}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {items.map(([v, label]) => (
          <Select.Item key={v} value={v}>
            {label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}

function ListingRules({ storeId, marketplaces }: { storeId: string; marketplaces: AmazonMarketplaceInfo[] }) {
  const rules = useListingRules(storeId)
  const create = useCreateListingRule(storeId)
  const remove = useDeleteListingRule(storeId)
  const [form, setForm] = useState({ name: "", marketplace_id: ALL, effect: "exclude", match: "collection", value: "", position: "0" })
  const name = (id: string | null) => (id ? (marketplaces.find((m) => m.id === id)?.name ?? id) : s.allMarketplaces)
  const submit = () =>
    create.mutate(
      {
        name: form.name,
        marketplace_id: form.marketplace_id === ALL ? null : form.marketplace_id,
        effect: form.effect as "include" | "exclude",
        match: form.match,
        value: form.match === "all" ? null : form.value,
        position: Number(form.position) || 0,
      },
      {
        onSuccess: (data) => {
          toast.success(s.listing.saved((data as Queued).counts.queued))
          setForm({ ...form, name: "", value: "" })
        },
        onError: fail,
      }
    )
  return (
    <Container className="divide-y p-0" data-testid="amazon-listing-rules">
      <div className="px-6 py-4">
        <Heading level="h2">{s.listing.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {s.listing.precedence}
        </Text>
      </div>
      {rules.isPending ? (
        <div className="px-6 py-4">
          <Skeleton className="h-8 w-full" />
        </div>
      ) : rules.error ? (
        <div className="px-6 py-4">
          <ErrorAlert error={rules.error} />
        </div>
      ) : !rules.data?.length ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {s.listing.empty}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{s.listing.position}</Table.HeaderCell>
              <Table.HeaderCell>{s.listing.name}</Table.HeaderCell>
              <Table.HeaderCell>{s.listing.marketplace}</Table.HeaderCell>
              <Table.HeaderCell>{s.listing.effect}</Table.HeaderCell>
              <Table.HeaderCell>{s.listing.match}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rules.data.map((rule) => (
              <Table.Row key={rule.id} data-testid="amazon-listing-rule-row">
                <Table.Cell>{rule.position}</Table.Cell>
                <Table.Cell>{rule.name}</Table.Cell>
                <Table.Cell>{name(rule.marketplace_id)}</Table.Cell>
                <Table.Cell>{s.listing.effects[rule.effect]}</Table.Cell>
                <Table.Cell>
                  {s.listing.matches[rule.match]}
                  {rule.value ? ` ${rule.value}` : ""}
                </Table.Cell>
                <Table.Cell>
                  <Button
                    size="small"
                    variant="transparent"
                    onClick={() => remove.mutate(rule.id, { onSuccess: (d) => toast.success(s.listing.deleted((d as Queued).counts.queued)), onError: fail })}
                  >
                    {s.delete}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        <Field label={s.listing.name}>
          <Input size="small" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="listing-rule-name" />
        </Field>
        <Field label={s.listing.marketplace}>
          <Choose
            testId="listing-rule-marketplace"
            value={form.marketplace_id}
            onChange={(v) => setForm({ ...form, marketplace_id: v })}
            items={[[ALL, s.allMarketplaces], ...marketplaces.map((m): [string, string] => [m.id, `${flag(m.country_code)} ${m.name}`])]}
          />
        </Field>
        <Field label={s.listing.effect}>
          <Choose testId="listing-rule-effect" value={form.effect} onChange={(v) => setForm({ ...form, effect: v })} items={Object.entries(s.listing.effects)} />
        </Field>
        <Field label={s.listing.match}>
          <Choose testId="listing-rule-match" value={form.match} onChange={(v) => setForm({ ...form, match: v })} items={Object.entries(s.listing.matches)} />
        </Field>
        <Field label={s.listing.value} hint={s.listing.valueHint}>
          <Input size="small" value={form.value} disabled={form.match === "all"} onChange={(e) => setForm({ ...form, value: e.target.value })} data-testid="listing-rule-value" />
        </Field>
        <Field label={s.listing.position}>
          <Input size="small" type="number" min={0} value={form.position} onChange={(e) => setForm({ ...form, position: e.target.value })} data-testid="listing-rule-position" />
        </Field>
        <div>
          <Button size="small" variant="secondary" onClick={submit} isLoading={create.isPending} disabled={!form.name.trim()} data-testid="listing-rule-add">
            {s.listing.add}
          </Button>
        </div>
      </div>
    </Container>
  )
}

function PricingRules({ storeId, marketplaces }: { storeId: string; marketplaces: AmazonMarketplaceInfo[] }) {
  const rules = usePricingRules(storeId)
  const save = useSavePricingRule(storeId)
  const remove = useDeletePricingRule(storeId)
  const [form, setForm] = useState({
    marketplace_id: marketplaces[0]?.id ?? "",
    name: "",
    source_currency: "",
    percent: "0",
    fixed_amount: "0",
    rounding: "none",
    min_price: "",
    max_price: "",
  })
  const currencyOf = (id: string) => marketplaces.find((m) => m.id === id)?.currency_code ?? ""
  const optional = (v: string) => (v.trim() === "" ? null : Number(v))
  const submit = () =>
    save.mutate(
      {
        marketplace_id: form.marketplace_id,
        name: form.name,
        source_currency: form.source_currency.trim() || null,
        percent: Number(form.percent) || 0,
        fixed_amount: Number(form.fixed_amount) || 0,
        rounding: form.rounding,
        min_price: optional(form.min_price),
        max_price: optional(form.max_price),
      },
      { onSuccess: (data) => toast.success(s.pricing.saved((data as Queued).counts.queued)), onError: fail }
    )
  return (
    <Container className="divide-y p-0" data-testid="amazon-pricing-rules">
      <div className="px-6 py-4">
        <Heading level="h2">{s.pricing.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {s.pricing.subtitle}
        </Text>
      </div>
      {rules.error ? (
        <div className="px-6 py-4">
          <ErrorAlert error={rules.error} />
        </div>
      ) : !rules.data?.length ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {s.pricing.empty}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{s.pricing.marketplace}</Table.HeaderCell>
              <Table.HeaderCell>{s.pricing.name}</Table.HeaderCell>
              <Table.HeaderCell>{s.pricing.source}</Table.HeaderCell>
              <Table.HeaderCell>{s.pricing.percent}</Table.HeaderCell>
              <Table.HeaderCell>{s.pricing.fixed}</Table.HeaderCell>
              <Table.HeaderCell>{s.pricing.rounding}</Table.HeaderCell>
              <Table.HeaderCell>{s.pricing.min}</Table.HeaderCell>
              <Table.HeaderCell>{s.pricing.max}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rules.data.map((rule) => (
              <Table.Row key={rule.id} data-testid="amazon-pricing-rule-row">
                <Table.Cell>{marketplaces.find((m) => m.id === rule.marketplace_id)?.name ?? rule.marketplace_id}</Table.Cell>
                <Table.Cell>{rule.name}</Table.Cell>
                <Table.Cell>{rule.source_currency ?? currencyOf(rule.marketplace_id)}</Table.Cell>
                <Table.Cell>{rule.percent}</Table.Cell>
                <Table.Cell>{rule.fixed_amount}</Table.Cell>
                <Table.Cell>{s.pricing.roundings[rule.rounding]}</Table.Cell>
                <Table.Cell>{rule.min_price ?? "–"}</Table.Cell>
                <Table.Cell>{rule.max_price ?? "–"}</Table.Cell>
                <Table.Cell>
                  <Button
                    size="small"
                    variant="transparent"
                    onClick={() => remove.mutate(rule.id, { onSuccess: (d) => toast.success(s.pricing.deleted((d as Queued).counts.queued)), onError: fail })}
                  >
                    {s.delete}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="grid grid-cols-4 gap-4 px-6 py-4">
        <Field label={s.pricing.marketplace}>
          <Choose
            testId="pricing-rule-marketplace"
            value={form.marketplace_id}
            onChange={(v) => setForm({ ...form, marketplace_id: v })}
            items={marketplaces.map((m): [string, string] => [m.id, `${flag(m.country_code)} ${m.name} (${m.currency_code})`])}
          />
        </Field>
        <Field label={s.pricing.name}>
          <Input size="small" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} data-testid="pricing-rule-name" />
        </Field>
        <Field label={s.pricing.source} hint={s.pricing.sourceHint}>
          <Input
            size="small"
            value={form.source_currency}
            placeholder={currencyOf(form.marketplace_id)}
            onChange={(e) => setForm({ ...form, source_currency: e.target.value.toUpperCase() })}
            data-testid="pricing-rule-source"
          />
        </Field>
        <Field label={s.pricing.rounding}>
          <Choose testId="pricing-rule-rounding" value={form.rounding} onChange={(v) => setForm({ ...form, rounding: v })} items={Object.entries(s.pricing.roundings)} />
        </Field>
        <Field label={s.pricing.percent}>
          <Input size="small" type="number" value={form.percent} onChange={(e) => setForm({ ...form, percent: e.target.value })} data-testid="pricing-rule-percent" />
        </Field>
        <Field label={s.pricing.fixed}>
          <Input size="small" type="number" value={form.fixed_amount} onChange={(e) => setForm({ ...form, fixed_amount: e.target.value })} data-testid="pricing-rule-fixed" />
        </Field>
        <Field label={s.pricing.min}>
          <Input size="small" type="number" value={form.min_price} onChange={(e) => setForm({ ...form, min_price: e.target.value })} data-testid="pricing-rule-min" />
        </Field>
        <Field label={s.pricing.max}>
          <Input size="small" type="number" value={form.max_price} onChange={(e) => setForm({ ...form, max_price: e.target.value })} data-testid="pricing-rule-max" />
        </Field>
        <div>
          <Button size="small" variant="secondary" onClick={submit} isLoading={save.isPending} disabled={!form.name.trim() || !form.marketplace_id} data-testid="pricing-rule-save">
            {s.pricing.save}
          </Button>
        </div>
      </div>
    </Container>
  )
}

function ExchangeRates({ storeId }: { storeId: string }) {
  const rates = useExchangeRates(storeId)
  const save = useSaveExchangeRate(storeId)
  const refresh = useRefreshExchangeRates(storeId)
  const [form, setForm] = useState({ base_currency: "EUR", quote_currency: "", rate: "" })
  return (
    <Container className="divide-y p-0" data-testid="amazon-exchange-rates">
      <div className="flex items-start justify-between px-6 py-4">
        <div>
          <Heading level="h2">{s.rates.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {s.rates.subtitle}
          </Text>
        </div>
        <Button
          size="small"
          variant="secondary"
          isLoading={refresh.isPending}
          onClick={() =>
            refresh.mutate(undefined, {
              onSuccess: (d) => toast.success(s.rates.refreshed((d as { rates: number }).rates, (d as Queued).counts.queued)),
              onError: fail,
            })
          }
        >
          {s.rates.refresh}
        </Button>
      </div>
      {rates.error ? (
        <div className="px-6 py-4">
          <ErrorAlert error={rates.error} />
        </div>
      ) : !rates.data?.length ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {s.rates.empty}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{s.rates.base}</Table.HeaderCell>
              <Table.HeaderCell>{s.rates.quote}</Table.HeaderCell>
              <Table.HeaderCell>{s.rates.rate}</Table.HeaderCell>
              <Table.HeaderCell>{s.rates.date}</Table.HeaderCell>
              <Table.HeaderCell>{s.rates.source}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rates.data.map((r) => (
              <Table.Row key={r.id} data-testid="amazon-exchange-rate-row">
                <Table.Cell>{r.base_currency}</Table.Cell>
                <Table.Cell>{r.quote_currency}</Table.Cell>
                <Table.Cell>{r.rate}</Table.Cell>
                <Table.Cell>{r.rate_date}</Table.Cell>
                <Table.Cell>{r.source}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="grid grid-cols-4 gap-4 px-6 py-4">
        <Field label={s.rates.base}>
          <Input size="small" value={form.base_currency} onChange={(e) => setForm({ ...form, base_currency: e.target.value.toUpperCase() })} data-testid="rate-base" />
        </Field>
        <Field label={s.rates.quote}>
          <Input size="small" value={form.quote_currency} onChange={(e) => setForm({ ...form, quote_currency: e.target.value.toUpperCase() })} data-testid="rate-quote" />
        </Field>
        <Field label={s.rates.rate}>
          <Input size="small" type="number" value={form.rate} onChange={(e) => setForm({ ...form, rate: e.target.value })} data-testid="rate-value" />
        </Field>
        <div className="flex items-end">
          <Button
            size="small"
            variant="secondary"
            isLoading={save.isPending}
            disabled={!form.quote_currency || !(Number(form.rate) > 0)}
            onClick={() =>
              save.mutate(
                { base_currency: form.base_currency, quote_currency: form.quote_currency, rate: Number(form.rate) },
                { onSuccess: (d) => toast.success(s.rates.saved((d as Queued).counts.queued)), onError: fail }
              )
            }
            data-testid="rate-save"
          >
            {s.rates.add}
          </Button>
        </div>
      </div>
    </Container>
  )
}

/** A store's listing rules, pricing rules and exchange rates (Settings › Amazon › store › Rules). */
const AmazonRulesPage = () => {
  const { id = "" } = useParams()
  const { data, isPending, error } = useAmazonStore(id)
  const store = data?.amazon_store
  if (isPending) return <Skeleton className="h-[420px] w-full rounded-lg" />
  if (error || !store) return <ErrorAlert error={error} title={s.loadError} />
  const marketplaces = storeMarketplaces(store)
  return (
    <div className="flex flex-col gap-y-3" data-testid="amazon-rules-page">
      <Container className="flex items-start justify-between px-6 py-4">
        <div>
          <Heading level="h1">{s.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {store.name} · {s.subtitle}
          </Text>
        </div>
        <Button size="small" variant="transparent" asChild>
          <Link to={`/settings/amazon/${id}`}>
            <ArrowLeft />
            {s.back}
          </Link>
        </Button>
      </Container>
      <ListingRules storeId={id} marketplaces={marketplaces} />
      <PricingRules storeId={id} marketplaces={marketplaces} />
      <ExchangeRates storeId={id} />
    </div>
  )
}

export default AmazonRulesPage
