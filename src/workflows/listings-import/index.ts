import { registerSyncWorkflow } from "../sync/sync-workflows"
import { importAmazonListingsWorkflow } from "./import-amazon-listings"

export * from "./import-amazon-listings"
export * from "./import-all-amazon-listings"
export * from "./import-listings-batch"

registerSyncWorkflow("listings_import", importAmazonListingsWorkflow)
