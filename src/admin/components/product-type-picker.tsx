import { Input, Text, clx } from "@medusajs/ui"
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react"
import { useDebouncedValue } from "../hooks/use-debounced-value"
import { useProductTypeSearch } from "../hooks/use-product-types"
import { describeError } from "../lib/errors"
import { strings } from "../lib/strings"

type ProductTypePickerProps = {
  id?: string
  storeId: string
  /** Amazon's product type name, e.g. "SHIRT" */
  value: string | null
  onChange: (productType: string | null) => void
  onBlur?: () => void
  invalid?: boolean
}

/**
 * A search box over Amazon's product types (searchDefinitionsProductTypes
 * through our API): type a word, pick a result. Typing again clears the pick.
 */
export function ProductTypePicker({ id, storeId, value, onChange, onBlur, invalid }: ProductTypePickerProps) {
  const listId = useId()
  const [query, setQuery] = useState(value ?? "")
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const keywords = useDebouncedValue(query, 300)
  const search = useProductTypeSearch(storeId, open ? keywords : "")
  const results = search.data?.product_types ?? []

  // follow changes made from outside (a form reset after saving, a quick pick)
  const lastSeen = useRef<string | null>(value)
  useEffect(() => {
    if (value === lastSeen.current) return
    lastSeen.current = value
    setQuery(value ?? "")
  }, [value])
  useEffect(() => setActive(0), [keywords])

  const pick = (name: string, displayName: string) => {
    lastSeen.current = name
    onChange(name)
    setQuery(displayName)
    setOpen(false)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(i + 1, Math.max(results.length - 1, 0)))
    } else if (e.key === "ArrowUp") {
      e.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (e.key === "Enter" && open && results[active]) {
      e.preventDefault()
      pick(results[active].name, results[active].display_name)
    } else if (e.key === "Escape" && open) {
      e.stopPropagation()
      setOpen(false)
    }
  }

  const trimmed = query.trim()
  return (
    <div className="relative">
      <div>
        <Input
          id={id}
          size="small"
          type="search"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-invalid={invalid}
          autoComplete="off"
          placeholder={strings.productTypePicker.placeholder}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            setOpen(true)
            if (value !== null) {
              lastSeen.current = null
              onChange(null)
            }
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false)
            onBlur?.()
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {value && (
        <Text size="xsmall" leading="compact" className="text-ui-fg-muted mt-1">
          {strings.productTypePicker.selected}: <span className="font-mono">{value}</span>
        </Text>
      )}
      {open && (
        <div
          id={listId}
          role="listbox"
          className="bg-ui-bg-component shadow-elevation-flyout absolute z-50 mt-1 max-h-64 w-full overflow-y-auto rounded-lg p-1"
          // keep the input focused while clicking an option
          onMouseDown={(e) => e.preventDefault()}
        >
          {trimmed.length < 2 ? (
            <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
              {strings.productTypePicker.typeMore}
            </Text>
          ) : search.error ? (
            <Text size="small" className="text-ui-fg-error px-2 py-1.5">
              {describeError(search.error).message} {describeError(search.error).hint}
            </Text>
          ) : search.isFetching && results.length === 0 ? (
            <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
              {strings.productTypePicker.searching}
            </Text>
          ) : results.length === 0 ? (
            <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
              {search.isFetching ? strings.productTypePicker.searching : strings.productTypePicker.noResults(trimmed)}
            </Text>
          ) : (
            results.map((r, index) => (
              <div
                key={r.name}
                role="option"
                aria-selected={r.name === value}
                className={clx(
                  "flex cursor-pointer items-center justify-between gap-x-4 rounded-md px-2 py-1.5",
                  index === active ? "bg-ui-bg-component-hover" : "hover:bg-ui-bg-component-hover"
                )}
                onMouseEnter={() => setActive(index)}
                onClick={() => pick(r.name, r.display_name)}
              >
                <Text size="small" leading="compact">
                  {r.display_name}
                </Text>
                <Text size="xsmall" leading="compact" className="text-ui-fg-muted font-mono">
                  {r.name}
                </Text>
              </div>
            ))
          )}
        </div>
      )}
    </div>
  )
}
