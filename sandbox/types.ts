import { Region } from "./marketplaces"

export type { Region }

export interface SandboxOptions {
  /** 0 = a random free port (default). */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Speed-up of Amazon's time (quota refill, feed/report processing). Default env SANDBOX_TIME_SCALE or 1. */
  timeScale?: number
  /** "demo" (default) seeds sellers, catalog, listings and orders; "empty" only the LWA app. */
  seed?: "demo" | "empty"
  /** Validate requests against Amazon's models. Default: true when NODE_ENV === "test". */
  validateRequests?: boolean
  /** Also check the sandbox's own responses against the models (used by the sandbox's tests). */
  validateResponses?: boolean
  /** Answer 400 (Amazon-style) to requests that fail validation instead of only recording them. */
  rejectInvalid?: boolean
  /** LWA access-token lifetime in real seconds. Default 3600. */
  accessTokenTtlSeconds?: number
  /** Where the consent page sends the seller back. Default env SANDBOX_REDIRECT_URI or the dev admin callback. */
  defaultRedirectUri?: string
  /** Seed of the PRNG behind fault probabilities, generated data and occasional warnings. Default 1. */
  randomSeed?: number
  /** Simulated seconds a feed spends IN_QUEUE and IN_PROGRESS. Default { queue: 30, progress: 60 }. */
  feedProcessingSeconds?: { queue: number; progress: number }
  /** Simulated seconds a report spends IN_QUEUE and IN_PROGRESS. Default { queue: 20, progress: 40 }. */
  reportProcessingSeconds?: { queue: number; progress: number }
  /** Injectable wall clock (ms since epoch). Default Date.now. */
  now?: () => number
  /** Override of the Amazon models folder (default env AMAZON_SP_API_MODELS_DIR or ../../shared/amazon-sp-api). */
  modelsDir?: string
  /** One line per notable event. Default: silent. */
  logger?: (line: string) => void
}

export type ResolvedOptions = Required<Omit<SandboxOptions, "modelsDir" | "port" | "host">> & {
  modelsDir?: string
}

export type IdentifierType = "ASIN" | "EAN" | "GTIN" | "ISBN" | "JAN" | "MINSAN" | "SKU" | "UPC"

export interface LwaApp {
  clientId: string
  clientSecret: string
  applicationId: string
  name: string
}

export interface Seller {
  sellerId: string
  name: string
  storeName: string
  region: Region
  marketplaceIds: string[]
}

export interface RefreshTokenRecord {
  token: string
  sellerId: string
  clientId: string
  revoked: boolean
  createdAt: number
}

export interface AccessTokenRecord {
  token: string
  clientId: string
  /** Absent for grantless (client_credentials) tokens. */
  sellerId?: string
  refreshToken?: string
  expiresAt: number
  revoked: boolean
}

export interface AuthorizationCode {
  code: string
  sellerId: string
  applicationId: string
  redirectUri: string
  expiresAt: number
  used: boolean
}

export interface Dimension {
  unit: string
  value: number
}

export interface Dimensions {
  height?: Dimension
  length?: Dimension
  width?: Dimension
  weight?: Dimension
}

export interface CatalogItem {
  asin: string
  /** Marketplaces the ASIN exists in; absent = every marketplace. */
  marketplaceIds?: string[]
  identifiers: Partial<Record<"EAN" | "UPC" | "ISBN" | "GTIN" | "JAN", string[]>>
  title: string
  brand: string
  productType: string
  manufacturer?: string
  color?: string
  size?: string
  dimensions?: { item?: Dimensions; package?: Dimensions }
  imageUrl?: string
  classification?: { displayName: string; classificationId: string }
}

export interface ListingIssue {
  code: string
  message: string
  severity: "ERROR" | "WARNING" | "INFO"
  attributeNames?: string[]
  categories: string[]
  /** Amazon's enforcement on the listing (listings model IssueEnforcements): LISTING_SUPPRESSED takes it off sale */
  enforcements?: { actions: { action: string }[]; exemption: { status: "EXEMPT" | "EXEMPT_UNTIL_EXPIRY_DATE" | "NOT_EXEMPT" } }
}

