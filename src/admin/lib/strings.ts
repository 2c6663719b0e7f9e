/**
 * Every string a store owner reads in the Amazon pages, in one place (STYLE §12).
 * Functions take the values they interpolate. Field names the API uses stay in
 * code; what a person reads is here.
 */
import type { AmazonStoreStatus, AttributeSourceType, ProductIdType } from "./types"

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export const strings = {
  common: {
    save: "Save",
    saving: "Saving…",
    cancel: "Cancel",
    delete: "Delete",
    close: "Close",
    optional: "Optional",
    none: "None",
    notYet: "Not yet",
    dash: "–",
    loading: "Loading…",
    yes: "Yes",
    no: "No",
    retry: "Try again",
    allMarketplaces: "All marketplaces",
    saved: "Saved",
  },

  regionName: (region: string) => ({ na: "North America", eu: "Europe", fe: "Far East" })[region] ?? region,

  route: {
    label: "Amazon",
    storeBreadcrumbFallback: "Amazon store",
  },

  status: {
    label: (status: AmazonStoreStatus) =>
      ({
        pending: "Not connected",
        connected: "Connected",
        expired: "Authorization expired",
        revoked: "Access revoked",
        error: "Error",
      })[status] ?? status,
  },

  list: {
    title: "Amazon",
    subtitle: "Sell your Medusa catalog on Amazon and import Amazon orders into Medusa.",
    add: "Add Amazon Store",
    loadError: "The Amazon stores could not be loaded.",
    emptyTitle: "No Amazon store yet",
    emptyIntro: "Connecting an Amazon seller account lets Medusa:",
    emptyPoints: [
      "list your products on Amazon, matched to Amazon's catalog by EAN, UPC, ISBN, ASIN or SKU",
      "keep Amazon's stock and prices in step with Medusa, within Amazon's limits",
      "import Amazon orders into a sales channel and send your tracking numbers back to Amazon",
    ],
    emptyHowLong:
      "It takes about a minute: add the store here, then sign in to Seller Central with the account's primary user and confirm access. You come straight back to this page.",
  },

  card: {
    sellingPartner: "Selling partner",
    notConnected: "Not connected yet",
    authorization: "Authorization",
    lastOrderImport: "Last order import",
    lastFeed: "Last listings feed",
    openIssues: "Open issues",
    noIssues: "None",
    open: (name: string) => `Open ${name}`,
  },

  expiry: {
    reauthorizeWithin: (days: number) =>
      days <= 0 ? "Re-authorize today" : `Re-authorize within ${plural(days, "day", "days")}`,
    expiredAgo: (days: number) => (days === 0 ? "Expired today" : `Expired ${plural(days, "day", "days")} ago`),
    validUntil: (date: string) => `Valid until ${date}`,
  },

  runs: {
    status: (status: string) =>
      ({
        queued: "Queued",
        running: "Running",
        succeeded: "Succeeded",
        failed: "Failed",
        canceled: "Canceled",
        skipped: "Joined a running sync",
        building: "Building",
        uploaded: "Uploaded",
        submitted: "Submitted",
        in_queue: "In Amazon's queue",
        in_progress: "Being processed by Amazon",
        done: "Done",
        fatal: "Rejected by Amazon",
        cancelled: "Cancelled",
      })[status] ?? status,
    countLabel: (key: string) =>
      ({
        created: "created",
        imported: "imported",
        updated: "updated",
        skipped: "skipped",
        failed: "failed",
        skipped_locked: "joined a run already under way",
        held: "held",
        errors: "errors",
        warnings: "warnings",
        messagesProcessed: "processed",
        messagesAccepted: "accepted",
        messagesInvalid: "invalid",
        messages_processed: "processed",
        messages_accepted: "accepted",
        messages_invalid: "invalid",
      })[key] ?? key.replace(/_/g, " "),
    none: "None yet",
  },

  addStore: {
    title: "Add Amazon Store",
    intro:
      "Tell us which Amazon marketplace you sell on and how your products are identified. Next you connect the store by confirming access in Seller Central.",
    salesChannel: "Sales channel",
    salesChannelHint: "Products in this channel are offered on Amazon; Amazon orders are imported into it.",
    newSalesChannel: "Create a new sales channel",
    newSalesChannelHint: (storeName: string) =>
      `A new channel "Amazon – ${storeName || "store name"}" is created. Add the products you want to sell on Amazon to it.`,
    email: "Contact email",
    emailHint: "Where we send authorization reminders and sync problems for this store.",
    name: "Store name",
    nameHint: 'Only shown in Medusa, e.g. "Amazon Germany".',
    marketplace: "Marketplace country",
    marketplaceHint: "Where you registered. Your other marketplaces in its region are added once connected.",
    marketplacePlaceholder: "Choose a marketplace",
    submit: "Add store",
    created: (name: string) => `${name} added. Connect it with Amazon to start.`,
  },

  productId: {
    heading: "Product matching",
    headingHint: "How a Medusa variant is matched to a product in Amazon's catalog.",
    amazonId: "Amazon identifier to match on",
    medusaField: "Medusa variant field that holds it",
    metadataKey: "Metadata key",
    metadataKeyHint: "The variant's metadata key, e.g. gtin. Letters, digits, _ and -.",
    metadataKeyPlaceholder: "gtin",
    typeLabel: (type: ProductIdType) => type,
    typeHint: (type: ProductIdType) =>
      ({
        ASIN: "ASIN: Amazon's own 10-character product ID; listings are linked to it directly.",
        EAN: "EAN: 13-digit barcode; we look up the ASIN in Amazon's catalog.",
        UPC: "UPC: 12-digit barcode used in North America; we look up the ASIN in Amazon's catalog.",
        ISBN: "ISBN: 10- or 13-digit book number; we look up the ASIN in Amazon's catalog.",
        GTIN: "GTIN: 8- to 14-digit trade item number; we look up the ASIN in Amazon's catalog.",
        JAN: "JAN: Japan's 13-digit barcode (45…/49…); we look up the ASIN in Amazon's catalog.",
        SKU: "SKU: your seller SKU; matches offers you already have on Amazon under the same SKU.",
      })[type],
    sourceLabel: (source: string) =>
      ({ sku: "SKU", barcode: "Barcode", ean: "EAN", upc: "UPC", isbn: "ISBN", metadata: "Metadata key" })[source] ??
      source,
    sourceHint: (source: string) =>
      ({
        sku: "The variant's SKU field.",
        barcode: "The variant's Barcode field.",
        ean: "The variant's EAN field.",
        upc: "The variant's UPC field.",
        isbn: "The variant's ISBN field (stored in Barcode-type fields by some imports; check a variant first).",
        metadata: "A value stored in the variant's metadata, under the key you enter.",
      })[source] ?? "",
    summary: (type: string, attribute: string) => {
      const source = attribute.startsWith("metadata.")
        ? `metadata "${attribute.slice("metadata.".length)}"`
        : (({ sku: "SKU", barcode: "Barcode", ean: "EAN", upc: "UPC", isbn: "ISBN" }) as Record<string, string>)[
            attribute
          ] ?? attribute
      return `${type} ← ${source}`
    },
  },

  validation: {
    required: "Required",
    email: "Enter an email address, e.g. seller@example.com",
    chooseMarketplace: "Choose the marketplace you sell on",
    chooseSalesChannel: "Choose a sales channel",
    metadataKey: "Use 1–64 letters, digits, _ or -",
    integer: "Enter a whole number",
    min: (n: number) => `At least ${n}`,
    max: (n: number) => `At most ${n}`,
    between: (a: number, b: number) => `Between ${a} and ${b}`,
    chooseCategory: "Choose a category",
    chooseProductType: "Search and pick an Amazon product type",
    value: "Enter a value",
  },

  store: {
    loadError: "This Amazon store could not be loaded.",
    back: "Back to Amazon stores",
    connect: "Connect with Amazon",
    reauthorize: "Re-authorize",
    connecting: "Opening Seller Central…",
    haveToken: "I have a refresh token",
    actions: "Store actions",
    delete: "Delete store",
    deleteTitle: (name: string) => `Delete ${name}?`,
    deleteDescription:
      "The store is disconnected and its settings and mappings are deleted. Listings stay on Amazon and imported orders stay in Medusa. This cannot be undone.",
    deleteVerify: "Type the store name to confirm",
    deleted: (name: string) => `${name} deleted`,
    homeMarketplace: "Marketplace",
    sellingPartnerId: "Selling partner ID",
    authorization: "Authorization",
    authorizedAt: (date: string) => `Authorized ${date}`,
    statusMessage: "Status details",
    salesChannel: "Sales channel",
    productMatching: "Product matching",
    nextStepTitle: "Next step: connect",
    nextStep: (domain: string) =>
      `Click "Connect with Amazon". You sign in to Seller Central${domain ? ` (${domain})` : ""} with the account's primary user and confirm access; Amazon sends you straight back here. Private apps can paste a refresh token instead.`,
    connectedToast: "Connected to Amazon",
    connectedToastDescription: (n: number) =>
      `Amazon confirmed access. ${plural(n, "marketplace", "marketplaces")} of this account ${n === 1 ? "is" : "are"} listed below; choose where to sell.`,
    connectErrorTitle: "Amazon did not connect this store",
    /** ?connect_error=<code> from the consent callback; an unknown code shows errors.unknown, never the link's text */
    connectErrors: {
      declined: "Amazon did not send an authorization code back (the consent was declined or interrupted). Click Connect to try again.",
      invalid_seller: "Amazon sent back a seller id that is not a merchant token, so nothing was connected.",
      seller_changed:
        "This store is connected to another Amazon seller account than the one that just gave consent. Nothing was changed. To switch this store to the new account (its listings are forgotten and imported again from it), click Replace seller account; to sell with both accounts, add another store.",
      seller_taken: "This seller account is already connected as another store in this region; one account can be connected once per region, or every order would be imported twice.",
      exchange_failed: "Amazon did not accept the authorization code (it works once and expires after 5 minutes). Click Connect to try again.",
      verification_failed: "Amazon gave an authorization, but refused it when asked which marketplaces the seller sells in. Click Connect to try again.",
      not_configured: "MEDUSA_BACKEND_URL is not set on the server, so there is no redirect address Amazon may send the code to. Set it to this backend's public https URL.",
      failed: "The connection could not be completed. Click Connect to try again.",
    } as Record<string, string>,
    connectErrorReason: (reason: string) => `Amazon's error code: ${reason}`,
    replaceSeller: "Replace seller account",
    connectErrorHint:
      "Click Connect with Amazon to try again. Sign in with the seller account's primary user, and pick the account that sells on this store's marketplace.",
    authorizeErrorTitle: "Could not open Seller Central",
  },

  credentials: {
    title: "Connect with a refresh token",
    intro:
      "For private SP-API apps: paste the refresh token Seller Central showed when you authorized the app. We check it with Amazon before saving it; it is stored encrypted and never shown again.",
    sellingPartnerId: "Selling partner ID",
    sellingPartnerIdHint: "Seller Central → Settings → Account Info → Merchant Token, e.g. A2EXAMPLE1234.",
    refreshToken: "Refresh token",
    refreshTokenHint: 'Starts with "Atzr|".',
    submit: "Verify and connect",
    rejectedTitle: "Amazon did not accept this token",
    rejectedHint:
      "Check that the token belongs to this app and region; generate a new one under Seller Central → Develop Apps → Authorize.",
    connected: "Refresh token verified. The store is connected.",
  },

  health: {
    expiringTitle: (days: number) => strings.expiry.reauthorizeWithin(days),
    expiring: (date: string) =>
      `Amazon requires sellers to renew an app's access every year. After ${date} Amazon stops accepting this store's authorization and sync pauses until you re-authorize. It takes a minute.`,
    expiredTitle: "The authorization for this store has expired",
    expired:
      "Amazon no longer accepts this store's authorization, so sync for this store is paused: no listings, stock, prices or orders move until you re-authorize.",
    revokedTitle: "Access to this store was revoked in Seller Central",
    revoked:
      "Amazon refuses this store's authorization, so sync for this store is paused: no listings, stock, prices or orders move until you re-authorize.",
    errorTitle: "Amazon reported a problem with this store",
    error: "Re-authorizing fixes problems with access; other problems are described in the status details below.",
    reason: (message: string) => `Amazon said: ${message}`,
  },

  marketplaces: {
    title: "Marketplaces",
    subtitle: "Choose where you sell and what moves between Medusa and each marketplace.",
    notConnectedTip: (regionName: string) =>
      `Only the home marketplace is listed until the store is connected. Connecting adds the account's other marketplaces in ${regionName}.`,
    empty: "No marketplaces yet. Connect the store to list the marketplaces of your account.",
    marketplace: "Marketplace",
    currency: "Currency",
    home: "Home",
    notParticipating: "Not participating",
    suspended: "Listings suspended",
    enabled: "Sell here",
    listingsExport: "Export listings",
    listingsImport: "Import listings",
    includeInactive: "Include inactive",
    ordersImport: "Import orders",
    region: "Medusa region",
    regionAuto: "By currency (automatic)",
    regionPlaceholder: "Choose a region",
    currencyMismatch: (regionCurrency: string, marketplaceCurrency: string) =>
      `This region's currency is ${regionCurrency.toUpperCase()}, but Amazon sells here in ${marketplaceCurrency.toUpperCase()}. Choose a ${marketplaceCurrency.toUpperCase()} region so imported orders and their taxes match.`,
    updated: (label: string, marketplace: string, on: boolean | null) =>
      on === null ? `${label} updated for ${marketplace}` : `${label} ${on ? "on" : "off"} for ${marketplace}`,
    updateError: (marketplace: string) => `Could not update ${marketplace}`,
    switchAria: (label: string, marketplace: string) => `${label} – ${marketplace}`,
  },

  settings: {
    title: "Settings",
    subtitle: "How orders come in and listings go out for this store.",
    storeGroup: "Store",
    ordersGroup: "Orders",
    listingsGroup: "Listings",
    orderStatus: "Imported orders' status",
    orderStatusHint: "Status of a Medusa order created from an Amazon order.",
    orderStatusLabel: (status: string) => ({ pending: "Pending", completed: "Completed" })[status] ?? status,
    shippingOption: "Shipping option",
    shippingOptionHint: "The shipping method recorded on imported orders.",
    shippingCustom: "Amazon's shipping service name (custom line)",
    paymentProvider: "Payment provider",
    paymentProviderLabel: (id: string) => (id === "pp_system_default" ? "System default (manual)" : id),
    paymentProviderHint: "Amazon collects the payment; imported orders record it as captured by this provider.",
    confirmShipmentOn: "Confirm shipment on Amazon when",
    confirmShipmentOnLabel: (value: string) =>
      ({ shipment_created: "a shipment is created in Medusa", delivered: "the order is marked delivered" })[value] ??
      value,
    afnOrders: "Fulfilled by Amazon (FBA) orders",
    afnOrdersLabel: (value: string) =>
      ({ import_fulfilled: "Import them as fulfilled", skip: "Don't import them" })[value] ?? value,
    afnOrdersHint: "FBA orders are shipped from Amazon's warehouses; importing them keeps your sales in one place.",
    interval: "Order import interval (minutes)",
    intervalHint: "How often Amazon is asked for new and changed orders. At least 5.",
    stockBuffer: "Stock buffer",
    stockBufferHint: "Units held back from Amazon per variant, so a sale elsewhere cannot oversell on Amazon.",
    fastPath: "Fast path",
    fastPathHint: "Send price and stock changes instantly per SKU instead of in the next feed.",
    handlingTime: "Handling time (days)",
    handlingTimeHint: "Days you need to ship an order; Amazon shows buyers the delivery date from it. 1–30.",
    publishImported: "Publish imported products",
    publishImportedHint: "Products created from Amazon listings are published right away instead of saved as drafts.",
    importWeight: "Import package weight",
    importWeightHint: "Copy the package weight from Amazon's catalog into variants that have none.",
    saved: "Settings saved",
    noShippingOptions: "No shipping options yet: imported orders get a custom shipping line.",
  },

  categoryMappings: {
    title: "Category → Amazon product type",
    subtitle:
      "Products that need a new Amazon listing are described with the product type of their category. A marketplace-specific row wins over an all-marketplaces row.",
    category: "Medusa category",
    categoryPlaceholder: "Choose a category",
    marketplace: "Marketplace",
    productType: "Amazon product type",
    add: "Save mapping",
    empty: "No category is mapped yet.",
    noCategories: "There are no product categories in Medusa yet. Create them under Products → Categories.",
    saved: "Category mapping saved",
    deleted: "Category mapping deleted",
    deleteAria: (category: string) => `Delete mapping of ${category}`,
    unknownCategory: (id: string) => `Deleted category (${id})`,
  },

  productTypePicker: {
    placeholder: "Search Amazon product types, e.g. shirt",
    searching: "Searching Amazon…",
    noResults: (keywords: string) => `Amazon has no product type for "${keywords}". Try a broader word.`,
    typeMore: "Type at least 2 letters",
    selected: "Selected",
    change: "Change",
  },

  attributeMappings: {
    title: "Attribute mapping",
    subtitle:
      "Where each Amazon attribute of a product type gets its value. Required attributes come first; a listing is only sent when they are all mapped.",
    productType: "Product type",
    mappedProductTypes: "From your category mappings",
    marketplace: "Marketplace",
    pickFirst: "Pick a product type to see its attributes.",
    loadingDefinition: "Loading Amazon's definition of this product type…",
    required: "required",
    mapped: "Mapped",
    notMapped: "Not mapped",
    requiredSummary: (mapped: number, total: number) => `${mapped} of ${total} required attributes mapped`,
    filter: "Filter attributes",
    showAll: (n: number) => `Show all ${n} attributes`,
    showRequired: "Show required and mapped only",
    attribute: "Amazon attribute",
    source: "Source",
    value: "Value",
    sourceAria: (attribute: string) => `Source – ${attribute}`,
    valueAria: (attribute: string) => `Value – ${attribute}`,
    sourceLabel: (type: AttributeSourceType) =>
      ({ field: "Field", option: "Option", metadata: "Metadata key", constant: "Constant" })[type],
    valuePlaceholder: (type: AttributeSourceType) =>
      ({ field: "Choose a field", option: "Option title, e.g. Size", metadata: "Metadata key, e.g. brand", constant: "Fixed value" })[
        type
      ],
    fieldLabel: (field: string) =>
      ({
        title: "Title",
        subtitle: "Subtitle",
        description: "Description",
        material: "Material",
        weight: "Weight",
        length: "Length",
        height: "Height",
        width: "Width",
        origin_country: "Country of origin",
        hs_code: "HS code",
        mid_code: "MID code",
        sku: "SKU",
        barcode: "Barcode",
        ean: "EAN",
        upc: "UPC",
      })[field] ?? field,
    save: "Save",
    saved: (attribute: string) => `${attribute} mapped`,
    deleted: (attribute: string) => `Mapping of ${attribute} deleted`,
    deleteAria: (attribute: string) => `Delete mapping of ${attribute}`,
    noAttributes: "No attribute matches the filter.",
  },

  errors: {
    network: "Medusa did not answer.",
    networkHint: "Check that the Medusa server is running and that you are online, then try again.",
    unauthorized: "Your admin session has ended.",
    unauthorizedHint: "Log in again, then repeat what you were doing.",
    forbidden: "Your user is not allowed to do this.",
    forbiddenHint: "Ask an owner of this Medusa store for access.",
    notFound: "Not found.",
    notFoundHint: "It may have been deleted, or this server does not have this feature yet. Reload the page.",
    invalid: "Medusa did not accept the request.",
    invalidHint: "Check the values you entered and try again.",
    conflict: "This changed in the meantime.",
    conflictHint: "Reload the page and try again.",
    server: "Medusa could not finish the request.",
    serverHint: "Try again in a minute. If it keeps happening, the server log has the details.",
    unknown: "Something went wrong.",
    unknownHint: "Try again. If it keeps happening, reload the page.",
  },
}
