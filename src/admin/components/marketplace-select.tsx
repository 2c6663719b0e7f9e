import { Select } from "@medusajs/ui"
import { forwardRef, useMemo } from "react"
import { flag } from "../lib/format"
import { strings } from "../lib/strings"
import type { AmazonMarketplaceInfo } from "../lib/types"

type MarketplaceSelectProps = {
  id?: string
  value: string | undefined
  onChange: (value: string) => void
  onBlur?: () => void
  marketplaces: AmazonMarketplaceInfo[]
  placeholder?: string
  disabled?: boolean
  /** an extra first item, e.g. "All marketplaces" */
  extraItem?: { value: string; label: string }
  size?: "base" | "small"
}

/** Every Amazon marketplace, grouped by SP-API region ("Europe", "North America", …). */
export const MarketplaceSelect = forwardRef<HTMLButtonElement, MarketplaceSelectProps>(function MarketplaceSelect(
  { id, value, onChange, onBlur, marketplaces, placeholder, disabled, extraItem, size },
  ref
) {
  const groups = useMemo(() => {
    const byRegion = new Map<string, AmazonMarketplaceInfo[]>()
    for (const m of marketplaces) {
      const name = m.region_name ?? strings.regionName(m.region)
      byRegion.set(name, [...(byRegion.get(name) ?? []), m])
    }
    return [...byRegion.entries()].map(
      ([name, list]) => [name, [...list].sort((a, b) => a.name.localeCompare(b.name))] as const
    )
  }, [marketplaces])

  return (
    <Select value={value ?? ""} onValueChange={onChange} disabled={disabled} size={size}>
      <Select.Trigger id={id} ref={ref} onBlur={onBlur}>
        <Select.Value placeholder={placeholder} />
      </Select.Trigger>
      <Select.Content>
        {extraItem && <Select.Item value={extraItem.value}>{extraItem.label}</Select.Item>}
        {groups.map(([region, list]) => (
          <Select.Group key={region}>
            <Select.Label>{region}</Select.Label>
            {list.map((m) => (
              <Select.Item key={m.id} value={m.id}>
                {`${flag(m.country_code)} ${m.name}`}
              </Select.Item>
            ))}
          </Select.Group>
        ))}
      </Select.Content>
    </Select>
  )
})
