import { scheduledJobsOff } from "../scheduled-jobs"

describe("scheduledJobsOff", () => {
  it.each([
    [{}, false],
    [{ NODE_ENV: "production" }, false],
    [{ AMAZON_SCHEDULED_JOBS: "off" }, true],
    [{ NODE_ENV: "test" }, true],
    [{ NODE_ENV: "test", AMAZON_SCHEDULED_JOBS: "on" }, false],
  ])("%j → %s", (env, off) => {
    expect(scheduledJobsOff(env as NodeJS.ProcessEnv)).toBe(off)
  })
})
