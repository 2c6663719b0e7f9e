import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export type FinishSyncRunInput = {
  run_id: string
  /** failed when the run stopped early (e.g. authorization lost); errors say why */
  status?: "succeeded" | "failed"
  counts?: Record<string, number>
  errors?: Array<{ code: string; message: string; [key: string]: unknown }>
  progress?: { done: number; total: number | null }
}

/**
 * Closes a run with its counts and errors — what the admin shows as the result. A run recorded `skipped`
 * (another run of its flow held the lock) stays skipped.
 */
export const finishSyncRunStep = createStep(
  "amazon-finish-sync-run",
  async (input: FinishSyncRunInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const [current] = await amazon.listAmazonSyncRuns({ id: input.run_id }, { select: ["id", "status"] })
    const run = await amazon.updateAmazonSyncRuns({
      id: input.run_id,
      status: current?.status === "skipped" ? "skipped" : (input.status ?? ((input.errors ?? []).some((e) => e.fatal) ? "failed" : "succeeded")),
      finished_at: new Date(),
      eta_seconds: 0,
      ...(input.counts ? { counts: input.counts } : {}),
      ...(input.errors ? { errors: input.errors as unknown as Record<string, unknown> } : {}),
      ...(input.progress ? { progress_done: input.progress.done, progress_total: input.progress.total } : {}),
    })
    return new StepResponse(run)
  }
)
