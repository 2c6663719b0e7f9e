import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** JAN (Japan's EAN-13) as a store's product-ID type. */
export class Migration20261205081032 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_store" drop constraint if exists "amazon_store_product_id_type_check";`);
    this.addSql(`alter table if exists "amazon_store" add constraint "amazon_store_product_id_type_check" check("product_id_type" in ('ASIN', 'EAN', 'UPC', 'ISBN', 'GTIN', 'JAN', 'SKU'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "amazon_store" set "product_id_type" = 'EAN' where "product_id_type" = 'JAN';`);
    this.addSql(`alter table if exists "amazon_store" drop constraint if exists "amazon_store_product_id_type_check";`);
    this.addSql(`alter table if exists "amazon_store" add constraint "amazon_store_product_id_type_check" check("product_id_type" in ('ASIN', 'EAN', 'UPC', 'ISBN', 'GTIN', 'SKU'));`);
  }

}
