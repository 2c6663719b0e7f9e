import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124052727 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "amazon_listing_trigger" ("id" text not null, "kind" text check ("kind" in ('variant_ids', 'product_ids', 'inventory_item_ids', 'inventory_level_ids', 'reservation_ids')) not null, "entity_id" text not null, "claimed_by" text null, "claimed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_listing_trigger_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_trigger_deleted_at" ON "amazon_listing_trigger" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_listing_trigger_claimed_by" ON "amazon_listing_trigger" ("claimed_by") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "amazon_listing_trigger" cascade;`);
  }

}
