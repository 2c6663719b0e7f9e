import type AmazonModuleService from "../../../modules/amazon/service"
import { marketplaceId, type SpApiClient } from "../../../lib/sp-api"
import { type DesiredListing, hashState } from "../../../utils/listings/desired-listing"
import { isFbaChannel, patchFields } from "../../../utils/listings/existing-offer"
import { type AmazonListingsItem, readListingsItem, type ReadBackStatus } from "../../../utils/listings/listing-status"
import type { ChangeRow } from "./listing-outcomes"

/** searchListingsItems: up to 20 identifiers a call, 20 items a page (listingsItems_2021-08-01 model). */
const PER_CALL = 20

/** One of the seller's own offers on an ASIN, as searchListingsItems shows it. */
export type SellerOffer = {
  sku: string
  asin: string
  product_type: string | null
  condition_type: string | null
  /** "DEFAULT" (merchant) or an FBA channel (AMAZON_EU …) */
  fulfillment_channel: string | null
  quantity: number | null
  /** the consumer price Amazon shows (offers, audience ALL); null = none */
  price: number | null
  /** Amazon's status of the offer (listing-status.ts) */
  status: ReadBackStatus
}

type Item = Omit<AmazonListingsItem, "summaries"> & {
  summaries?: Array<{ marketplaceId: string; asin?: string; productType?: string; conditionType?: string; status?: string[] }>
  fulfillmentAvailability?: Array<{ fulfillmentChannelCode?: string; quantity?: number }>
  offers?: Array<{ offerType?: string; price?: { amount?: string }; audience?: { value?: string } }>
}

/**
 * What the seller already sells on the ASINs of the offers we are about to create: searchListingsItems with
 * identifiersType=ASIN (20 ASINs a call, one marketplace a call, every page followed). A store connected
 * before its listings import has run does not know the seller's SKUs yet; creating an offer under the Medusa
 * SKU on an ASIN the seller sells would put a second, competing offer of the same product on the account.
 * Returns per change id the seller's offers on its ASIN under another SKU (empty = none). Errors propagate.
 */
export async function findSellerOffers(client: SpApiClient, changes: ChangeRow[]): Promise<Map<string, SellerOffer[]>> {
  const found = new Map<string, SellerOffer[]>()
  const byMarketplace = new Map<string, ChangeRow[]>()
  for (const change of changes) {
    if (!change.payload.asin) continue
    byMarketplace.set(change.marketplace_id, [...(byMarketplace.get(change.marketplace_id) ?? []), change])
  }
  for (const [marketplace, group] of byMarketplace) {
    const asins = [...new Set(group.map((c) => c.payload.asin!))]
    const offers: SellerOffer[] = []
    for (let i = 0; i < asins.length; i += PER_CALL) {
      let pageToken: string | undefined
      do {
        const answer = (await client.listingsItems.searchListingsItems({
          marketplaceIds: [marketplaceId(marketplace)],
          identifiers: asins.slice(i, i + PER_CALL),
          identifiersType: "ASIN",
          includedData: ["summaries", "fulfillmentAvailability", "offers", "issues"],
          pageSize: PER_CALL,
          ...(pageToken ? { pageToken } : {}),
        } as never)) as { items?: Item[]; pagination?: { nextToken?: string } }
        for (const item of answer.items ?? []) {
          const summary = item.summaries?.find((s) => !s.marketplaceId || s.marketplaceId === marketplace) ?? item.summaries?.[0]
          if (!summary?.asin) continue
          const consumer = (item.offers ?? []).find((o) => (o.offerType ?? "B2C") === "B2C" && (o.audience?.value ?? "ALL") === "ALL")
          const availability = item.fulfillmentAvailability ?? []
          // an FBA offer may also show a DEFAULT entry: the offer is Amazon-fulfilled when any channel is not DEFAULT
          const fba = availability.find((a) => a.fulfillmentChannelCode && a.fulfillmentChannelCode !== "DEFAULT")
          const merchant = availability.find((a) => a.fulfillmentChannelCode === "DEFAULT")
          offers.push({
            sku: item.sku,
            asin: summary.asin,
            product_type: summary.productType ?? null,
            condition_type: summary.conditionType ?? null,
            fulfillment_channel: fba?.fulfillmentChannelCode ?? (merchant ? "DEFAULT" : null),
            quantity: fba ? null : (merchant?.quantity ?? null),
            price: consumer?.price?.amount === undefined ? null : Number(consumer.price.amount),
            status: readListingsItem({ ...item, summaries: [{ ...summary, marketplaceId: marketplace }] }, marketplace)?.status ?? "inactive",
          })
        }
        pageToken = answer.pagination?.nextToken
      } while (pageToken)
    }
    for (const change of group) {
      found.set(
        change.id,
        offers.filter((o) => o.asin === change.payload.asin && o.sku !== change.sku)
      )
    }
  }
  return found
}

