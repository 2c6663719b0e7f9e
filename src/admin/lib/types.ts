/**
 * The admin API's answers as the pages read them (ARCHITECTURE §5). Kept here,
 * not imported from the server code: the admin bundle must not pull in module
 * or workflow code.
 */

export type AmazonRegion = "na" | "eu" | "fe"
export type AmazonStoreStatus = "pending" | "connected" | "expired" | "revoked" | "error"
export type ProductIdType = "ASIN" | "EAN" | "UPC" | "ISBN" | "GTIN" | "JAN" | "SKU"

export type AmazonMarketplaceInfo = {
  id: string
  country_code: string
  name: string
  region: AmazonRegion
  region_name?: string
  currency_code: string
  domain: string | null
  seller_central_url: string
}

export type AmazonStoreSettings = {
  order_status: "pending" | "completed"
  shipping_option_id: string | null
  payment_provider_id: string
  confirm_shipment_on: "shipment_created" | "delivered"
  stock_buffer: number
  fast_path: boolean
  handling_time_days: number
  afn_orders: "import_fulfilled" | "skip"
  publish_imported_products: boolean
  order_import_interval_minutes: number
  import_package_weight: boolean
}

export type AmazonStoreMarketplace = {
  id: string
  marketplace_id: string
  is_participating: boolean
  has_suspended_listings: boolean
  enabled: boolean
  listings_export: boolean
  listings_import: boolean
  include_inactive: boolean
  orders_import: boolean
  region_id: string | null
  orders_cursor: string | null
  listings_imported_at: string | null
  marketplace: AmazonMarketplaceInfo | null
}

/** The toggles and the region a marketplace row can change, one at a time. */
export type AmazonMarketplaceUpdate = Partial<
  Pick<
    AmazonStoreMarketplace,
    "enabled" | "listings_export" | "listings_import" | "include_inactive" | "orders_import" | "region_id"
  >
>

export type AmazonRunCounts = Record<string, unknown>

export type AmazonStoreSummary = {
  last_order_import: { status: string; finished_at: string | null; counts: AmazonRunCounts | null } | null
  last_feed: { status: string; completed_at: string | null; summary: AmazonRunCounts | null } | null
  open_issues_count: number
  authorization_expiring: boolean
}

export type AmazonStore = {
  id: string
  name: string
  email: string
  region: AmazonRegion
  marketplace_id: string
  sales_channel_id: string | null
  selling_partner_id: string | null
  status: AmazonStoreStatus
  status_message: string | null
  authorized_at: string | null
  authorization_expires_at: string | null
  authorization_expires_in_days: number | null
  product_id_type: ProductIdType
  product_id_attribute: string
  settings: AmazonStoreSettings
  marketplace: AmazonMarketplaceInfo | null
  marketplaces?: AmazonStoreMarketplace[]
  /** absent on servers older than the summary (treated as "nothing yet") */
  summary?: AmazonStoreSummary
  created_at?: string
  updated_at?: string
}

export type AmazonStoreResponse = { amazon_store: AmazonStore }
export type AmazonStoreListResponse = { amazon_stores: AmazonStore[]; count: number; limit: number; offset: number }
export type AmazonStoreDeleteResponse = { id: string; object: "amazon_store"; deleted: true }
export type AmazonMarketplacesResponse = { marketplaces: AmazonMarketplaceInfo[] }
export type AmazonAuthorizeResponse = { authorization_url: string }
export type AmazonMarketplaceResponse = { amazon_marketplace: AmazonStoreMarketplace }

export type CreateAmazonStoreBody = {
  name: string
  email: string
  marketplace_id: string
  sales_channel_id?: string
  product_id_type: ProductIdType
  product_id_attribute: string
}

export type UpdateAmazonStoreBody = Partial<Omit<CreateAmazonStoreBody, "marketplace_id">> & {
  settings?: Partial<AmazonStoreSettings>
}

export type SetAmazonCredentialsBody = { selling_partner_id: string; refresh_token: string; replace_seller?: boolean }

export type AmazonCategoryMapping = {
  id: string
  category_id: string
  marketplace_id: string | null
  product_type: string
}
export type UpsertCategoryMappingBody = { category_id: string; product_type: string; marketplace_id?: string }

export type AttributeSourceType = "field" | "option" | "metadata" | "constant"
export type AmazonAttributeMapping = {
  id: string
  product_type: string
  attribute: string
  source_type: AttributeSourceType
  source_value: string
  marketplace_id: string | null
}
export type UpsertAttributeMappingBody = {
  product_type: string
  attribute: string
  source_type: AttributeSourceType
  source_value: string
  marketplace_id?: string
}

export type AmazonProductTypeSummary = { name: string; display_name: string }
export type AmazonProductTypeAttribute = { name: string; title: string; description: string; required: boolean }
export type AmazonProductTypeDefinition = {
  name: string
  display_name: string
  required_attributes: string[]
  attributes: AmazonProductTypeAttribute[]
}
