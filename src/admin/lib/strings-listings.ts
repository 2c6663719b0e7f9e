/**
 * Every string of listings out: the listings page (table, error report, next
 * send, sync runs), the product widgets and the store page's summary (STYLE §12).
 * Functions take the values they interpolate.
 */
import type { AmazonListingStatus } from "./types-listings"

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`

export const listingsStrings = {
  route: {
    breadcrumb: "Listings",
  },

  page: {
    title: "Listings",
    subtitle: (store: string) => `What Medusa sends to ${store}, what Amazon said, and what to fix.`,
    back: "Back to the store",
    loadError: "The listings could not be loaded.",
    tabs: {
      listings: "Listings",
      issues: "Error report",
      dryRun: "Next send",
      runs: "Sync runs",
    },
  },

  status: {
    label: (status: AmazonListingStatus | string) =>
      ({
        draft: "Not sent",
        pending: "Queued",
        submitted: "Submitted",
        accepted: "Accepted",
        active: "Active",
        inactive: "Inactive",
        incomplete: "Incomplete",
        suppressed: "Suppressed",
        error: "Needs fixing",
        deleted: "Removed",
      })[status] ?? status,
    /** one line under the badge in the details drawer */
    explain: (status: AmazonListingStatus | string) =>
      ({
        draft: "Not sent to Amazon yet: it has no stock to offer or is not published in the store's sales channel.",
        pending: "Waiting to be sent with the next send (within a minute, or click Send now).",
        submitted: "Sent in a feed; Amazon is processing it. The result is read back on the next send.",
        accepted: "Amazon took the submission but does not show the offer yet; its status is read again within the hour.",
        active: "Amazon shows the offer for sale (buyable).",
        inactive: "Amazon has the offer but with no stock, so buyers cannot order it.",
        incomplete: "Amazon has the offer but does not show it for sale: something below is missing or wrong.",
        suppressed: "Amazon took the offer off sale (suppressed) until the problem below is fixed.",
        error: "Cannot be sent until the problems below are fixed.",
        deleted: "Withdrawn from Amazon.",
      })[status] ?? "",
  },

  filters: {
    all: "All",
    active: "Active",
    inProgress: "Pending / submitted",
    error: "Errors",
    inactive: "Inactive",
    draft: "Not sent",
    marketplace: "Marketplace",
    allMarketplaces: "All marketplaces",
    search: "Search SKU or ASIN",
    statusAria: "Listing status",
  },

  table: {
    sku: "SKU",
    marketplace: "Marketplace",
    asin: "ASIN",
    status: "Status",
    price: "Price",
    quantity: "Quantity",
    synced: "Last sync",
    issues: "Issues",
    noIssues: "None",
    emptyTitle: "No listings yet",
    emptyDescription:
      "Open a product and click Send to Amazon, or use Send to Amazon above the product list. Listings appear here as soon as they are computed.",
    filteredTitle: "No listing matches",
    filteredDescription: "Try another status, marketplace or search.",
    openProduct: (sku: string) => `Open the product of ${sku}`,
    openOnAmazon: (asin: string, domain: string) => `Open ${asin} on ${domain}`,
    unknownProduct: "Product not in Medusa",
    pagination: {
      of: "of",
      results: "results",
      pages: "pages",
      prev: "Prev",
      next: "Next",
    },
  },

  drawer: {
    title: (sku: string) => `Listing ${sku}`,
    sent: "What Amazon has",
    said: "What Amazon said",
    fix: "What to fix",
    noIssues: "No problems: nothing to fix.",
    marketplace: "Marketplace",
    asin: "ASIN",
    productType: "Amazon product type",
    price: "Price",
    quantity: "Quantity",
    submitted: "Last sent",
    synced: "Last confirmed by Amazon",
    feed: "Last feed",
    openProduct: "Open product",
    openOnAmazon: "View on Amazon",
    sendAgain: "Send again",
  },

  asinChoice: {
    heading: "Which of these is the product? Amazon's catalog has several for its barcode.",
    choose: "Offer on this ASIN",
    chosen: (asin: string) => `The offer will be sent on ${asin}.`,
    error: "The ASIN could not be set",
  },

  issues: {
    source: (source: string) => (source === "amazon" ? "Amazon" : "Medusa"),
    severity: (severity: string) => (severity === "error" ? "Error" : "Warning"),
    field: (field: string) => {
      if (field.startsWith("amazon:")) return `Amazon attribute “${field.slice(7)}”`
      if (field.startsWith("metadata.")) return `Metadata “${field.slice(9)}”`
      return (
        ({
          sku: "SKU",
          barcode: "Barcode",
          ean: "EAN",
          upc: "UPC",
          isbn: "ISBN",
          prices: "Prices",
          manage_inventory: "Manage inventory",
          inventory: "Stock",
        }) as Record<string, string>
      )[field] ?? field
    },
    fieldLabel: "Field to fix",
    fixIn: (where: string) => `Fix in ${where}`,
    where: {
      variant: "variant",
      prices: "prices",
      stock: "stock",
      metadata: "metadata",
      product: "product",
      mapping: "attribute mapping",
    },
    /** a readable title per issue code; Amazon's numeric codes get their number */
    title: (code: string) =>
      ({
        no_sku: "No SKU",
        no_product_id: "No barcode (product ID)",
        invalid_product_id: "Invalid barcode",
        no_price: "No price in the marketplace currency",
        no_asin: "Not found in Amazon's catalog",
        zero_stock: "No stock to offer",
        stock_not_managed: "Inventory not managed",
      })[code] ?? `Amazon: ${code}`,
    /** what the group means and how to clear it */
    help: (code: string) =>
      ({
        no_sku: "Amazon identifies offers by SKU. Give every variant a SKU.",
        no_product_id:
          "Amazon matches your variants to its catalog by the identifier set under Product matching. Add it to the variants (for EAN: Barcode), or change what the store matches on.",
        invalid_product_id: "The identifier has the wrong length or check digit. Correct it on the variant.",
        no_price:
          "The variant has no price in the marketplace's currency. Add one, or link the marketplace to a region with that currency.",
        no_asin:
          "Amazon's catalog has no item with this identifier. Check the barcode, or map an Amazon product type so a new item can be created.",
        zero_stock: "Nothing is sold while stock is 0. Add stock or lower the store's stock buffer.",
        stock_not_managed: "Medusa sends 0 for variants that do not manage inventory. Turn on Manage inventory.",
      })[code] ?? "Amazon rejected these listings. The message says what Amazon needs; most are fixed by an attribute mapping.",
  },

  report: {
    title: "Error report",
    subtitle: "Every problem that keeps a listing off Amazon or limits it, grouped by kind, with the field to fix.",
    summary: (errors: number, warnings: number) =>
      `${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}`,
    empty: "No problems: every listing Medusa sent or computed is fine.",
    loadError: "The error report could not be loaded.",
    sku: "SKU",
    message: "Message",
    field: "Field",
    fix: "Fix",
    group: (n: number) => plural(n, "listing", "listings"),
    showAll: (n: number) => `Show all ${n}`,
    showLess: "Show fewer",
  },

  dryRun: {
    title: "Next send",
    subtitle: "Exactly what the next send changes on Amazon, per listing: old → new. Nothing is sent from here.",
    empty: "Nothing waiting: Amazon already has what Medusa would send.",
    loadError: "The next send could not be computed.",
    summary: (total: number, fastPath: number, feed: number, held: number) =>
      [
        plural(total, "change", "changes"),
        fastPath ? `${fastPath.toLocaleString()} instantly` : null,
        feed ? `${feed.toLocaleString()} in a feed` : null,
        held ? `${held.toLocaleString()} held` : null,
      ]
        .filter(Boolean)
        .join(" · "),
    sku: "SKU",
    changes: "Changes",
    path: "How",
    pathLabel: (path: string) => ({ fast_path: "Instantly", feed: "Feed" })[path] ?? path,
    pathHint: (path: string) =>
      ({
        fast_path: "A small price or stock change, sent per SKU within seconds.",
        feed: "Sent in a listings feed; Amazon takes a few minutes.",
      })[path] ?? "",
    operation: (operation: string) => ({ update: "Full offer", patch: "Price/stock" })[operation] ?? operation,
    held: "Held",
    newListing: "New on Amazon",
    noFieldChange: "Resend (nothing changed)",
    validate: "Check with Amazon",
    validateHint: "Amazon validates the full listings of the next send (up to 20) without taking them.",
    validated: (n: number) => (n ? `Amazon checked ${plural(n, "listing", "listings")}.` : "No full listings to check: price and stock changes are not validated."),
    valid: "Amazon: valid",
    invalid: (n: number) => `Amazon: ${plural(n, "problem", "problems")}`,
    validateError: "Amazon could not check the listings",
    field: (field: string) =>
      ({
        asin: "ASIN",
        product_type: "Product type",
        price: "Price",
        quantity: "Quantity",
        handling_days: "Handling time",
        package_weight_kg: "Package weight",
        identifier: "Product ID",
        withdrawn: "On sale",
      })[field] ?? field,
    days: (n: number) => plural(n, "day", "days"),
    kg: (n: number) => `${n} kg`,
    onSale: (withdrawn: boolean) => (withdrawn ? "Withdrawn" : "Offered"),
    holdTitle: "Stock changes are held for you",
    holdBody: (held: number) =>
      `${plural(held, "change", "changes")} would take most of this store's Amazon stock to 0 at once. That usually means a broken stock read (a location unlinked, an import gone wrong), so nothing was sent. Confirm them if the stock really is gone, or discard them.`,
    wouldHoldTitle: "The next send will be held",
    wouldHoldBody:
      "These changes take most of this store's Amazon stock to 0 at once, so the next send holds them for you to confirm. Check your stock locations before confirming.",
    release: "Confirm held changes",
    discard: "Discard",
    releaseTitle: "Send the held stock changes to Amazon?",
    releaseDescription: (held: number) =>
      `${plural(held, "listing", "listings")} go to 0 on Amazon, and buyers can no longer order them until stock comes back.`,
    discardTitle: "Discard the held changes?",
    discardDescription:
      "Amazon keeps the stock it has now. The next change of these variants in Medusa is computed afresh.",
    released: (n: number) => `${plural(n, "change", "changes")} released; they go out with the next send`,
    discarded: (n: number) => `${plural(n, "change", "changes")} discarded`,
    resolveError: "The held changes could not be updated",
  },

  runs: {
    title: "Sync runs",
    subtitle: "The last sends of listings to Amazon, and the feeds read back.",
    sendNow: "Send now",
    sending: "Sending…",
    sendNowHint: "Sends queued changes and reads back Amazon's results now instead of within the minute.",
    started: "Send started",
    startError: "The send could not be started",
    empty: "No send yet. Changes go out within a minute of being queued, or click Send now.",
    loadError: "The sync runs could not be loaded.",
    status: (status: string) =>
      ({ queued: "Queued", running: "Running", succeeded: "Succeeded", failed: "Failed", canceled: "Canceled", skipped: "Joined" })[status] ??
      status,
    /** a "Send now" (or a scheduled send) that met a send already under way: that send took it */
    joined: "A send was already running; it took this request and sends what is queued. Nothing went wrong.",
    joinedStarted: "A send is already running",
    joinedHint: "Following that send: it picks up everything queued while it runs.",
    trigger: (trigger: string) =>
      ({ manual: "Send now", schedule: "Every minute", event: "After a change" })[trigger] ?? trigger,
    started_at: "Started",
    result: "Result",
    progress: (done: number, total: number | null) =>
      total ? `${done.toLocaleString()} of ${total.toLocaleString()}` : `${done.toLocaleString()} done`,
    eta: (seconds: number) =>
      seconds < 90 ? `about ${Math.max(1, Math.round(seconds))} s left` : `about ${Math.round(seconds / 60)} min left`,
    waiting: "Waiting to start…",
    stale: "Did not start: another send was running at the time. Its changes go out with the next send (every minute), or click Send now again.",
    nothing: "Nothing to send",
    countLabel: (key: string) =>
      ({
        accepted_fast_path: "sent instantly",
        sent_in_feeds: "sent in feeds",
        feeds: "feeds",
        asin_lookups: "ASIN lookups",
        asins_found: "ASINs found",
        deferred_feed_quota: "waiting for Amazon's feed quota",
        held: "held",
        rejected: "rejected",
        accepted: "accepted",
      })[key] ?? key.replace(/_/g, " "),
    showIdle: (n: number) => `Show ${n} scheduled ${n === 1 ? "run" : "runs"} with nothing to send`,
    hideIdle: "Hide runs with nothing to send",
    withErrors: "Finished with errors",
    repeated: (message: string, times: number) => `${message} (${times}×)`,
  },

  summary: {
    title: "Listings",
    subtitle: "Your products on Amazon through this store.",
    open: "Open listings",
    orders: "Amazon orders",
    rules: "Listing & pricing rules",
    counts: {
      active: "Active",
      inProgress: "Pending / submitted",
      error: "Need fixing",
      inactive: "Inactive",
      draft: "Not sent",
    },
    total: (n: number) => plural(n, "listing", "listings"),
    none: "Nothing sent yet. Open a product and click Send to Amazon.",
    loadError: "The listing counts could not be loaded.",
  },

  send: {
    button: "Send to Amazon",
    queued: (queued: number, blocked: number) =>
      blocked ? `Queued ${queued.toLocaleString()}, ${blocked.toLocaleString()} blocked (see issues)` : `Queued ${queued.toLocaleString()}`,
    queuedDescription: (store: string) => `They go to ${store} within a minute.`,
    nothingQueued: "Nothing was queued",
    nothingQueuedDescription:
      "Medusa found no variant to send: check that the products are published and in the store's sales channel.",
    error: "Could not send to Amazon",
  },

  productWidget: {
    title: "Amazon",
    subtitle: "How this product's variants are listed on Amazon.",
    noStoreTitle: "No Amazon store connected",
    noStore: "Connect an Amazon seller account to list this product on Amazon.",
    openSettings: "Open Settings → Amazon",
    notListed: "Not listed yet: Send to Amazon.",
    notInChannel:
      "Not in this store's sales channel, so it cannot be listed here. Add the product to that channel in its Sales channels section.",
    loadError: "The Amazon listings of this product could not be loaded.",
    variant: "Variant",
    status: "Status",
    asin: "ASIN",
    sent: "Price · qty",
    issues: "Issues",
    storeNotConnected: "Not connected: listings are paused until the store is re-authorized.",
  },

  listWidget: {
    hint: "List products on Amazon: pick them, pick a store, send.",
    button: "Send to Amazon",
    title: "Send products to Amazon",
    description:
      "Medusa computes each variant's offer (ASIN from the barcode, price, stock) and queues it. Variants with a problem are blocked and listed in the store's error report.",
    store: "Amazon store",
    storePlaceholder: "Choose a store",
    search: "Search products",
    allInChannel: "Select all products in this store's sales channel",
    allInChannelHint: (channel: string) => `Every product in “${channel}”, also those not on this page.`,
    allSelected: (channel: string) => `All products in “${channel}” will be sent`,
    inChannel: (channel: string) => `Products in “${channel}”, the store's sales channel`,
    noChannel: "This store has no sales channel; pick products instead.",
    selected: (n: number) => plural(n, "product selected", "products selected"),
    send: (n: number | null) => (n === null ? "Send all" : `Send ${n.toLocaleString()}`),
    product: "Product",
    status: "Status",
    productStatus: (status: string) =>
      ({ published: "Published", draft: "Draft", proposed: "Proposed", rejected: "Rejected" })[status] ?? status,
    empty: "No products match.",
    chooseStore: "Choose a store",
    chooseProducts: "Select at least one product",
    progress: (done: number, total: number) => `Sending ${done.toLocaleString()} of ${total.toLocaleString()}…`,
  },
}
