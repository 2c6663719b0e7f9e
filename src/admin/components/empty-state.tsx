import { BuildingStorefront } from "@medusajs/icons"
import { Button, Heading, Text } from "@medusajs/ui"
import { strings } from "../lib/strings"

/** What connecting does, before there is anything to show. */
export function EmptyState({ onAdd }: { onAdd: () => void }) {
  return (
    <div className="flex flex-col items-center gap-y-4 px-6 py-12 text-center" data-testid="amazon-empty-state">
      <div className="bg-ui-bg-component shadow-elevation-card-rest flex size-10 items-center justify-center rounded-lg">
        <BuildingStorefront className="text-ui-fg-subtle" />
      </div>
      <div className="flex max-w-[520px] flex-col gap-y-2">
        <Heading level="h2">{strings.list.emptyTitle}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {strings.list.emptyIntro}
        </Text>
        <ul className="text-ui-fg-subtle list-disc pl-5 text-left">
          {strings.list.emptyPoints.map((point) => (
            <li key={point}>
              <Text size="small" as="span">
                {point}
              </Text>
            </li>
          ))}
        </ul>
        <Text size="small" className="text-ui-fg-subtle">
          {strings.list.emptyHowLong}
        </Text>
      </div>
      <Button size="small" variant="primary" onClick={onAdd}>
        {strings.list.add}
      </Button>
    </div>
  )
}
