import { model } from "@medusajs/framework/utils"

/** One Amazon feed (JSON_LISTINGS_FEED) from document upload to processing report. */
const AmazonFeed = model
  .define("amazon_feed", {
    id: model.id({ prefix: "amzfd" }).primaryKey(),
    store_id: model.text(),
    feed_type: model.text(),
    marketplace_ids: model.json(),
    /** Amazon's feedId, set once createFeed answered — the irreversible step */
    amazon_feed_id: model.text().nullable(),
    input_document_id: model.text().nullable(),
    result_document_id: model.text().nullable(),
    status: model
      .enum(["building", "uploaded", "submitted", "in_queue", "in_progress", "done", "fatal", "cancelled", "failed"])
      .default("building"),
    message_count: model.number().default(0),
    /** the processing report's summary: messagesProcessed/Accepted/Invalid, errors, warnings */
    summary: model.json().nullable(),
    error: model.text().nullable(),
    submitted_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["store_id", "status"] },
    { on: ["store_id", "amazon_feed_id"], unique: true, where: "amazon_feed_id IS NOT NULL AND deleted_at IS NULL" },
  ])

export default AmazonFeed
