import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue 13: a listing keeps Amazon's fulfillment channel ("DEFAULT" = merchant, AMAZON_EU/AMAZON_NA … = FBA)
 * and condition (new_new, used_very_good …), read by listings import, so what we send never turns an FBA
 * offer into a merchant one or a used item into a new one. Null = unknown (treated as DEFAULT / new_new).
 */
export class Migration20261205080511 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_listing" add column if not exists "fulfillment_channel" text null;`);
    this.addSql(`alter table if exists "amazon_listing" add column if not exists "condition_type" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "amazon_listing" drop column if exists "condition_type";`);
    this.addSql(`alter table if exists "amazon_listing" drop column if exists "fulfillment_channel";`);
  }

}
