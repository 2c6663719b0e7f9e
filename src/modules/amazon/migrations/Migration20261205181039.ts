import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** amazon_return: buyer returns from Amazon's returns report and the Medusa return each became (issue 14). Hand-written, idempotent. */
export class Migration20261205181039 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "amazon_return" ("id" text not null, "store_id" text not null, "marketplace_id" text not null, "amazon_rma_id" text not null, "amazon_order_id" text not null, "medusa_order_id" text null, "lines" jsonb not null, "status" text check ("status" in ('authorized', 'received', 'rejected')) not null default 'authorized', "amazon_status" text null, "requested_at" timestamptz null, "received_at" timestamptz null, "resolution" text null, "refunded_amount" text null, "currency" text null, "tracking_id" text null, "medusa_return_id" text null, "medusa_status" text check ("medusa_status" in ('requested', 'received')) null, "error" text null, "attempts" integer not null default 0, "synced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_return_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_return_store_id_amazon_rma_id_unique" ON "amazon_return" ("store_id", "amazon_rma_id");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_return_store_id_amazon_order_id" ON "amazon_return" ("store_id", "amazon_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_return_medusa_order_id" ON "amazon_return" ("medusa_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_return_store_id_status" ON "amazon_return" ("store_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_return_deleted_at" ON "amazon_return" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "amazon_return" cascade;`);
  }

}
