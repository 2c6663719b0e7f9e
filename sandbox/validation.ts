import Ajv, { ErrorObject, ValidateFunction } from "ajv"
import addFormats from "ajv-formats"
import { AmazonModels, ModelOperation, SwaggerParameter } from "./models"

/**
 * Request (and, in the sandbox's own tests, response) validation against Amazon's Swagger 2.0 models,
 * plus JSON_LISTINGS_FEED documents against schemas/feeds. Swagger 2.0 is close to JSON Schema draft-04;
 * we convert the few differences (`#/definitions/…` refs, boolean exclusiveMinimum/Maximum) and let ajv
 * (draft-07, `strict: false` so `x-…` extensions and `discriminator` are ignored) do the rest.
 */

export interface ValidationError {
  location: string
  message: string
  instancePath?: string
}

export interface RequestInput {
  pathParams: Record<string, string>
  /** Raw query values, one entry per occurrence, not yet split on commas. */
  query: Map<string, string[]>
  body: unknown
  hasBody: boolean
}

const MODEL_BASE = "https://sp-api-sandbox.local/models/"
const FEED_BASE = "https://sp-api-sandbox.local/schemas/feeds/"
const PARAM_KEYWORDS = [
  "type",
  "format",
  "items",
  "enum",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "multipleOf",
] as const

export class SpApiValidator {
  private readonly ajv: Ajv
  private readonly compiled = new Map<string, ValidateFunction | null>()
  private feedValidator?: ValidateFunction | null
  private reportValidator?: ValidateFunction | null

  constructor(
    private readonly models: AmazonModels,
    private readonly logger: (line: string) => void = () => undefined
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false })
    addFormats(this.ajv)
    for (const model of models.models.values()) {
      this.ajv.addSchema(
        { $id: `${MODEL_BASE}${model.api}.json`, definitions: convert(model.json.definitions ?? {}, model.api) },
        undefined,
        undefined,
        false
      )
    }
    for (const [name, schema] of models.feedSchemas) {
      this.ajv.addSchema({ ...schema, $id: `${FEED_BASE}${name}` }, undefined, undefined, false)
    }
  }

  validateRequest(op: ModelOperation, input: RequestInput): ValidationError[] {
    const errors: ValidationError[] = []
    const known = new Set<string>()
    for (const param of op.parameters) {
      if (param.in === "query") known.add(param.name)
      if (param.in === "path") {
        const raw = input.pathParams[param.name]
        if (raw === undefined) {
          errors.push({ location: `path.${param.name}`, message: "is required" })
          continue
        }
        this.check(op, `path:${param.name}`, () => paramSchema(param, op.api), coerce(param, [raw]), `path.${param.name}`, errors)
      } else if (param.in === "query") {
        const raw = input.query.get(param.name)
        if (raw === undefined || (raw.length === 1 && raw[0] === "" && param.type !== "string")) {
          if (param.required) errors.push({ location: `query.${param.name}`, message: "is required" })
          continue
        }
        this.check(op, `query:${param.name}`, () => paramSchema(param, op.api), coerce(param, raw), `query.${param.name}`, errors)
      } else if (param.in === "body") {
        if (!input.hasBody) {
          if (param.required) errors.push({ location: "body", message: "a JSON body is required" })
          continue
        }
        this.check(op, "body", () => convert(param.schema ?? {}, op.api), input.body, "body", errors)
      }
    }
    for (const name of input.query.keys()) {
      if (!known.has(name)) {
        errors.push({ location: `query.${name}`, message: `is not a parameter of ${op.operationId}` })
      }
    }
    return errors
  }

  /** Checks a response the sandbox produced against the declared response schema for that status. */
  validateResponse(op: ModelOperation, status: number, body: unknown): ValidationError[] {
    const response = op.responses[String(status)]
    if (!response) return [{ location: "status", message: `${status} is not a declared response of ${op.operationId}` }]
    if (!response.schema || body === undefined) return []
    const errors: ValidationError[] = []
    this.check(op, `response:${status}`, () => convert(response.schema, op.api), body, "response", errors)
    return errors
  }

  /** JSON_LISTINGS_FEED document against schemas/feeds/listings-feed-schema-v2.json. */
  validateListingsFeed(doc: unknown): ValidationError[] {
    if (this.feedValidator === undefined) this.feedValidator = this.feedSchema("listings-feed-schema-v2.json")
    return runValidator(this.feedValidator, doc, "document")
  }

  /** Processing report against schemas/feeds/listings-feed-processing-report-schema-v2.json. */
  validateProcessingReport(doc: unknown): ValidationError[] {
    if (this.reportValidator === undefined) {
      this.reportValidator = this.feedSchema("listings-feed-processing-report-schema-v2.json")
    }
    return runValidator(this.reportValidator, doc, "report")
  }

  private feedSchema(name: string): ValidateFunction | null {
    if (!this.models.feedSchemas.has(name)) return null
    return this.ajv.getSchema(`${FEED_BASE}${name}`) ?? null
  }

  private check(
    op: ModelOperation,
    key: string,
    schema: () => unknown,
    value: unknown,
    location: string,
    errors: ValidationError[]
  ): void {
    const cacheKey = `${op.api}#${op.method}#${op.operationId}#${key}`
    let validate = this.compiled.get(cacheKey)
    if (validate === undefined) {
      try {
        validate = this.ajv.compile(schema() as object)
      } catch (e) {
        this.logger(`cannot compile schema for ${op.operationId} ${key}: ${(e as Error).message}`)
        validate = null
      }
      this.compiled.set(cacheKey, validate)
    }
    errors.push(...runValidator(validate, value, location))
  }
}