export type ListingStatus = "Active" | "Inactive" | "Incomplete"

export interface Listing {
  sellerId: string
  marketplaceId: string
  sku: string
  asin?: string
  productType: string
  itemName: string
  description?: string
  /** Price with tax in the marketplace currency. */
  price?: number
  currency: string
  /** Merchant-fulfilled quantity; undefined for FBA listings. */
  quantity?: number
  /** "DEFAULT" (merchant) or "AMAZON_EU" / "AMAZON_NA" / "AMAZON_JP" (FBA). */
  fulfillmentChannel: string
  conditionType: string
  status: ListingStatus
  /** Listing attributes as last submitted (Amazon's product-type attribute shape). */
  attributes: Record<string, unknown[]>
  issues: ListingIssue[]
  /** The barcode the listing was created with, for the report's product-id columns. */
  productId?: { type: "ASIN" | "EAN" | "UPC" | "ISBN" | "GTIN" | "JAN"; value: string }
  listingId: string
  createdAt: number
  updatedAt: number
}

/**
 * One accepted listing submission as it changed the seller's data: every attribute whose value moved
 * (before → after, undefined = absent), so a test can assert "nothing changed except X".
 */
export interface ListingHistoryEntry {
  at: number
  sellerId: string
  marketplaceId: string
  sku: string
  operationType: string
  /** created: the SKU did not exist; deleted: it no longer does */
  kind: "created" | "changed" | "deleted"
  changes: Record<string, { before: unknown[] | undefined; after: unknown[] | undefined }>
  /** the fulfillment channel before and after ("DEFAULT", "AMAZON_EU" …) */
  fulfillmentChannel: { before: string | undefined; after: string | undefined }
  /** other SKUs of the same seller on the same ASIN in this marketplace after the change (a duplicate offer) */
  sameAsinSkus: string[]
}

/** Orders API 2026-01-01 FulfillmentStatus values. */
export type FulfillmentStatus =
  | "PENDING_AVAILABILITY"
  | "PENDING"
  | "UNSHIPPED"
  | "PARTIALLY_SHIPPED"
  | "SHIPPED"
  | "CANCELLED"
  | "UNFULFILLABLE"

export interface OrderItemRecord {
  orderItemId: string
  sku: string
  asin: string
  title: string
  quantityOrdered: number
  quantityShipped: number
  /** Unit price as the marketplace shows it: with VAT, or before sales tax in the US and Canada (order-money.ts). */
  unitPrice: number
  currency: string
  /** The line's ITEM amount when a quantity price (B2B tier) makes it differ from unitPrice × quantity. */
  itemPrice?: number
  /** Shipping charged for this line, gift wrap, cash-on-delivery fee (JP), as the marketplace shows prices. */
  shippingPrice?: number
  giftWrapPrice?: number
  codFee?: number
  /** A promotion: its id and what it takes off the item and its shipping. */
  promotion?: { id: string; itemDiscount?: number; shippingDiscount?: number }
  /** Tax rate in percent (default: the marketplace's standard rate, 0 in the US). */
  taxRate?: number
  /** MARKETPLACE_FACILITATOR: Amazon collects and remits the tax (TAX dataset). */
  taxCollection?: string
  /** Who canceled units of this line (a partial cancellation lowers quantityOrdered; a canceled line has 0). */
  cancelledBy?: "BUYER" | "MERCHANT" | "AMAZON"
  cancelReason?: string
}

export interface Address {
  name: string
  addressLine1: string
  addressLine2?: string
  city: string
  postalCode: string
  stateOrRegion?: string
  countryCode: string
  phone?: string
}

export interface PackageRecord {
  packageReferenceId: string
  carrierCode: string
  carrierName?: string
  shippingMethod?: string
  trackingNumber: string
  shipDate: string
  createdAt: number
  items: { orderItemId: string; quantity: number }[]
}

