import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** FBA pools: one Medusa stock location per store × FBA pool, remembered by id (issue 15). */
export class Migration20261205161044 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "amazon_fba_pool" ("id" text not null, "store_id" text not null, "pool" text not null, "reference_marketplace_id" text not null, "stock_location_id" text not null, "last_full_sync_at" timestamptz null, "changes_since" timestamptz null, "last_changes_sync_at" timestamptz null, "counts" jsonb null, "unknown_skus" jsonb null, "error" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_fba_pool_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_fba_pool_store_id_pool_unique" ON "amazon_fba_pool" ("store_id", "pool");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_fba_pool_stock_location_id" ON "amazon_fba_pool" ("stock_location_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_fba_pool_deleted_at" ON "amazon_fba_pool" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "amazon_fba_pool" cascade;`);
  }

}
