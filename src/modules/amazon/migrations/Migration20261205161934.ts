import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** amazon_mcf_order: Multi-Channel Fulfillment ledger, one row per Medusa fulfillment (issue 15). Hand-written, idempotent. */
export class Migration20261205161934 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "amazon_mcf_order" ("id" text not null, "store_id" text not null, "order_id" text not null, "fulfillment_id" text not null, "seller_fulfillment_order_id" text not null, "marketplace_id" text not null, "pool" text null, "shipping_speed" text not null, "status" text check ("status" in ('pending', 'sent', 'shipped', 'unfulfillable', 'cancel_requested', 'cancelled', 'failed')) not null default 'pending', "amazon_status" text null, "items" jsonb not null, "tracking" jsonb null, "unfulfillable" jsonb null, "error" jsonb null, "attempts" integer not null default 0, "next_attempt_at" timestamptz null, "sent_at" timestamptz null, "last_polled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_mcf_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_mcf_order_fulfillment_id_unique" ON "amazon_mcf_order" ("fulfillment_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_mcf_order_store_id_status" ON "amazon_mcf_order" ("store_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_mcf_order_order_id" ON "amazon_mcf_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_mcf_order_deleted_at" ON "amazon_mcf_order" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "amazon_mcf_order" cascade;`);
  }

}
