import fs from "node:fs"
import path from "node:path"

/**
 * Amazon's Swagger 2.0 models and feed schemas, read at runtime from the shared folder beside the repo
 * (they are Apache-2.0 data we deliberately do not copy into the project). Only request validation and
 * static-example replay need them; every stateful behaviour works without.
 */

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch"
const METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "patch"]

export interface SwaggerParameter {
  name: string
  in: "path" | "query" | "body" | "header" | "formData"
  required?: boolean
  type?: string
  schema?: unknown
  [key: string]: unknown
}

export interface SwaggerResponse {
  description?: string
  schema?: unknown
  headers?: Record<string, unknown>
  "x-amzn-api-sandbox"?: { static?: StaticExampleSpec[]; dynamic?: unknown }
}

export interface StaticExampleSpec {
  request?: { parameters?: Record<string, { value?: unknown }> }
  response?: unknown
}

export interface ModelOperation {
  /** Model file name without extension, e.g. "orders_2026-01-01". */
  api: string
  /** Path of the model file relative to the models folder. */
  file: string
  operationId: string
  method: HttpMethod
  pathTemplate: string
  parameters: SwaggerParameter[]
  responses: Record<string, SwaggerResponse>
  regex: RegExp
  pathParamNames: string[]
}

export interface LoadedModel {
  api: string
  file: string
  json: { paths: Record<string, Record<string, unknown>>; definitions?: Record<string, unknown> }
}

export interface AmazonModels {
  dir: string
  models: Map<string, LoadedModel>
  operations: ModelOperation[]
  /** Schemas from schemas/feeds, keyed by file name. */
  feedSchemas: Map<string, Record<string, unknown>>
}

export function defaultModelsDir(): string {
  return process.env.AMAZON_SP_API_MODELS_DIR ?? path.resolve(__dirname, "../../shared/amazon-sp-api")
}

const cache = new Map<string, AmazonModels | null>()
const warned = new Set<string>()

/** Loads (once per folder) every model under `<dir>/models/*\/*.json` and the feed schemas. */
export function loadAmazonModels(dir: string = defaultModelsDir(), logger?: (line: string) => void): AmazonModels | null {
  if (cache.has(dir)) {
    const cached = cache.get(dir) ?? null
    if (!cached) warnMissing(dir, logger)
    return cached
  }
  const modelsRoot = path.join(dir, "models")
  if (!fs.existsSync(modelsRoot)) {
    cache.set(dir, null)
    warnMissing(dir, logger)
    return null
  }
  const models = new Map<string, LoadedModel>()
  const operations: ModelOperation[] = []
  for (const group of fs.readdirSync(modelsRoot).sort()) {
    const groupDir = path.join(modelsRoot, group)
    if (!fs.statSync(groupDir).isDirectory()) continue
    for (const name of fs.readdirSync(groupDir).sort()) {
      if (!name.endsWith(".json")) continue
      const file = `models/${group}/${name}`
      const api = name.replace(/\.json$/, "")
      const json = JSON.parse(fs.readFileSync(path.join(groupDir, name), "utf8")) as LoadedModel["json"]
      models.set(api, { api, file, json })
      operations.push(...indexOperations(api, file, json))
    }
  }
  const feedSchemas = new Map<string, Record<string, unknown>>()
  const feedsDir = path.join(dir, "schemas", "feeds")
  if (fs.existsSync(feedsDir)) {
    for (const name of fs.readdirSync(feedsDir)) {
      if (name.endsWith(".json") && !name.endsWith(".example.json")) {
        feedSchemas.set(name, JSON.parse(fs.readFileSync(path.join(feedsDir, name), "utf8")))
      }
    }
  }
  const loaded: AmazonModels = { dir, models, operations, feedSchemas }
  cache.set(dir, loaded)
  return loaded
}

function warnMissing(dir: string, logger?: (line: string) => void): void {
  if (warned.has(dir)) return
  warned.add(dir)
  const line = `Amazon models not found at ${dir}; request validation and static-example replay are off`
  if (logger) logger(line)
  else console.warn(`[sp-api-sandbox] ${line}`)
}

function indexOperations(api: string, file: string, json: LoadedModel["json"]): ModelOperation[] {
  const out: ModelOperation[] = []
  for (const [pathTemplate, item] of Object.entries(json.paths ?? {})) {
    const pathLevel = (item.parameters as SwaggerParameter[] | undefined) ?? []
    for (const method of METHODS) {
      const op = item[method] as
        | { operationId?: string; parameters?: SwaggerParameter[]; responses?: Record<string, SwaggerResponse> }
        | undefined
      if (!op || !op.operationId) continue
      const own = op.parameters ?? []
      // Operation-level parameters override path-level ones with the same name+location (Swagger 2.0 §Path Item).
      const merged = [...pathLevel.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own]
      const pathParamNames: string[] = []
      const pattern = pathTemplate
        .split("/")
        .map((segment) => {
          const m = /^\{(.+)\}$/.exec(segment)
          if (m) {
            pathParamNames.push(m[1])
            return "([^/]*)"
          }
          return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        })
        .join("/")
      out.push({
        api,
        file,
        operationId: op.operationId,
        method,
        pathTemplate,
        parameters: merged,
        responses: op.responses ?? {},
        // No optional trailing slash: "/items/" is getCatalogItem with an empty asin, not searchCatalogItems.
        regex: new RegExp(`^${pattern}$`),
        pathParamNames,
      })
    }
  }
  return out
}

/** The model operation a request path belongs to; literal segments win over `{params}`. */
export function findOperationByPath(
  models: AmazonModels,
  method: string,
  urlPath: string
): { op: ModelOperation; pathParams: Record<string, string> } | undefined {
  const m = method.toLowerCase()
  let best: { op: ModelOperation; pathParams: Record<string, string> } | undefined
  for (const op of models.operations) {
    if (op.method !== m) continue
    const match = op.regex.exec(urlPath)
    if (!match) continue
    if (best && best.op.pathParamNames.length <= op.pathParamNames.length) continue
    const pathParams: Record<string, string> = {}
    op.pathParamNames.forEach((name, i) => {
      pathParams[name] = safeDecode(match[i + 1])
    })
    best = { op, pathParams }
  }
  return best
}

export function findOperation(models: AmazonModels, api: string, operationId: string): ModelOperation | undefined {
  return models.operations.find((o) => o.api === api && o.operationId === operationId)
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
