import { SpApiError, SpApiThrottledError } from "../errors"
import { backoffDelay, classifyNetworkError, isRetryable, withRetries } from "../retry"

describe("retry policy", () => {
  it.each([
    // [failure, idempotent, retried]
    [{ kind: "http", status: 429 }, false, true],
    [{ kind: "http", status: 503 }, false, true],
    [{ kind: "http", status: 500 }, true, true],
    [{ kind: "http", status: 500 }, false, false],
    [{ kind: "http", status: 502 }, false, false],
    [{ kind: "http", status: 504 }, true, true],
    [{ kind: "http", status: 400 }, true, false],
    [{ kind: "http", status: 404 }, true, false],
    [{ kind: "not-sent" }, false, true],
    [{ kind: "maybe-received", timeout: true }, true, true],
    [{ kind: "maybe-received", timeout: true }, false, false],
  ] as const)("%j idempotent=%s → retry %s", (failure, idempotent, retried) => {
    expect(isRetryable(failure, idempotent)).toBe(retried)
  })

  it("tells a connection never made from one that may have reached the server", () => {
    expect(classifyNetworkError("ECONNREFUSED")).toEqual({ kind: "not-sent" })
    expect(classifyNetworkError("ETIMEDOUT")).toEqual({ kind: "maybe-received", timeout: true })
    expect(classifyNetworkError("ECONNRESET")).toEqual({ kind: "maybe-received", timeout: false })
    expect(classifyNetworkError(undefined)).toEqual({ kind: "maybe-received", timeout: false })
  })

  it("full jitter: uniform below an exponentially growing, capped ceiling", () => {
    const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 }
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy))).toEqual([99, 199, 399, 799, 999, 999])
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(0)
  })

  it("stops after maxRetries and on errors that are not retryable", async () => {
    const policy = { maxRetries: 3, baseDelayMs: 0, maxDelayMs: 0 }
    let calls = 0
    await expect(
      withRetries(async () => {
        calls += 1
        throw new SpApiThrottledError({ operation: "getFeed", status: 429, retryable: true })
      }, { policy })
    ).rejects.toBeInstanceOf(SpApiThrottledError)
    expect(calls).toBe(4)

    calls = 0
    await expect(
      withRetries(async () => {
        calls += 1
        throw new SpApiError({ operation: "getFeed", status: 400 })
      }, { policy })
    ).rejects.toMatchObject({ status: 400 })
    expect(calls).toBe(1)

    calls = 0
    const retries: number[] = []
    await expect(
      withRetries(
        async (n) => {
          calls += 1
          if (n < 2) {
            throw new SpApiError({ operation: "getFeed", status: 503, retryable: true })
          }
          return "ok"
        },
        { policy, onRetry: (_e, retry) => retries.push(retry) }
      )
    ).resolves.toBe("ok")
    expect(retries).toEqual([1, 2])
  })
})
