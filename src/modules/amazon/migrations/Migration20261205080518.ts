import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Listing statuses read back from Amazon: "accepted" (taken, not yet live) and "suppressed". */
export class Migration20261205080518 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_listing" drop constraint if exists "amazon_listing_status_check";`);
    this.addSql(`alter table if exists "amazon_listing" add constraint "amazon_listing_status_check" check("status" in ('draft', 'pending', 'submitted', 'accepted', 'active', 'inactive', 'incomplete', 'suppressed', 'error', 'deleted'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "amazon_listing" set "status" = 'active' where "status" = 'accepted';`);
    this.addSql(`update "amazon_listing" set "status" = 'incomplete' where "status" = 'suppressed';`);
    this.addSql(`alter table if exists "amazon_listing" drop constraint if exists "amazon_listing_status_check";`);
    this.addSql(`alter table if exists "amazon_listing" add constraint "amazon_listing_status_check" check("status" in ('draft', 'pending', 'submitted', 'active', 'inactive', 'incomplete', 'error', 'deleted'));`);
  }

}
