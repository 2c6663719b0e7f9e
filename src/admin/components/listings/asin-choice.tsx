import { Button, Text, toast } from "@medusajs/ui"
import { useChooseListingAsin } from "../../hooks/use-choose-listing-asin"
import { errorToast } from "../../lib/errors"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonListing } from "../../lib/types-listings"
import { amazonProductUrl } from "./fix-link"

/**
 * An ambiguous barcode (several ASINs in Amazon's catalog): one row per candidate, each with a link to
 * the product page and a button to offer on it. Nothing is sent on a guess.
 */
export function AsinChoice({ listing, storeId }: { listing: AmazonListing; storeId: string }) {
  const choose = useChooseListingAsin(storeId)
  const ambiguity = (listing.issues ?? []).find((i) => i.code === "ambiguous_asin")
  if (!ambiguity?.candidates?.length) return null
  const pick = (asin: string) =>
    choose.mutate(
      { listingId: listing.id, asin },
      {
        onSuccess: () => toast.success(s.asinChoice.chosen(asin)),
        onError: (error) => {
          const { title, description } = errorToast(error)
          toast.error(s.asinChoice.error, { description: `${title} ${description}` })
        },
      }
    )
  return (
    <div className="flex flex-col gap-y-2" data-testid="amazon-asin-choice">
      <Text size="small" weight="plus">
        {s.asinChoice.heading}
      </Text>
      {ambiguity.candidates.map((candidate) => {
        const url = amazonProductUrl(candidate.asin, listing.marketplace?.domain)
        return (
          <div key={candidate.asin} className="flex items-center justify-between gap-x-2">
            <Text size="small" className="min-w-0 break-words">
              {url ? (
                <a href={url} target="_blank" rel="noreferrer" className="font-mono text-ui-fg-interactive">
                  {candidate.asin}
                </a>
              ) : (
                <span className="font-mono">{candidate.asin}</span>
              )}
              {candidate.title ? ` — ${candidate.title}` : ""}
            </Text>
            <Button size="small" variant="secondary" onClick={() => pick(candidate.asin)} isLoading={choose.isPending && choose.variables?.asin === candidate.asin}>
              {s.asinChoice.choose}
            </Button>
          </div>
        )
      })}
    </div>
  )
}
