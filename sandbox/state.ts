import { randomBytes, randomUUID } from "node:crypto"
import { SandboxClock } from "./clock"
import { toGtin14 } from "./gtin"
import { SeededRandom } from "./random"
import {
  AccessTokenRecord,
  AuthorizationCode,
  CatalogItem,
  FeedRecord,
  IdentifierType,
  Listing,
  ListingHistoryEntry,
  LwaApp,
  OrderRecord,
  RefreshTokenRecord,
  ReportRecord,
  Seller,
  StoredDocument,
} from "./types"

/** Identifier types that are barcodes (GS1 family) and share the GTIN-14 index. */
const GTIN_TYPES = new Set(["EAN", "UPC", "GTIN", "ISBN", "JAN"])

/**
 * The sandbox's in-memory world: one LWA app, sellers and their tokens, the catalog, each seller's
 * listings per marketplace, orders, documents, feeds and reports. Plain data plus lookups; the behaviour
 * (processing feeds, throttling, rendering Amazon shapes) lives in the modules that use it.
 */
export class SandboxState {
  app: LwaApp = {
    clientId: "amzn1.application-oa2-client.sandbox",
    clientSecret: "sandbox-client-secret",
    applicationId: "amzn1.sellerapps.app.sandbox",
    name: "Medusa Amazon Sandbox App",
  }
  readonly sellers = new Map<string, Seller>()
  readonly refreshTokens = new Map<string, RefreshTokenRecord>()
  readonly accessTokens = new Map<string, AccessTokenRecord>()
  readonly authCodes = new Map<string, AuthorizationCode>()
  readonly catalog = new Map<string, CatalogItem>()
  /** GTIN-14 → ASINs. */
  private readonly gtinIndex = new Map<string, Set<string>>()
  /** sellerId → marketplaceId → sku → listing. */
  readonly listings = new Map<string, Map<string, Map<string, Listing>>>()
  readonly orders = new Map<string, OrderRecord>()
  readonly documents = new Map<string, StoredDocument>()
  readonly feeds = new Map<string, FeedRecord>()
  readonly reports = new Map<string, ReportRecord>()
  /** `${sellerId}|${marketplaceId}` → raw TSV lines for the next listings report (text, or bytes as they are). */
  readonly pendingReportRows = new Map<string, (string | Buffer)[]>()
  /** `${sellerId}|${region}` → creation times of JSON_LISTINGS_FEED feeds (their own 5-per-5-min limit). */
  readonly listingsFeedTimes = new Map<string, number[]>()
  /** Every accepted listing submission's effect, oldest first (listing-rules.ts applyEvaluation). */
  readonly listingHistory: ListingHistoryEntry[] = []
  /** LWA token requests by grant type, and failures. */
  readonly lwaCounts = { refresh_token: 0, authorization_code: 0, client_credentials: 0, errors: 0 }
  private nextFeedId = 50001
  private nextReportId = 70001

  constructor(
    readonly clock: SandboxClock,
    readonly random: SeededRandom
  ) {}

  // ---------------------------------------------------------------- sellers and tokens

  addSeller(seller: Seller, refreshToken?: string): RefreshTokenRecord {
    this.sellers.set(seller.sellerId, seller)
    if (!this.listings.has(seller.sellerId)) this.listings.set(seller.sellerId, new Map())
    return this.issueRefreshToken(seller.sellerId, refreshToken)
  }

  issueRefreshToken(sellerId: string, token?: string): RefreshTokenRecord {
    const record: RefreshTokenRecord = {
      token: token ?? `Atzr|${randomBytes(48).toString("base64url")}`,
      sellerId,
      clientId: this.app.clientId,
      revoked: false,
      createdAt: this.clock.now(),
    }
    this.refreshTokens.set(record.token, record)
    return record
  }

  issueAccessToken(clientId: string, ttlSeconds: number, refresh?: RefreshTokenRecord): AccessTokenRecord {
    const record: AccessTokenRecord = {
      token: `Atza|${randomBytes(64).toString("base64url")}`,
      clientId,
      sellerId: refresh?.sellerId,
      refreshToken: refresh?.token,
      // Real seconds: the client's wall clock decides when to refresh, not Amazon's simulated time.
      expiresAt: this.clock.now() + ttlSeconds * 1000,
      revoked: false,
    }
    this.accessTokens.set(record.token, record)
    return record
  }

