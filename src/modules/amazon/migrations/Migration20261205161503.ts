import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Listing rules, pricing rules and the store's exchange-rate table (issue 16). Hand-written, idempotent. */
export class Migration20261205161503 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "amazon_listing_rule" ("id" text not null, "store_id" text not null, "marketplace_id" text null, "name" text not null, "effect" text check ("effect" in ('include', 'exclude')) not null, "match" text check ("match" in ('collection', 'category', 'type', 'tag', 'sales_channel', 'all')) not null, "value" text null, "position" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_listing_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_rule_deleted_at" ON "amazon_listing_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_rule_store_id_marketplace_id" ON "amazon_listing_rule" ("store_id", "marketplace_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_pricing_rule" ("id" text not null, "store_id" text not null, "marketplace_id" text not null, "name" text not null, "source_currency" text null, "percent" numeric not null default 0, "fixed_amount" numeric not null default 0, "rounding" text check ("rounding" in ('none', 'whole', 'ends_99', 'ends_95')) not null default 'none', "min_price" numeric null, "max_price" numeric null, "raw_percent" jsonb not null default '{"value":"0","precision":20}', "raw_fixed_amount" jsonb not null default '{"value":"0","precision":20}', "raw_min_price" jsonb null, "raw_max_price" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_pricing_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_pricing_rule_deleted_at" ON "amazon_pricing_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_pricing_rule_store_id_marketplace_id_unique" ON "amazon_pricing_rule" ("store_id", "marketplace_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "amazon_exchange_rate" ("id" text not null, "store_id" text not null, "base_currency" text not null, "quote_currency" text not null, "rate" numeric not null, "rate_date" text not null, "source" text not null default 'manual', "raw_rate" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_exchange_rate_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_exchange_rate_deleted_at" ON "amazon_exchange_rate" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_exchange_rate_store_id_base_currency_quote_currency_unique" ON "amazon_exchange_rate" ("store_id", "base_currency", "quote_currency") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "amazon_listing_rule" cascade;`);
    this.addSql(`drop table if exists "amazon_pricing_rule" cascade;`);
    this.addSql(`drop table if exists "amazon_exchange_rate" cascade;`);
  }

}