export interface OrderRecord {
  orderId: string
  sellerId: string
  marketplaceId: string
  status: FulfillmentStatus
  fulfilledBy: "MERCHANT" | "AMAZON"
  serviceLevel: string
  createdAt: number
  lastUpdatedAt: number
  /** A PENDING order becomes UNSHIPPED (MERCHANT) or SHIPPED (AMAZON) at this time, if set. */
  pendingUntil?: number
  buyer: { name: string; email: string }
  shippingAddress: Address
  items: OrderItemRecord[]
  packages: PackageRecord[]
  cancelReason?: string
  /** `salesChannel.channelName`: NON_AMAZON for Multi-Channel Fulfillment orders (another shop's sale Amazon ships). */
  salesChannel?: "AMAZON" | "NON_AMAZON"
  /** A delivery tip the buyer gave (order-level DELIVERY_TIP proceeds). */
  tip?: number
  /** An Amazon Business order: prices before VAT, VAT on top, even where consumers see VAT-inclusive prices. */
  business?: boolean
  /** The buyer asked to cancel (before shipping); shown under includedData=CANCELLATION as cancellationRequest. */
  buyerCancelRequest?: { reason: string; orderItemIds: string[] }
  /** Refunds the seller made with POST_PAYMENT_ADJUSTMENT_DATA and Amazon applied (sandbox/order-feeds.ts; README "Refund state"). */
  refunds?: SandboxRefund[]
}

/**
 * One accepted adjustment message: amounts in minor units per Component Type (Principal, Tax, Shipping, ShippingTax …).
 * Finances endpoints read these to produce the seller's refund events.
 */
export interface SandboxRefund {
  refundId: string
  feedId: string
  messageId: number
  postedAt: number
  currency: string
  items: Array<{ orderItemId: string; merchantAdjustmentItemId?: string; reason: string; components: Record<string, number> }>
}

export type DocumentKind = "feed-input" | "feed-result" | "report"

export interface StoredDocument {
  docId: string
  sellerId: string
  kind: DocumentKind
  contentType: string
  createdAt: number
  /** Uploaded bytes (feed input) or stored bytes (feed result, already gzip-compressed). */
  content?: Buffer
  uploadedAt?: number
  compression?: "GZIP"
  /** Generated on download (listings reports): yields text chunks (and raw byte lines a test added). */
  render?: () => Iterable<string | Buffer>
}

export interface FeedRecord {
  feedId: string
  sellerId: string
  clientId: string
  feedType: string
  marketplaceIds: string[]
  inputFeedDocumentId: string
  feedOptions?: Record<string, string>
  createdAt: number
  cancelledAt?: number
  /** Set by the control API: finish processing at this time. */
  advancedAt?: number
  result?: {
    status: "DONE" | "FATAL"
    startedAt: number
    endedAt: number
    resultFeedDocumentId?: string
  }
}

export interface ReportRecord {
  reportId: string
  sellerId: string
  reportType: string
  marketplaceIds: string[]
  dataStartTime?: string
  dataEndTime?: string
  createdAt: number
  cancelledAt?: number
  advancedAt?: number
  result?: {
    status: "DONE" | "FATAL"
    startedAt: number
    endedAt: number
    reportDocumentId?: string
  }
}

export interface RequestLogEntry {
  seq: number
  time: string
  requestId: string
  operationId: string
  method: string
  path: string
  query: Record<string, unknown>
  body?: unknown
  /** HTTP status returned; 0 when the socket was destroyed (timeout fault). */
  status: number
  sellerId?: string
  static?: boolean
  fault?: string
}

export interface OperationStats {
  calls: number
  throttled: number
  serverErrors: number
  timeouts: number
}

export interface ValidationFailure {
  time: string
  requestId?: string
  kind: "request" | "response" | "feed-document"
  api?: string
  operationId?: string
  method?: string
  path?: string
  feedId?: string
  errors: { location: string; message: string; instancePath?: string }[]
}
