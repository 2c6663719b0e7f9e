/** Every string of the "Listings in" panel (components/listings-import). */
export const listingsImportStrings = {
  title: "Import listings from Amazon",
  description:
    "Links your Amazon listings to products by the product ID mapping, then by SKU, and creates a product for every SKU this store does not have. Runs daily for marketplaces with “Import listings” on.",
  importNow: "Import listings now",
  importing: "Importing…",
  never: "No import has run yet.",
  lastRun: "Last import",
  progress: (done: number, total: number | null) =>
    total === null ? `${done.toLocaleString()} rows read` : `${done.toLocaleString()} of ${total.toLocaleString()} rows`,
  waiting: "Waiting for Amazon to prepare the report…",
  eta: (seconds: number) => (seconds < 90 ? `about ${Math.max(1, Math.round(seconds))} s left` : `about ${Math.round(seconds / 60)} min left`),
  status: {
    queued: "Queued",
    running: "Running",
    succeeded: "Succeeded",
    failed: "Failed",
    canceled: "Canceled",
    skipped: "Joined the running import",
  } as Record<string, string>,
  counts: {
    linked: "linked",
    created: "created",
    skipped: "skipped",
  },
  /** why rows were skipped, by counts key */
  skipped: {
    skipped_inactive: "inactive (turn on “Include inactive” to import them)",
    skipped_malformed: "unreadable rows",
    skipped_conflict: "variant already listed under another SKU",
    skipped_ambiguous: "product ID shared by several variants",
    skipped_duplicate: "SKU twice in the report",
    skipped_failed: "not saved (the next run retries)",
    skipped_variation_parent: "variation parents (never products; kept with their family's product)",
    skipped_family_unknown: "new SKUs held back: Amazon could not say which belong to a variation family (the next run retries)",
  } as Record<string, string>,
  /** a seller's variation families grouped by the run (counts families_created, family_children) */
  families: (families: number, children: number) =>
    `${children.toLocaleString()} variation ${children === 1 ? "child" : "children"} grouped into products with options` +
    (families ? ` (${families.toLocaleString()} new ${families === 1 ? "product" : "products"})` : ""),
  problems: (count: number) => (count === 1 ? "1 problem" : `${count} problems`),
  moreProblems: (count: number) => `and ${count} more`,
  errorTitle: "The import could not be started",
}
