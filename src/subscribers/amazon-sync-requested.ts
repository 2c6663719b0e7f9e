import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import "../workflows" // every feature registers its sync workflow on import
import { runQueuedSyncWorkflow } from "../workflows/sync/run-queued-sync"

/** Runs a sync the admin queued ("Sync now"). */
export default async function amazonSyncRequested({ event, container }: SubscriberArgs<{ run_id: string; store_id: string; type: string }>) {
  await runQueuedSyncWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: "amazon.sync_requested" }
