import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124051907 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_order" drop constraint if exists "amazon_order_import_status_check";`);

    this.addSql(`alter table if exists "amazon_order" add constraint "amazon_order_import_status_check" check("import_status" in ('pending', 'importing', 'imported', 'needs_attention', 'skipped', 'canceled', 'failed'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "amazon_order" drop constraint if exists "amazon_order_import_status_check";`);

    this.addSql(`alter table if exists "amazon_order" add constraint "amazon_order_import_status_check" check("import_status" in ('pending', 'imported', 'needs_attention', 'skipped', 'canceled', 'failed'));`);
  }

}
