/** The contract's shape of a run: progress as { done, total }. */
export function presentSyncRun<T extends { progress_done?: number | null; progress_total?: number | null }>(run: T) {
  const { progress_done, progress_total, ...rest } = run
  return { ...rest, progress: { done: progress_done ?? 0, total: progress_total ?? null } }
}