function runValidator(validate: ValidateFunction | null | undefined, value: unknown, location: string): ValidationError[] {
  if (!validate) return []
  if (validate(value)) return []
  return (validate.errors ?? []).map((e: ErrorObject) => ({
    location: `${location}${e.instancePath.replace(/\//g, ".")}`,
    message: describe(e),
    instancePath: e.instancePath,
  }))
}

function describe(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>
  if (e.keyword === "enum") return `${e.message}: ${JSON.stringify(params.allowedValues)}`
  if (e.keyword === "additionalProperties") return `must NOT have additional property "${String(params.additionalProperty)}"`
  return e.message ?? e.keyword
}

/** JSON Schema for a non-body Swagger parameter (its validation keywords only). */
function paramSchema(param: SwaggerParameter, api: string): unknown {
  const schema: Record<string, unknown> = {}
  for (const key of PARAM_KEYWORDS) {
    if (param[key] !== undefined) schema[key] = param[key]
  }
  return convert(schema, api)
}

/**
 * Query/path values arrive as strings. Swagger's default collectionFormat is csv, so arrays are split on
 * commas (repeated keys are joined too); numbers and booleans are converted only when they look like one,
 * so a bad value still fails the type check.
 */
function coerce(param: SwaggerParameter, raw: string[]): unknown {
  if (param.type === "array") {
    const itemType = (param.items as { type?: string } | undefined)?.type
    const values = raw.flatMap((r) => (param.collectionFormat === "multi" ? [r] : r.split(",")))
    return values.map((v) => coerceScalar(itemType, v))
  }
  return coerceScalar(param.type, raw[raw.length - 1])
}

function coerceScalar(type: string | undefined, value: string): unknown {
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return Number(value)
  if (type === "boolean" && (value === "true" || value === "false")) return value === "true"
  return value
}

/** Swagger 2.0 schema → JSON Schema draft-07: absolute `$ref`s and numeric exclusive bounds. */
function convert(node: unknown, api: string): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, api))
  if (!node || typeof node !== "object") return node
  const src = node as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(src)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/")) {
      out[key] = `${MODEL_BASE}${api}.json${value}`
    } else if (key.startsWith("x-") || key === "example" || key === "discriminator") {
      continue
    } else if ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value === "boolean") {
      const bound = key === "exclusiveMinimum" ? "minimum" : "maximum"
      if (value && typeof src[bound] === "number") out[key] = src[bound]
    } else if (key === "properties" || key === "definitions" || key === "patternProperties") {
      const props: Record<string, unknown> = {}
      for (const [name, sub] of Object.entries((value as Record<string, unknown>) ?? {})) props[name] = convert(sub, api)
      out[key] = props
    } else {
      out[key] = convert(value, api)
    }
  }
  // A boolean exclusive bound replaced `minimum`/`maximum`; drop the inclusive one.
  if (src.exclusiveMinimum === true && typeof src.minimum === "number") delete out.minimum
  if (src.exclusiveMaximum === true && typeof src.maximum === "number") delete out.maximum
  return out
}
