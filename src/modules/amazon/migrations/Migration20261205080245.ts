import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Issue 12: a "sync now" that meets a running run is recorded as `skipped` and names it (`joined_run_id`);
 * a package reference id is unique per Amazon order in the database, so two shipments of one order that
 * are queued at the same moment cannot both become package "1".
 */
export class Migration20261205080245 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "amazon_sync_run" drop constraint if exists "amazon_sync_run_status_check";`);
    this.addSql(`alter table if exists "amazon_sync_run" add constraint "amazon_sync_run_status_check" check("status" in ('queued', 'running', 'succeeded', 'failed', 'canceled', 'skipped'));`);
    this.addSql(`alter table if exists "amazon_sync_run" add column if not exists "joined_run_id" text null;`);

    // duplicates the old counting could leave (two events at once) are renumbered past the order's highest id
    // before the index exists; the confirmed package (or the older one) keeps its number
    this.addSql(`with ranked as (
      select id, store_id, amazon_order_id,
        row_number() over (partition by store_id, amazon_order_id, package_reference_id
          order by (status = 'confirmed') desc, created_at, id) as n
      from "amazon_shipment"
    ), dupes as (
      select id, store_id, amazon_order_id, row_number() over (partition by store_id, amazon_order_id order by id) as k
      from ranked where n > 1
    ), tops as (
      select store_id, amazon_order_id, max(case when package_reference_id ~ '^[0-9]+$' then package_reference_id::bigint else 0 end) as top
      from "amazon_shipment" group by store_id, amazon_order_id
    )
    update "amazon_shipment" s set package_reference_id = (t.top + d.k)::text
    from dupes d join tops t on t.store_id = d.store_id and t.amazon_order_id = d.amazon_order_id
    where s.id = d.id;`);
    // no "where deleted_at is null": a number Amazon was told stays taken
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_amazon_shipment_store_id_amazon_order_id_package_reference_id_unique" ON "amazon_shipment" ("store_id", "amazon_order_id", "package_reference_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_amazon_shipment_store_id_amazon_order_id_package_reference_id_unique";`);
    this.addSql(`alter table if exists "amazon_sync_run" drop column if exists "joined_run_id";`);
    this.addSql(`update "amazon_sync_run" set "status" = 'succeeded' where "status" = 'skipped';`);
    this.addSql(`alter table if exists "amazon_sync_run" drop constraint if exists "amazon_sync_run_status_check";`);
    this.addSql(`alter table if exists "amazon_sync_run" add constraint "amazon_sync_run_status_check" check("status" in ('queued', 'running', 'succeeded', 'failed', 'canceled'));`);
  }

}
