import { Alert, Button, Text, toast, usePrompt } from "@medusajs/ui"
import { useAmazonListingsDryRun } from "../../hooks/use-amazon-listings-dry-run"
import { useResolveHeldListingChanges } from "../../hooks/use-resolve-held-listing-changes"
import { errorToast } from "../../lib/errors"
import { strings } from "../../lib/strings"
import { listingsStrings as s } from "../../lib/strings-listings"

/**
 * The safety hold, said out loud: when a change set would take most of the
 * store's Amazon stock to 0 it is held, and only a person releases or drops it.
 * Also warns before the hold happens (would_hold on changes still queued).
 */
export function HeldChangesBanner({ storeId }: { storeId: string }) {
  const { data } = useAmazonListingsDryRun(storeId)
  const resolve = useResolveHeldListingChanges(storeId)
  const prompt = usePrompt()
  const held = data?.counts.held ?? 0
  if (!data || (held === 0 && !data.would_hold)) return null

  const act = async (action: "release" | "discard") => {
    const confirmed = await prompt(
      action === "release"
        ? {
            title: s.dryRun.releaseTitle,
            description: s.dryRun.releaseDescription(held),
            confirmText: s.dryRun.release,
            cancelText: strings.common.cancel,
          }
        : {
            title: s.dryRun.discardTitle,
            description: s.dryRun.discardDescription,
            confirmText: s.dryRun.discard,
            cancelText: strings.common.cancel,
          }
    )
    if (!confirmed) return
    try {
      const result = await resolve.mutateAsync({ action })
      toast.success(action === "release" ? s.dryRun.released(result.released) : s.dryRun.discarded(result.discarded))
    } catch (error) {
      const { title, description } = errorToast(error)
      toast.error(s.dryRun.resolveError, { description: `${title} ${description}` })
    }
  }

  return (
    <Alert variant={held > 0 ? "error" : "warning"} data-testid="amazon-held-banner">
      <div className="flex flex-col gap-y-3 sm:flex-row sm:items-start sm:justify-between sm:gap-x-4">
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus" leading="compact">
            {held > 0 ? s.dryRun.holdTitle : s.dryRun.wouldHoldTitle}
          </Text>
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {held > 0 ? s.dryRun.holdBody(held) : s.dryRun.wouldHoldBody}
          </Text>
        </div>
        {held > 0 && (
          <div className="flex shrink-0 gap-x-2">
            <Button size="small" variant="secondary" onClick={() => void act("discard")} disabled={resolve.isPending}>
              {s.dryRun.discard}
            </Button>
            <Button size="small" variant="primary" onClick={() => void act("release")} isLoading={resolve.isPending}>
              {s.dryRun.release}
            </Button>
          </div>
        )}
      </div>
    </Alert>
  )
}
