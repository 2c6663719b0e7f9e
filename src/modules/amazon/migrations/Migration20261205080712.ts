import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Charges of a whole Amazon order that no item carries (a delivery tip): part of the Medusa order's total. */
export class Migration20261205080712 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_order" add column if not exists "order_charges" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "amazon_order" drop column if exists "order_charges";`);
  }

}
