import { model } from "@medusajs/framework/utils"

/** Every run of every sync: what the admin shows as progress, result and errors. */
const AmazonSyncRun = model
  .define("amazon_sync_run", {
    id: model.id({ prefix: "amzrun" }).primaryKey(),
    store_id: model.text(),
    marketplace_id: model.text().nullable(),
    type: model.enum(["orders", "listings", "listings_import", "shipments", "reconcile", "health", "purge"]),
    trigger: model.enum(["schedule", "manual", "event"]).default("manual"),
    /** skipped: another run of the same flow held the store's lock and did this run's work (see joined_run_id) */
    status: model.enum(["queued", "running", "succeeded", "failed", "canceled", "skipped"]).default("queued"),
    /** the run that was already running when this one was asked for, and took its work */
    joined_run_id: model.text().nullable(),
    progress_done: model.number().default(0),
    /** null while unknown (e.g. before the first page of orders) */
    progress_total: model.number().nullable(),
    /** estimated from the quota of the operation the run waits on, not from past speed alone */
    eta_seconds: model.number().nullable(),
    counts: model.json().nullable(),
    errors: model.json().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["store_id", "type", "status"] },
    { on: ["store_id", "created_at"] },
  ])

export default AmazonSyncRun
