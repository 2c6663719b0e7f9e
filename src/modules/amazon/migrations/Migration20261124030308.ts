import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124030308 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_attribute_mapping" drop constraint if exists "amazon_attribute_mapping_store_id_product_type_attribute_marketplace_id_unique";`);
    this.addSql(`alter table if exists "amazon_category_mapping" drop constraint if exists "amazon_category_mapping_store_id_category_id_marketplace_id_unique";`);
    this.addSql(`alter table if exists "amazon_marketplace" drop constraint if exists "amazon_marketplace_store_id_marketplace_id_unique";`);
    this.addSql(`alter table if exists "amazon_store" drop constraint if exists "amazon_store_selling_partner_id_region_unique";`);
    this.addSql(`alter table if exists "amazon_shipment" drop constraint if exists "amazon_shipment_fulfillment_id_unique";`);
    this.addSql(`alter table if exists "amazon_order" drop constraint if exists "amazon_order_store_id_amazon_order_id_unique";`);
    this.addSql(`alter table if exists "amazon_listing" drop constraint if exists "amazon_listing_store_id_marketplace_id_sku_unique";`);
    this.addSql(`alter table if exists "amazon_listing" drop constraint if exists "amazon_listing_store_id_marketplace_id_variant_id_unique";`);
    this.addSql(`alter table if exists "amazon_feed" drop constraint if exists "amazon_feed_store_id_amazon_feed_id_unique";`);
    this.addSql(`create table if not exists "amazon_feed" ("id" text not null, "store_id" text not null, "feed_type" text not null, "marketplace_ids" jsonb not null, "amazon_feed_id" text null, "input_document_id" text null, "result_document_id" text null, "status" text check ("status" in ('building', 'uploaded', 'submitted', 'in_queue', 'in_progress', 'done', 'fatal', 'cancelled', 'failed')) not null default 'building', "message_count" integer not null default 0, "summary" jsonb null, "error" text null, "submitted_at" timestamptz null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_feed_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_feed_deleted_at" ON "amazon_feed" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_feed_store_id_status" ON "amazon_feed" ("store_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_feed_store_id_amazon_feed_id_unique" ON "amazon_feed" ("store_id", "amazon_feed_id") WHERE amazon_feed_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_listing" ("id" text not null, "store_id" text not null, "marketplace_id" text not null, "variant_id" text null, "product_id" text null, "sku" text not null, "asin" text null, "product_type" text null, "status" text check ("status" in ('draft', 'pending', 'submitted', 'active', 'inactive', 'incomplete', 'error', 'deleted')) not null default 'draft', "issues" jsonb null, "desired_hash" text null, "sent_hash" text null, "sent_state" jsonb null, "price" numeric null, "currency_code" text null, "quantity" integer null, "last_feed_id" text null, "submitted_at" timestamptz null, "synced_at" timestamptz null, "raw_price" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_listing_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_deleted_at" ON "amazon_listing" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_listing_store_id_marketplace_id_variant_id_unique" ON "amazon_listing" ("store_id", "marketplace_id", "variant_id") WHERE variant_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_listing_store_id_marketplace_id_sku_unique" ON "amazon_listing" ("store_id", "marketplace_id", "sku") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_store_id_status" ON "amazon_listing" ("store_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_variant_id" ON "amazon_listing" ("variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_asin" ON "amazon_listing" ("asin") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_listing_change" ("id" text not null, "store_id" text not null, "marketplace_id" text not null, "listing_id" text not null, "sku" text not null, "operation" text check ("operation" in ('update', 'patch', 'delete')) not null, "payload" jsonb not null, "hash" text not null, "status" text check ("status" in ('pending', 'claimed', 'accepted', 'rejected', 'superseded')) not null default 'pending', "claimed_by" text null, "claimed_at" timestamptz null, "attempts" integer not null default 0, "error" jsonb null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_listing_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_change_deleted_at" ON "amazon_listing_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_change_store_id_status" ON "amazon_listing_change" ("store_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_change_listing_id_status" ON "amazon_listing_change" ("listing_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_change_claimed_by" ON "amazon_listing_change" ("claimed_by") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_order" ("id" text not null, "store_id" text not null, "marketplace_id" text not null, "amazon_order_id" text not null, "order_id" text null, "amazon_status" text not null, "fulfillment_channel" text check ("fulfillment_channel" in ('MFN', 'AFN')) not null default 'MFN', "import_status" text check ("import_status" in ('pending', 'imported', 'needs_attention', 'skipped', 'canceled', 'failed')) not null default 'pending', "issues" jsonb null, "currency_code" text null, "total" numeric null, "items" jsonb null, "purchased_at" timestamptz null, "amazon_updated_at" timestamptz null, "latest_delivery_at" timestamptz null, "delivered_at" timestamptz null, "buyer_data_ciphertext" text null, "buyer_data_purged_at" timestamptz null, "ship_country_code" text null, "raw_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_order_deleted_at" ON "amazon_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_order_store_id_amazon_order_id_unique" ON "amazon_order" ("store_id", "amazon_order_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_order_order_id" ON "amazon_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_order_store_id_import_status" ON "amazon_order" ("store_id", "import_status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_shipment" ("id" text not null, "store_id" text not null, "amazon_order_id" text not null, "fulfillment_id" text not null, "package_reference_id" text not null, "carrier_code" text not null, "carrier_name" text null, "shipping_method" text null, "tracking_number" text not null, "ship_date" timestamptz not null, "items" jsonb not null, "status" text check ("status" in ('pending', 'sending', 'confirmed', 'failed')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "error" jsonb null, "confirmed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_shipment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_shipment_deleted_at" ON "amazon_shipment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_shipment_fulfillment_id_unique" ON "amazon_shipment" ("fulfillment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_shipment_store_id_status" ON "amazon_shipment" ("store_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_shipment_store_id_amazon_order_id" ON "amazon_shipment" ("store_id", "amazon_order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_store" ("id" text not null, "name" text not null, "email" text not null, "region" text check ("region" in ('na', 'eu', 'fe')) not null, "marketplace_id" text not null, "sales_channel_id" text null, "selling_partner_id" text null, "status" text check ("status" in ('pending', 'connected', 'expired', 'revoked', 'error')) not null default 'pending', "status_message" text null, "refresh_token_ciphertext" text null, "authorized_at" timestamptz null, "authorization_expires_at" timestamptz null, "product_id_type" text check ("product_id_type" in ('ASIN', 'EAN', 'UPC', 'ISBN', 'GTIN', 'SKU')) not null, "product_id_attribute" text not null, "settings" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_store_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_store_deleted_at" ON "amazon_store" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_store_status" ON "amazon_store" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_store_sales_channel_id" ON "amazon_store" ("sales_channel_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_store_selling_partner_id_region_unique" ON "amazon_store" ("selling_partner_id", "region") WHERE selling_partner_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_marketplace" ("id" text not null, "store_id" text not null, "marketplace_id" text not null, "is_participating" boolean not null default true, "has_suspended_listings" boolean not null default false, "enabled" boolean not null default false, "listings_export" boolean not null default true, "listings_import" boolean not null default false, "include_inactive" boolean not null default false, "orders_import" boolean not null default true, "region_id" text null, "orders_cursor" timestamptz null, "listings_imported_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_marketplace_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_marketplace_store_id" ON "amazon_marketplace" ("store_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_marketplace_deleted_at" ON "amazon_marketplace" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_marketplace_store_id_marketplace_id_unique" ON "amazon_marketplace" ("store_id", "marketplace_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_category_mapping" ("id" text not null, "store_id" text not null, "category_id" text not null, "marketplace_id" text null, "product_type" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_category_mapping_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_category_mapping_store_id" ON "amazon_category_mapping" ("store_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_category_mapping_deleted_at" ON "amazon_category_mapping" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_category_mapping_store_id_category_id_marketplace_id_unique" ON "amazon_category_mapping" ("store_id", "category_id", "marketplace_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_attribute_mapping" ("id" text not null, "store_id" text not null, "product_type" text not null, "attribute" text not null, "source_type" text check ("source_type" in ('field', 'option', 'metadata', 'constant')) not null, "source_value" text not null, "marketplace_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_attribute_mapping_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_attribute_mapping_store_id" ON "amazon_attribute_mapping" ("store_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_attribute_mapping_deleted_at" ON "amazon_attribute_mapping" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_attribute_mapping_store_id_product_type_attribute_marketplace_id_unique" ON "amazon_attribute_mapping" ("store_id", "product_type", "attribute", "marketplace_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_sync_run" ("id" text not null, "store_id" text not null, "marketplace_id" text null, "type" text check ("type" in ('orders', 'listings', 'listings_import', 'shipments', 'reconcile', 'health', 'purge')) not null, "trigger" text check ("trigger" in ('schedule', 'manual', 'event')) not null default 'manual', "status" text check ("status" in ('queued', 'running', 'succeeded', 'failed', 'canceled')) not null default 'queued', "progress_done" integer not null default 0, "progress_total" integer null, "eta_seconds" integer null, "counts" jsonb null, "errors" jsonb null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_sync_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_sync_run_deleted_at" ON "amazon_sync_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_sync_run_store_id_type_status" ON "amazon_sync_run" ("store_id", "type", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_sync_run_store_id_created_at" ON "amazon_sync_run" ("store_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "amazon_marketplace" add constraint "amazon_marketplace_store_id_foreign" foreign key ("store_id") references "amazon_store" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "amazon_category_mapping" add constraint "amazon_category_mapping_store_id_foreign" foreign key ("store_id") references "amazon_store" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "amazon_attribute_mapping" add constraint "amazon_attribute_mapping_store_id_foreign" foreign key ("store_id") references "amazon_store" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "amazon_marketplace" drop constraint if exists "amazon_marketplace_store_id_foreign";`);

    this.addSql(`alter table if exists "amazon_category_mapping" drop constraint if exists "amazon_category_mapping_store_id_foreign";`);

    this.addSql(`alter table if exists "amazon_attribute_mapping" drop constraint if exists "amazon_attribute_mapping_store_id_foreign";`);

    this.addSql(`drop table if exists "amazon_feed" cascade;`);

    this.addSql(`drop table if exists "amazon_listing" cascade;`);

    this.addSql(`drop table if exists "amazon_listing_change" cascade;`);

    this.addSql(`drop table if exists "amazon_order" cascade;`);

    this.addSql(`drop table if exists "amazon_shipment" cascade;`);

    this.addSql(`drop table if exists "amazon_store" cascade;`);

    this.addSql(`drop table if exists "amazon_marketplace" cascade;`);

    this.addSql(`drop table if exists "amazon_category_mapping" cascade;`);

    this.addSql(`drop table if exists "amazon_attribute_mapping" cascade;`);

    this.addSql(`drop table if exists "amazon_sync_run" cascade;`);
  }

}
