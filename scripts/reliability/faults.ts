import type { SandboxHandle } from "../../sandbox/server"

/** Share of SP-API calls answered with each fault (the issue's storm: 10 % 5xx, 5 % 429, slow answers). */
export type FaultStorm = { serverErrors: number; throttles: number; slow: number; slowMs: number }

export const ISSUE_STORM: FaultStorm = { serverErrors: 0.1, throttles: 0.05, slow: 0.1, slowMs: 1500 }

/**
 * Installs the storm on every SP-API operation. The sandbox evaluates rules in order and the first that
 * fires wins, so each rule's probability is set to give the wanted share of all calls.
 */
export function addFaultStorm(sandbox: SandboxHandle, storm: FaultStorm): void {
  let left = 1
  const share = (p: number) => {
    const probability = left > 0 ? Math.min(1, p / left) : 0
    left -= p
    return probability
  }
  sandbox.control.addFault({ kind: "500", probability: share(storm.serverErrors / 2) })
  sandbox.control.addFault({ kind: "503", probability: share(storm.serverErrors / 2) })
  sandbox.control.addFault({ kind: "429", probability: share(storm.throttles) })
  sandbox.control.addFault({ kind: "slow", probability: share(storm.slow), delayMs: storm.slowMs })
}

/** What the sandbox answered: calls, the faults it injected, and the 429s that were Amazon's real quota (ours to avoid). */
export function faultCounts(sandbox: SandboxHandle): Record<string, number> {
  const stats = sandbox.control.stats()
  const injected = Object.fromEntries(sandbox.control.faults().map((rule) => [rule.kind, rule.applied])) as Record<string, number>
  const injected429 = injected["429"] ?? 0
  return {
    sp_api_calls: stats.totals.calls,
    injected_5xx: (injected["500"] ?? 0) + (injected["503"] ?? 0),
    injected_429: injected429,
    injected_slow: injected.slow ?? 0,
    quota_429s: Math.max(0, stats.totals.throttled - injected429),
  }
}
