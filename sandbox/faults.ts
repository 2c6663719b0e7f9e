import { SeededRandom } from "./random"

export type FaultKind = "429" | "500" | "503" | "timeout" | "slow" | "malformed" | "truncated-gzip" | "mutate"

export const FAULT_KINDS: readonly FaultKind[] = ["429", "500", "503", "timeout", "slow", "malformed", "truncated-gzip", "mutate"]

/**
 * One operation of a "mutate" fault: RFC 6902 JSON Patch, limited to add / replace / remove — enough to put a
 * wrong type, a missing field or an unknown one into an otherwise valid answer. `path` is a JSON Pointer
 * (RFC 6901) into the response body ("/orders/0/proceeds/grandTotal/amount"); "-" appends to a list.
 */
export interface JsonPatchOperation {
  op: "add" | "replace" | "remove"
  path: string
  value?: unknown
}

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
  /** "mutate" only (required): applied in order to the JSON body of the answer (or of a JSON document download). */
  patch?: JsonPatchOperation[]
  /**
   * "500" / "503" / "timeout" only: Amazon carries the request out and only the answer is lost (a gateway
   * error or timeout after processing) — the caller cannot tell whether it happened.
   */
  processed?: boolean
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
  if (kind === "mutate") {
    // a patch is written for one answer's shape
    if (out.operation === undefined) throw new Error("a mutate fault needs an operation (an operationId or downloadDocument)")
    out.patch = parsePatch(rule.patch)
  }
  else if (rule.patch !== undefined) throw new Error(`patch is only for kind "mutate"`)
  if (rule.processed !== undefined && rule.processed !== false) {
    if (kind !== "500" && kind !== "503" && kind !== "timeout") throw new Error(`processed is only for kinds "500", "503" and "timeout"`)
    out.processed = true
  }
  return out
}

function parsePatch(input: unknown): JsonPatchOperation[] {
  if (!Array.isArray(input) || input.length === 0) throw new Error("a mutate fault needs patch: a non-empty list of JSON Patch operations")
  return input.map((raw, i) => {
    const op = (raw ?? {}) as Record<string, unknown>
    if (op.op !== "add" && op.op !== "replace" && op.op !== "remove") throw new Error(`patch[${i}].op must be add, replace or remove; got ${String(op.op)}`)
    if (typeof op.path !== "string" || !op.path.startsWith("/")) throw new Error(`patch[${i}].path must be a JSON Pointer starting with "/"`)
    if (op.op !== "remove" && !("value" in op)) throw new Error(`patch[${i}] (${op.op}) needs a value`)
    return op.op === "remove" ? { op: op.op, path: op.path } : { op: op.op, path: op.path, value: op.value }
  })
}

/**
 * Applies a "mutate" fault's patch to a JSON value and returns the result (the input is not changed). A path
 * that does not exist is an error, as in RFC 6902: a test that means to corrupt a field should not pass
 * because the field was never there.
 */
export function applyJsonPatch(document: unknown, patch: JsonPatchOperation[]): unknown {
  const root = structuredClone(document)
  for (const { op, path, value } of patch) {
    const keys = path
      .slice(1)
      .split("/")
      .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"))
    const last = keys.pop()!
    let parent: unknown = root
    for (const key of keys) {
      parent = parent !== null && typeof parent === "object" ? (parent as Record<string, unknown>)[key] : undefined
      if (parent === undefined) throw new Error(`patch: ${path} does not exist`)
    }
    if (parent === null || typeof parent !== "object") throw new Error(`patch: ${path} does not exist`)
    if (Array.isArray(parent)) {
      const index = last === "-" ? parent.length : Number(last)
      if (!Number.isInteger(index) || index < 0 || index > parent.length || (op !== "add" && index === parent.length)) {
        throw new Error(`patch: ${path} does not exist`)
      }
      if (op === "add") parent.splice(index, 0, structuredClone(value))
      else if (op === "replace") parent[index] = structuredClone(value)
      else parent.splice(index, 1)
      continue
    }
    const object = parent as Record<string, unknown>
    if (op !== "add" && !(last in object)) throw new Error(`patch: ${path} does not exist`)
    if (op === "remove") delete object[last]
    else object[last] = structuredClone(value)
  }
  return root
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
