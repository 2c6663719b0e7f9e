/**
 * The listings routes' answers as the listings pages and product widgets read
 * them (src/api/admin/amazon/stores/[id]/listings, issues, dry-run, held,
 * sync-runs; products/[id]/listings). Kept apart from the server code, like types.ts.
 */

export type AmazonListingStatus =
  | "draft"
  | "pending"
  | "submitted"
  | "accepted"
  | "active"
  | "inactive"
  | "incomplete"
  | "suppressed"
  | "error"
  | "deleted"

export type AmazonListingIssue = {
  source: "medusa" | "amazon"
  code: string
  severity: "error" | "warning"
  message: string
  /** the Medusa field to fix ("barcode", "prices", "metadata.gtin" …) or "amazon:<attribute>" */
  field?: string
  /** ambiguous_asin: the ASINs Amazon's catalog has for the barcode */
  candidates?: { asin: string; product_type: string | null; title: string | null }[]
}

export type AmazonListingMarketplace = {
  id?: string
  country_code: string
  name: string
  currency_code: string
  domain?: string | null
}

export type AmazonListing = {
  id: string
  marketplace_id: string
  marketplace: AmazonListingMarketplace | null
  variant_id: string | null
  product_id: string | null
  sku: string
  asin: string | null
  product_type: string | null
  status: AmazonListingStatus
  issues: AmazonListingIssue[] | null
  /** as Amazon has it (bigNumber: a number, or a string from some drivers) */
  price: number | string | null
  currency_code: string | null
  quantity: number | null
  last_feed_id: string | null
  submitted_at: string | null
  synced_at: string | null
  created_at?: string
  updated_at?: string
}

/** GET /admin/amazon/products/:id/listings adds the store each listing belongs to. */
export type AmazonProductListing = AmazonListing & {
  store_id?: string
  store: { id: string; name: string; status: string } | null
}

export type AmazonListingsQuery = {
  status?: AmazonListingStatus[]
  marketplace_id?: string
  q?: string
  limit: number
  offset: number
}

export type AmazonListingsResponse = {
  amazon_listings: AmazonListing[]
  count: number
  limit: number
  offset: number
}

export type AmazonProductListingsResponse = { amazon_listings: AmazonProductListing[] }

export type SendToAmazonBody = { product_ids?: string[]; variant_ids?: string[] }
export type SendToAmazonResponse = { queued: number; blocked: number }

export type AmazonIssueRow = AmazonListingIssue & {
  listing_id: string
  sku: string
  asin: string | null
  marketplace_id: string
  variant_id: string | null
  product_id: string | null
  listing_status: AmazonListingStatus
}

export type AmazonIssueReport = {
  issues: AmazonIssueRow[]
  counts: Record<string, number>
  errors: number
  warnings: number
}

export type AmazonDryRunField = { field: string; old: unknown; new: unknown }

export type AmazonDryRunChange = {
  change_id: string
  listing_id: string
  variant_id: string | null
  product_id: string | null
  sku: string
  marketplace_id: string
  operation: "update" | "patch"
  held: boolean
  path: "fast_path" | "feed"
  fields: AmazonDryRunField[]
  /** with ?validate=true: Amazon's VALIDATION_PREVIEW of the full listing */
  amazon_validation?: { status: "VALID" | "INVALID" | "NOT_CHECKED"; issues: AmazonListingIssue[] }
}

export type AmazonDryRun = {
  changes: AmazonDryRunChange[]
  counts: { total: number; held: number; fast_path: number; feed: number }
  would_hold: boolean
  /** with ?validate=true: how many listings Amazon checked (at most 20) */
  validated?: number
}

export type ResolveHeldBody = { action: "release" | "discard" }
export type ResolveHeldResponse = { released: number; discarded: number }

/** skipped: another run of the same kind was already under way and did the work (joined_run_id names it) */
export type AmazonSyncRunStatus = "queued" | "running" | "succeeded" | "failed" | "canceled" | "skipped"

export type AmazonSyncRun = {
  id: string
  store_id?: string
  type: string
  trigger: string
  status: AmazonSyncRunStatus
  /** the run already under way that this request joined */
  joined_run_id?: string | null
  /** POST …/sync only: true when the answer is a run that was already under way (nothing new was queued) */
  joined?: boolean
  progress: { done: number; total: number | null }
  eta_seconds: number | null
  counts: Record<string, unknown> | null
  errors: Array<{ code: string; message: string }> | null
  started_at: string | null
  finished_at: string | null
  created_at?: string
}

export type AmazonSyncRunsResponse = { amazon_sync_runs: AmazonSyncRun[]; count: number }
export type AmazonSyncRunResponse = { amazon_sync_run: AmazonSyncRun }
