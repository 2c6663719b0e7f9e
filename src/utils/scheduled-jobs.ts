/**
 * Whether the plugin's scheduled jobs stay unloaded: AMAZON_SCHEDULED_JOBS=off, or a test process
 * (NODE_ENV=test) without AMAZON_SCHEDULED_JOBS=on — a minute job importing the sandbox's orders in the
 * middle of another suite's test would reserve its stock.
 */
export function scheduledJobsOff(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.AMAZON_SCHEDULED_JOBS === "off") return true
  return env.NODE_ENV === "test" && env.AMAZON_SCHEDULED_JOBS !== "on"
}
