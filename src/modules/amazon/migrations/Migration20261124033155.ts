import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124033155 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_listing_change" drop constraint if exists "amazon_listing_change_status_check";`);

    this.addSql(`alter table if exists "amazon_listing_change" add column if not exists "feed_message_id" integer null;`);
    this.addSql(`alter table if exists "amazon_listing_change" add constraint "amazon_listing_change_status_check" check("status" in ('pending', 'held', 'claimed', 'accepted', 'rejected', 'superseded'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "amazon_listing_change" drop constraint if exists "amazon_listing_change_status_check";`);

    this.addSql(`alter table if exists "amazon_listing_change" drop column if exists "feed_message_id";`);

    this.addSql(`alter table if exists "amazon_listing_change" add constraint "amazon_listing_change_status_check" check("status" in ('pending', 'claimed', 'accepted', 'rejected', 'superseded'));`);
  }

}
