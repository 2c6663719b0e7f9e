import { AmazonModels, ModelOperation, defaultModelsDir, loadAmazonModels } from "./models"

/**
 * Replay of the `x-amzn-api-sandbox.static[]` request/response pairs that Amazon ships in every model —
 * what Amazon's own sandbox hosts answer. A request opts in with the header `x-amzn-api-sandbox: static`
 * (our convention; Amazon selects the behaviour by host name instead). The example chosen is the one whose
 * parameters are all present in the request with equal values; when several match, the one naming more
 * parameters wins, then the first in the model.
 */

export const STATIC_HEADER = "x-amzn-api-sandbox"

export interface StaticExample {
  operationId: string
  /** Model file name without extension, e.g. "feeds_2021-06-30". */
  api: string
  /** Model file relative to the models folder. */
  file: string
  method: string
  path: string
  /** The example's request parameters, by name; the body is always under "body". */
  parameters: Record<string, unknown>
  status: number
  body: unknown
  /** Position of the example among the operation's examples. */
  index: number
  /**
   * True when replaying exactly this example's parameters selects a different example (Amazon's models
   * contain a few pairs with identical requests, e.g. getAccount 200 and 400).
   */
  shadowed: boolean
}

interface Candidate {
  constraints: { name: string; location: "path" | "query" | "body"; value: unknown }[]
  status: number
  body: unknown
  index: number
}

export interface StaticRequest {
  pathParams: Record<string, string>
  query: Map<string, string[]>
  body: unknown
  hasBody: boolean
}

const candidateCache = new WeakMap<ModelOperation, Candidate[]>()

function candidates(op: ModelOperation): Candidate[] {
  const cached = candidateCache.get(op)
  if (cached) return cached
  const out: Candidate[] = []
  let index = 0
  for (const [code, response] of Object.entries(op.responses)) {
    for (const example of response["x-amzn-api-sandbox"]?.static ?? []) {
      const constraints: Candidate["constraints"] = []
      for (const [name, spec] of Object.entries(example.request?.parameters ?? {})) {
        // Some examples carry `"body": {}` without a value: no constraint.
        if (!spec || !("value" in spec)) continue
        const param = op.parameters.find((p) => p.name === name)
        // Examples key the body "body" even when the Swagger parameter is called "payload".
        const location = name === "body" || param?.in === "body" ? "body" : param?.in === "path" ? "path" : "query"
        constraints.push({ name, location, value: spec.value })
      }
      out.push({ constraints, status: Number(code), body: example.response, index: index++ })
    }
  }
  candidateCache.set(op, out)
  return out
}

/** The example to answer with, or undefined when none matches. */
export function matchStaticExample(op: ModelOperation, request: StaticRequest): { status: number; body: unknown; index: number } | undefined {
  let best: Candidate | undefined
  for (const candidate of candidates(op)) {
    const ok = candidate.constraints.every((c) => {
      if (c.location === "body") return request.hasBody && looseEqual(c.value, request.body)
      if (c.location === "path") return request.pathParams[c.name] !== undefined && looseEqual(c.value, request.pathParams[c.name])
      const raw = request.query.get(c.name)
      if (raw === undefined) return false
      return queryMatches(c.value, raw)
    })
    if (!ok) continue
    if (!best || candidate.constraints.length > best.constraints.length) best = candidate
  }
  return best && { status: best.status, body: best.body, index: best.index }
}

function queryMatches(expected: unknown, raw: string[]): boolean {
  const values = raw.flatMap((r) => r.split(","))
  if (Array.isArray(expected)) {
    return expected.length === values.length && expected.every((e, i) => looseEqual(e, values[i]))
  }
  return values.length === 1 ? looseEqual(expected, values[0]) : looseEqual(expected, raw.join(","))
}

/** Deep equality where a number or boolean equals its string form (query strings carry no types). */
export function looseEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || a === undefined || b === undefined) return false
  if (typeof a !== "object" || typeof b !== "object") return String(a) === String(b)
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => looseEqual(x, b[i]))
  const ak = Object.keys(a as object)
  const bk = Object.keys(b as object)
  if (ak.length !== bk.length) return false
  return ak.every((k) => looseEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Placeholder for path parameters an example does not name. */
export const PATH_FILLER = "sandbox-static"

/** The request that replays an example: method, path with query string, and JSON body if any. */
export function buildStaticRequest(example: Pick<StaticExample, "method" | "path" | "parameters" | "api" | "operationId">, models?: AmazonModels | null): {
  method: string
  url: string
  body?: unknown
} {
  const loaded = models ?? loadAmazonModels()
  const op = loaded?.operations.find(
    (o) => o.api === example.api && o.operationId === example.operationId && o.method === example.method.toLowerCase()
  )
  const locationOf = (name: string): "path" | "query" | "body" => {
    if (name === "body") return "body"
    const param = op?.parameters.find((p) => p.name === name)
    if (param?.in === "body") return "body"
    if (param?.in === "path" || example.path.includes(`{${name}}`)) return "path"
    return "query"
  }
  let url = example.path
  const query = new URLSearchParams()
  let body: unknown
  for (const [name, value] of Object.entries(example.parameters)) {
    const location = locationOf(name)
    if (location === "body") body = value
    else if (location === "path") url = url.replace(`{${name}}`, encodeURIComponent(String(value)))
    else query.append(name, Array.isArray(value) ? value.map(String).join(",") : String(value))
  }
  url = url.replace(/\{[^}]+\}/g, PATH_FILLER)
  const qs = query.toString()
  return { method: example.method, url: qs ? `${url}?${qs}` : url, ...(body !== undefined ? { body } : {}) }
}

/** Every static example in the models, in model order. Empty when the models folder is absent. */
export function listStaticExamples(options: { modelsDir?: string } = {}): StaticExample[] {
  const models = loadAmazonModels(options.modelsDir ?? defaultModelsDir())
  if (!models) return []
  const out: StaticExample[] = []
  for (const op of models.operations) {
    for (const candidate of candidates(op)) {
      const parameters: Record<string, unknown> = {}
      for (const c of candidate.constraints) parameters[c.name] = c.value
      const example = {
        operationId: op.operationId,
        api: op.api,
        file: op.file,
        method: op.method.toUpperCase(),
        path: op.pathTemplate,
        parameters,
        status: candidate.status,
        body: candidate.body,
        index: candidate.index,
      }
      out.push({ ...example, shadowed: isShadowed(op, example, candidate.index, models) })
    }
  }
  return out
}

function isShadowed(
  op: ModelOperation,
  example: Pick<StaticExample, "method" | "path" | "parameters" | "api" | "operationId">,
  index: number,
  models: AmazonModels
): boolean {
  const request = buildStaticRequest(example, models)
  const [pathPart, qs] = request.url.split("?")
  const match = op.regex.exec(pathPart)
  const pathParams: Record<string, string> = {}
  op.pathParamNames.forEach((name, i) => {
    pathParams[name] = decodeURIComponent(match?.[i + 1] ?? "")
  })
  const query = new Map<string, string[]>()
  for (const [k, v] of new URLSearchParams(qs ?? "")) query.set(k, [...(query.get(k) ?? []), v])
  const chosen = matchStaticExample(op, { pathParams, query, body: request.body, hasBody: request.body !== undefined })
  return chosen?.index !== index
}
