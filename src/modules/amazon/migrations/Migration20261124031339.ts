import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124031339 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_store" add column if not exists "oauth_state_hash" text null, add column if not exists "oauth_state_expires_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "amazon_store" drop column if exists "oauth_state_hash", drop column if exists "oauth_state_expires_at";`);
  }

}
