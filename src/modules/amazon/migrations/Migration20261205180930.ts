import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Amazon → Medusa refunds (issue 14): the store's Finances cursor (listFinancialEvents PostedBefore of the last
 * complete pass, its time and last error) and, on the refund ledger, `echo_of`: an inbound row that is Amazon's
 * Finances echo of our own outbound adjustment names that outbound row (no Medusa refund, not counted twice).
 * Hand-written, idempotent.
 */
export class Migration20261205180930 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_store" add column if not exists "finances_cursor" timestamptz null;`);
    this.addSql(`alter table if exists "amazon_store" add column if not exists "finances_synced_at" timestamptz null;`);
    this.addSql(`alter table if exists "amazon_store" add column if not exists "finances_error" text null;`);
    this.addSql(`alter table if exists "amazon_refund" add column if not exists "echo_of" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_amazon_refund_echo_of" ON "amazon_refund" ("echo_of") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_amazon_refund_echo_of";`);
    this.addSql(`alter table if exists "amazon_refund" drop column if exists "echo_of";`);
    this.addSql(`alter table if exists "amazon_store" drop column if exists "finances_error";`);
    this.addSql(`alter table if exists "amazon_store" drop column if exists "finances_synced_at";`);
    this.addSql(`alter table if exists "amazon_store" drop column if exists "finances_cursor";`);
  }

}