  /** Invalidates every refresh token (and access token) of a seller, as removing the app's authorization does. */
  revokeSeller(sellerId: string): number {
    let count = 0
    for (const record of this.refreshTokens.values()) {
      if (record.sellerId === sellerId && !record.revoked) {
        record.revoked = true
        count++
      }
    }
    for (const record of this.accessTokens.values()) {
      if (record.sellerId === sellerId) record.revoked = true
    }
    return count
  }

  // ---------------------------------------------------------------- catalog

  addCatalogItem(item: CatalogItem): void {
    this.catalog.set(item.asin, item)
    for (const [type, values] of Object.entries(item.identifiers)) {
      if (!GTIN_TYPES.has(type)) continue
      for (const value of values ?? []) {
        const gtin = toGtin14(value)
        if (!gtin) continue
        let set = this.gtinIndex.get(gtin)
        if (!set) this.gtinIndex.set(gtin, (set = new Set()))
        set.add(item.asin)
      }
    }
  }

  catalogItemIn(asin: string, marketplaceId: string): CatalogItem | undefined {
    const item = this.catalog.get(asin)
    if (!item) return undefined
    if (item.marketplaceIds && !item.marketplaceIds.includes(marketplaceId)) return undefined
    return item
  }

  /** Catalog items matching one identifier in a marketplace (SKU lookups need the seller). */
  findCatalogItems(type: IdentifierType, value: string, marketplaceId: string, sellerId?: string): CatalogItem[] {
    if (type === "ASIN") {
      const item = this.catalogItemIn(value.toUpperCase(), marketplaceId)
      return item ? [item] : []
    }
    if (type === "SKU") {
      if (!sellerId) return []
      const listing = this.getListing(sellerId, marketplaceId, value)
      const item = listing?.asin ? this.catalogItemIn(listing.asin, marketplaceId) : undefined
      return item ? [item] : []
    }
    if (!GTIN_TYPES.has(type)) return []
    const gtin = toGtin14(value)
    if (!gtin) return []
    return [...(this.gtinIndex.get(gtin) ?? [])]
      .map((asin) => this.catalogItemIn(asin, marketplaceId))
      .filter((i): i is CatalogItem => !!i)
  }

  // ---------------------------------------------------------------- listings

  sellerListings(sellerId: string, marketplaceId: string): Map<string, Listing> {
    let bySeller = this.listings.get(sellerId)
    if (!bySeller) this.listings.set(sellerId, (bySeller = new Map()))
    let byMarketplace = bySeller.get(marketplaceId)
    if (!byMarketplace) bySeller.set(marketplaceId, (byMarketplace = new Map()))
    return byMarketplace
  }

  getListing(sellerId: string, marketplaceId: string, sku: string): Listing | undefined {
    return this.listings.get(sellerId)?.get(marketplaceId)?.get(sku)
  }

  putListing(listing: Listing): void {
    this.sellerListings(listing.sellerId, listing.marketplaceId).set(listing.sku, listing)
  }

  deleteListing(sellerId: string, marketplaceId: string, sku: string): boolean {
    return this.listings.get(sellerId)?.get(marketplaceId)?.delete(sku) ?? false
  }

  /** The seller's SKUs offering an ASIN in a marketplace (more than one = a duplicate offer). */
  skusOfAsin(sellerId: string, marketplaceId: string, asin: string): string[] {
    return [...this.sellerListings(sellerId, marketplaceId).values()].filter((l) => l.asin === asin).map((l) => l.sku)
  }

  countListings(): number {
    let n = 0
    for (const bySeller of this.listings.values()) for (const m of bySeller.values()) n += m.size
    return n
  }

  // ---------------------------------------------------------------- ids

  newFeedId(): string {
    return String(this.nextFeedId++)
  }

  newReportId(): string {
    return String(this.nextReportId++)
  }

  newDocumentId(region: string): string {
    // Shape of Amazon's document ids ("amzn1.tortuga.4.na.<uuid>.<suffix>").
    return `amzn1.tortuga.4.${region}.${randomUUID()}.T${randomBytes(6).toString("hex").toUpperCase()}`
  }

  newListingId(): string {
    return `${this.random.digits(4)}${randomBytes(4).toString("hex").toUpperCase()}`.slice(0, 11)
  }

  newOrderId(): string {
    const r = this.random
    let id: string
    do id = `${r.pick(["028", "171", "302", "303", "304", "305", "306", "403", "406", "407"])}-${r.digits(7)}-${r.digits(7)}`
    while (this.orders.has(id))
    return id
  }

  newOrderItemId(): string {
    return `${this.random.int(1, 9)}${this.random.digits(13)}`
  }
}
