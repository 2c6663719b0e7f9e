import { SeededRandom } from "./random"

export type FaultKind = "429" | "500" | "503" | "timeout" | "slow" | "malformed" | "truncated-gzip"

export const FAULT_KINDS: readonly FaultKind[] = ["429", "500", "503", "timeout", "slow", "malformed", "truncated-gzip"]

export interface FaultRuleInput {
  /**
   * operationId (e.g. "searchOrders"), or one of the non-SP-API endpoints "lwaToken", "uploadDocument",
   * "downloadDocument". Absent = every SP-API operation (and document downloads for "truncated-gzip").
   */
  operation?: string
  kind: FaultKind
  /** 0..1, default 1. */
  probability?: number
  /** Apply to the next N matching requests, then the rule is removed. Absent = until cleared. */
  count?: number
  /** "slow": delay before answering (default 2000). "timeout": how long to hold the socket (default 30000). */
  delayMs?: number
}

export interface FaultRule extends FaultRuleInput {
  id: string
  /** How many times the rule has fired. */
  applied: number
}

/** Endpoints that are not SP-API operations but can still be targeted by naming them. */
const NON_SP_API = new Set(["lwaToken", "uploadDocument", "downloadDocument"])

export function parseFaultRule(input: unknown): FaultRuleInput {
  if (!input || typeof input !== "object") throw new Error("fault rule must be an object")
  const rule = input as Record<string, unknown>
  const kind = String(rule.kind) as FaultKind
  if (!FAULT_KINDS.includes(kind)) {
    throw new Error(`fault kind must be one of ${FAULT_KINDS.join(", ")}; got ${String(rule.kind)}`)
  }
  const out: FaultRuleInput = { kind }
  if (rule.operation !== undefined) out.operation = String(rule.operation)
  if (rule.probability !== undefined) {
    const p = Number(rule.probability)
    if (!(p >= 0 && p <= 1)) throw new Error("probability must be between 0 and 1")
    out.probability = p
  }
  if (rule.count !== undefined) {
    const c = Number(rule.count)
    if (!Number.isInteger(c) || c < 1) throw new Error("count must be a positive integer")
    out.count = c
  }
  if (rule.delayMs !== undefined) {
    const d = Number(rule.delayMs)
    if (!(d >= 0)) throw new Error("delayMs must be >= 0")
    out.delayMs = d
  }
  return out
}

/** The fault rules in force, evaluated in insertion order; the first that fires wins. */
export class FaultInjector {
  private rules: FaultRule[] = []
  private nextId = 1

  constructor(private readonly random: SeededRandom) {}

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { ...parseFaultRule(input), id: `fault-${this.nextId++}`, applied: 0 }
    this.rules.push(rule)
    return rule
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }))
  }

  clear(): void {
    this.rules = []
  }

  remove(id: string): boolean {
    const before = this.rules.length
    this.rules = this.rules.filter((r) => r.id !== id)
    return this.rules.length !== before
  }

  /**
   * The rule to apply to this request, if any. `endpoint` is the operationId, or "lwaToken" /
   * "uploadDocument" / "downloadDocument".
   */
  pick(endpoint: string): FaultRule | undefined {
    for (const rule of this.rules) {
      if (!this.matches(rule, endpoint)) continue
      // Draw only for rules that match, so adding a rule for one operation does not shift another's sequence.
      const probability = rule.probability ?? 1
      if (probability < 1 && this.random.next() >= probability) continue
      rule.applied++
      if (rule.count !== undefined) {
        rule.count--
        if (rule.count <= 0) this.rules = this.rules.filter((r) => r !== rule)
      }
      return rule
    }
    return undefined
  }

  private matches(rule: FaultRule, endpoint: string): boolean {
    if (rule.kind === "truncated-gzip") {
      // Only document downloads carry gzip bodies.
      return endpoint === "downloadDocument" && (rule.operation === undefined || rule.operation === endpoint)
    }
    if (rule.operation !== undefined) return rule.operation === endpoint
    return !NON_SP_API.has(endpoint)
  }
}
