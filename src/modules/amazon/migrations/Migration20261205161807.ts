import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** FBA stock per store × pool × seller SKU (reserved, unfulfillable, … have no Medusa field; unknown SKUs kept). */
export class Migration20261205161807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "amazon_fba_stock" ("id" text not null, "store_id" text not null, "pool" text not null, "sku" text not null, "asin" text null, "fnsku" text null, "variant_id" text null, "inventory_item_id" text null, "fulfillable" integer not null default 0, "inbound_working" integer not null default 0, "inbound_shipped" integer not null default 0, "inbound_receiving" integer not null default 0, "reserved" integer not null default 0, "unfulfillable" integer not null default 0, "researching" integer not null default 0, "amazon_updated_at" timestamptz null, "synced_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_fba_stock_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_fba_stock_store_id_pool_sku_unique" ON "amazon_fba_stock" ("store_id", "pool", "sku");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_fba_stock_store_id_pool_variant_id" ON "amazon_fba_stock" ("store_id", "pool", "variant_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_fba_stock_deleted_at" ON "amazon_fba_stock" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "amazon_fba_stock" cascade;`);
  }

}
