import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Orders followed after import (channel, buyer cancellation request) and the backoff of rows needing work. */
export class Migration20261205080300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_order" add column if not exists "channel_name" text not null default 'AMAZON';`);
    this.addSql(`alter table if exists "amazon_order" add column if not exists "buyer_cancel_request" jsonb null;`);
    this.addSql(`alter table if exists "amazon_order" add column if not exists "attempts" integer not null default 0;`);
    this.addSql(`alter table if exists "amazon_order" add column if not exists "next_attempt_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_order_store_id_next_attempt_at" ON "amazon_order" ("store_id", "next_attempt_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_amazon_order_store_id_next_attempt_at";`);
    this.addSql(`alter table if exists "amazon_order" drop column if exists "next_attempt_at";`);
    this.addSql(`alter table if exists "amazon_order" drop column if exists "attempts";`);
    this.addSql(`alter table if exists "amazon_order" drop column if exists "buyer_cancel_request";`);
    this.addSql(`alter table if exists "amazon_order" drop column if exists "channel_name";`);
  }

}