/**
 * Which of the seller's offers on the ASIN an offer we would create really is. Never a second SKU on the ASIN
 * (issue 13, point 2): of several offers, the one of the same condition (Medusa offers are new_new; a seller
 * may sell a used one beside a new one); when none has that condition, the only one there is (its condition is
 * kept — a used item is never re-offered as new). Exactly one → adopt it; several → a human chooses; none → the
 * offer is new. Pure.
 */
export function sameOffer(condition: string, offers: SellerOffer[]): { kind: "adopt"; offer: SellerOffer } | { kind: "ambiguous"; offers: SellerOffer[] } | null {
  if (!offers.length) return null
  const same = offers.filter((o) => (o.condition_type ?? "new_new") === condition)
  const candidates = same.length ? same : offers
  return candidates.length === 1 ? { kind: "adopt", offer: candidates[0] } : { kind: "ambiguous", offers: candidates }
}

/**
 * The listing becomes the seller's offer: Amazon's SKU, channel, condition, product type and status, as a
 * listings import would have linked it. The change (if any) becomes a patch of the price and stock that differ
 * from Amazon's under that SKU — for an FBA offer the price only — so what Amazon has besides stays
 * (feed-messages.ts merges into it); nothing differing → an empty patch, recorded as accepted without a call.
 * Written before anything is sent, so a rerun patches the same offer and never creates one.
 */
export async function adoptSellerOffer(amazon: AmazonModuleService, listingId: string, offer: SellerOffer, change?: ChangeRow): Promise<void> {
  const fba = isFbaChannel(offer.fulfillment_channel)
  if (change) {
    const { patch_fields: _fields, ...base } = change.payload
    const payload: DesiredListing = {
      ...base,
      sku: offer.sku,
      asin: offer.asin,
      condition: offer.condition_type ?? base.condition,
      product_type: offer.product_type ?? base.product_type,
      ...(fba ? { fulfillment_channel: offer.fulfillment_channel!.toUpperCase(), quantity: null } : {}),
    }
    change.operation = "patch"
    change.sku = offer.sku
    change.hash = hashState(payload)
    // only what differs from Amazon's offer (as compute does for an imported one): an equal price is not re-sent
    change.payload = { ...payload, patch_fields: patchFields(null, payload, { price: offer.price, quantity: offer.quantity }) }
    await amazon.updateAmazonListingChanges({
      id: change.id,
      operation: "patch",
      sku: change.sku,
      hash: change.hash,
      payload: change.payload as unknown as Record<string, unknown>,
    })
  }
  await amazon.updateAmazonListings({
    id: listingId,
    sku: offer.sku,
    asin: offer.asin,
    product_type: offer.product_type,
    fulfillment_channel: offer.fulfillment_channel,
    condition_type: offer.condition_type,
    // Amazon's offer: the next compute patches it (never an UPDATE), against Amazon's price and stock
    status: offer.status,
    ...(offer.quantity === null ? {} : { quantity: offer.quantity }),
    ...(offer.price === null ? {} : { price: offer.price }),
    ...(change ? { desired_hash: change.hash } : { desired_hash: null }),
  })
}
