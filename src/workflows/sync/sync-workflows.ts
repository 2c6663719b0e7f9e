import type { MedusaContainer } from "@medusajs/framework/types"
import type { SyncRunType, SyncTrigger } from "./steps/begin-sync-run"

/** What every sync workflow takes (orders import, listings send, listings import, shipments). */
export type SyncWorkflowInput = {
  store_id: string
  /** a run queued by the admin; absent: the workflow creates one */
  run_id?: string
  trigger?: SyncTrigger
  marketplace_id?: string
}

type RunnableWorkflow = (container: MedusaContainer) => {
  run: (args: { input: SyncWorkflowInput; throwOnError?: boolean }) => Promise<unknown>
}

/**
 * The workflow behind each "sync now" type. Each feature registers its own
 * (registerSyncWorkflow in its index) so this file knows none of them.
 */
const registry = new Map<SyncRunType, RunnableWorkflow>()

export function registerSyncWorkflow(type: SyncRunType, workflow: RunnableWorkflow): void {
  registry.set(type, workflow)
}

export function getSyncWorkflow(type: SyncRunType): RunnableWorkflow | undefined {
  return registry.get(type)
}

export function syncTypes(): SyncRunType[] {
  return [...registry.keys()]
}
