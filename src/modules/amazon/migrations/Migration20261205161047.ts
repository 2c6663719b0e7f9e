import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The refund ledger (amazon_refund): refunds and seller cancellations, Medusa → Amazon and Amazon → Medusa. */
export class Migration20261205161047 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "amazon_refund" ("id" text not null, "store_id" text not null, "marketplace_id" text null, "direction" text check ("direction" in ('in', 'out')) not null, "kind" text check ("kind" in ('refund', 'cancel')) not null default 'refund', "source_ref" text not null, "amazon_order_id" text not null, "medusa_order_id" text null, "medusa_refund_id" text null, "status" text check ("status" in ('planned', 'queued', 'sent', 'accepted', 'rejected', 'recorded', 'failed')) not null default 'planned', "lines" jsonb not null, "currency" text null, "amount" text null, "reason" text null, "note" text null, "feed_id" text null, "amazon_feed_id" text null, "feed_document_id" text null, "message_id" integer null, "amazon_message" text null, "amazon_result_code" text null, "posted_at" timestamptz null, "requested_by" text null, "attempts" integer not null default 0, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "amazon_refund_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_refund_deleted_at" ON "amazon_refund" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_refund_store_id_direction_source_ref_unique" ON "amazon_refund" ("store_id", "direction", "source_ref");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_refund_store_id_amazon_order_id" ON "amazon_refund" ("store_id", "amazon_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_refund_medusa_order_id" ON "amazon_refund" ("medusa_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_refund_store_id_status" ON "amazon_refund" ("store_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_refund_feed_id" ON "amazon_refund" ("feed_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "amazon_refund" cascade;`);
  }

}
