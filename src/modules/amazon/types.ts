import type { SpApiRegion } from "../../lib/sp-api/marketplaces"

export type { SpApiRegion }

/** Options of the plugin (and of its `amazon` module); the dev app fills them from env vars (README). */
export type AmazonModuleOptions = {
  /** LWA client id of the SP-API app (AMAZON_LWA_CLIENT_ID) */
  lwaClientId?: string
  /** LWA client secret (AMAZON_LWA_CLIENT_SECRET) */
  lwaClientSecret?: string
  /** application_id for the consent URL (AMAZON_APP_ID) */
  appId?: string
  /** app still in Draft: consent URL gets &version=beta (AMAZON_APP_DRAFT) */
  appDraft?: boolean
  /** base64 32-byte key for secrets at rest (AMAZON_ENCRYPTION_KEY) */
  encryptionKey?: string
  /** overrides the SP-API base URL for every region (AMAZON_SP_API_ENDPOINT) */
  spApiEndpoint?: string
  /** overrides https://api.amazon.com/auth/o2/token (AMAZON_LWA_TOKEN_URL) */
  lwaTokenUrl?: string
  /** overrides the Seller Central base URL of the consent page (AMAZON_SELLER_CENTRAL_URL) */
  sellerCentralUrl?: string
  /** public URL of this Medusa backend, for the OAuth redirect_uri (MEDUSA_BACKEND_URL) */
  backendUrl?: string
  /** outside development, accept a published encryption key and http endpoints anyway (AMAZON_ALLOW_INSECURE_SETTINGS) */
  allowInsecureSettings?: boolean
}

/** JAN: Japan's EAN-13 (Catalog Items identifiersType JAN) */
export const PRODUCT_ID_TYPES = ["ASIN", "EAN", "UPC", "ISBN", "GTIN", "JAN", "SKU"] as const
export type ProductIdType = (typeof PRODUCT_ID_TYPES)[number]

export const STORE_STATUSES = ["pending", "connected", "expired", "revoked", "error"] as const
export type StoreStatus = (typeof STORE_STATUSES)[number]

/** Per-store settings; every key optional in storage, filled from DEFAULT_STORE_SETTINGS when read. */
export type StoreSettings = {
  /** status given to imported Medusa orders */
  order_status: "pending" | "completed"
  /** Medusa shipping option used for imported orders' shipping line; null = a custom line named after Amazon's service */
  shipping_option_id: string | null
  /** payment provider recorded as captured for imported orders */
  payment_provider_id: string
  /** when confirmShipment is sent */
  confirm_shipment_on: "shipment_created" | "delivered"
  /** units held back from Amazon per variant */
  stock_buffer: number
  /** small price/stock changes by patchListingsItem instead of a feed */
  fast_path: boolean
  /** days Amazon may take to ship (lead_time_to_ship_max_days) */
  handling_time_days: number
  /** AFN (FBA) orders: import as fulfilled, or skip */
  afn_orders: "import_fulfilled" | "skip"
  /** imported unknown listings become published products instead of drafts */
  publish_imported_products: boolean
  /** minutes between scheduled order imports */
  order_import_interval_minutes: number
  /** copy package weight from Amazon's catalog into variants that have none */
  import_package_weight: boolean
  /**
   * what happens to a marketplace's merchant offers when "export listings" or "sell here" is switched off there,
   * or the store loses its sales channel: "zero" sets their quantity to 0 (they stay on Amazon, not buyable),
   * "delete" deletes them from Amazon. FBA offers are never touched.
   */
  switch_off_offers: "zero" | "delete"
}

export const DEFAULT_STORE_SETTINGS: StoreSettings = {
  order_status: "pending",
  shipping_option_id: null,
  payment_provider_id: "pp_system_default",
  confirm_shipment_on: "shipment_created",
  stock_buffer: 0,
  fast_path: true,
  handling_time_days: 2,
  afn_orders: "import_fulfilled",
  publish_imported_products: false,
  order_import_interval_minutes: 5,
  import_package_weight: false,
  switch_off_offers: "zero",
}
