import { registerSyncWorkflow } from "../sync/sync-workflows"
import { sendListingChangesWorkflow } from "./send-listing-changes"

export * from "./refresh-listings"
export * from "./send-listing-changes"
export * from "./poll-listing-feeds"
export * from "./send-queued-listing-changes"

registerSyncWorkflow("listings", sendListingChangesWorkflow)
export * from "./resolve-held-listing-changes"
export * from "./refresh-buffer"
export * from "./withdraw-switched-off-offers"
