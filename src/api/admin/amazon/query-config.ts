/**
 * Fields a store answer may carry. refresh_token_ciphertext is absent on
 * purpose and `allowed` keeps `?fields=` from asking for it.
 */
export const AMAZON_STORE_FIELDS = [
  "id",
  "name",
  "email",
  "region",
  "marketplace_id",
  "sales_channel_id",
  "selling_partner_id",
  "status",
  "status_message",
  "authorized_at",
  "authorization_expires_at",
  "product_id_type",
  "product_id_attribute",
  "settings",
  "created_at",
  "updated_at",
]

export const AMAZON_MARKETPLACE_FIELDS = [
  "id",
  "marketplace_id",
  "is_participating",
  "has_suspended_listings",
  "enabled",
  "listings_export",
  "listings_import",
  "include_inactive",
  "orders_import",
  "region_id",
  "orders_cursor",
  "listings_imported_at",
]

const allowed = [...AMAZON_STORE_FIELDS, "marketplaces", ...AMAZON_MARKETPLACE_FIELDS.map((f) => `marketplaces.${f}`)]

export const retrieveAmazonStoreQueryConfig = {
  defaults: [...AMAZON_STORE_FIELDS, ...AMAZON_MARKETPLACE_FIELDS.map((f) => `marketplaces.${f}`)],
  allowed,
  isList: false,
}

export const listAmazonStoresQueryConfig = {
  ...retrieveAmazonStoreQueryConfig,
  isList: true,
}

export const AMAZON_SYNC_RUN_FIELDS = [
  "id",
  "store_id",
  "marketplace_id",
  "type",
  "trigger",
  "status",
  "joined_run_id",
  "progress_done",
  "progress_total",
  "eta_seconds",
  "counts",
  "errors",
  "started_at",
  "finished_at",
  "created_at",
  "updated_at",
]

export const AMAZON_LISTING_FIELDS = [
  "id",
  "marketplace_id",
  "variant_id",
  "product_id",
  "sku",
  "asin",
  "product_type",
  "status",
  "issues",
  "price",
  "currency_code",
  "quantity",
  "last_feed_id",
  "submitted_at",
  "synced_at",
  "created_at",
  "updated_at",
]
