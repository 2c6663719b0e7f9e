import { randomUUID } from "node:crypto"
import type { Request, Response, Router } from "express"
import { SandboxContext } from "./context"
import { findOperation } from "./models"
import { usagePlan } from "./rate-limits"
import { rateLimitHeader } from "./token-bucket"
import { applyJsonPatch, JsonPatchOperation } from "./faults"
import { RequestLogEntry, Seller } from "./types"
import { ValidationError } from "./validation"

/** Amazon's error body for a missing, unknown or revoked access token (exact text clients match on). */
export const UNAUTHORIZED = { code: "Unauthorized", message: "Access to requested resource is denied.", details: "" }
export const QUOTA_EXCEEDED = { code: "QuotaExceeded", message: "You exceeded your quota for the requested resource.", details: "" }

export function sendError(res: Response, status: number, code: string, message: string, details = ""): void {
  res.status(status).json({ errors: [{ code, message, details }] })
}

/** Query values as SP-API sends them: arrays comma-separated (Swagger csv), repeated keys joined. */
export class Query {
  constructor(readonly raw: Map<string, string[]>) {}

  has(name: string): boolean {
    return this.raw.has(name)
  }

  str(name: string): string | undefined {
    const values = this.raw.get(name)
    return values ? values[values.length - 1] : undefined
  }

  list(name: string): string[] | undefined {
    const values = this.raw.get(name)
    if (!values) return undefined
    return values.flatMap((v) => v.split(",")).filter((v) => v.length > 0)
  }

  /** An integer, or NaN when present but not an integer; undefined when absent. */
  int(name: string): number | undefined {
    const v = this.str(name)
    if (v === undefined) return undefined
    return /^-?\d+$/.test(v) ? Number(v) : NaN
  }

  toObject(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [k, v] of this.raw) out[k] = v.length === 1 ? v[0] : v
    return out
  }
}

export function parseRawQuery(originalUrl: string): Map<string, string[]> {
  const i = originalUrl.indexOf("?")
  const out = new Map<string, string[]>()
  if (i < 0) return out
  for (const [k, v] of new URLSearchParams(originalUrl.slice(i + 1))) out.set(k, [...(out.get(k) ?? []), v])
  return out
}

export function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get("host") ?? "127.0.0.1"}`
}

export function hasBody(req: Request): boolean {
  return Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined
}

export interface SpApiCall {
  requestId: string
  operationId: string
  seller: Seller
  sellerId: string
  clientId: string
  query: Query
  baseUrl: string
  entry: RequestLogEntry
}

export interface RouteSpec {
  /** Amazon's operationId — the key for quotas, stats, faults and model validation. */
  operationId: string
  /** Model file (without .json) that defines the operation. */
  api: string
  method: "get" | "put" | "post" | "delete" | "patch"
  /** Express path; parameter names equal the Swagger names. */
  path: string
}

type Handler = (req: Request, res: Response, call: SpApiCall) => void | Promise<void>

/**
 * Registers one SP-API operation behind the pipeline every real call goes through: request id →
 * request log → model validation (recorded) → access token → token bucket → (optional) rejection of
 * invalid requests → fault injection → handler.
 */
export function spApiRoute(ctx: SandboxContext, router: Router, spec: RouteSpec, handler: Handler): void {
  router[spec.method](spec.path, (req: Request, res: Response) => {
    runPipeline(ctx, spec, handler, req, res).catch((e: unknown) => {
      ctx.log(`${spec.operationId} failed: ${(e as Error).stack ?? String(e)}`)
      if (!res.headersSent) sendError(res, 500, "InternalFailure", "We encountered an internal error. Please try again.")
    })
  })
}

export function beginRequest(ctx: SandboxContext, req: Request, res: Response, operationId: string, extra: Partial<RequestLogEntry> = {}) {
  const requestId = randomUUID()
  res.setHeader("x-amzn-RequestId", requestId)
  const raw = parseRawQuery(req.originalUrl)
  const query = new Query(raw)
  const entry = ctx.logRequest({
    time: ctx.clock.iso(),
    requestId,
    operationId,
    method: req.method,
    path: req.path,
    query: query.toObject(),
    ...(hasBody(req) && extra.body === undefined ? { body: req.body as unknown } : {}),
    status: 0,
    ...extra,
  })
  let counted = false
  const done = (status: number) => {
    if (counted) return
    counted = true
    entry.status = status
    ctx.countResponse(operationId, status)
  }
  res.on("finish", () => done(res.statusCode))
  res.on("close", () => done(res.writableFinished ? res.statusCode : 0))
  return { requestId, query, raw, entry }
}

/** Checks the access token; answers 403 itself and returns undefined when it is not usable. */
export function authenticate(ctx: SandboxContext, req: Request, res: Response) {
  const token = req.header("x-amz-access-token")
  const record = token ? ctx.state.accessTokens.get(token) : undefined
  if (!record || record.revoked || !record.sellerId) {
    res.status(403).json({ errors: [UNAUTHORIZED] })
    return undefined
  }
  if (record.expiresAt <= ctx.clock.now()) {
    res.status(403).json({
      errors: [{ code: "Unauthorized", message: "Access to requested resource is denied. The access token you provided has expired.", details: "The access token you provided has expired." }],
    })
    return undefined
  }
  const seller = ctx.state.sellers.get(record.sellerId)
  if (!seller) {
    res.status(403).json({ errors: [UNAUTHORIZED] })
    return undefined
  }
  return { record, seller }
}

async function runPipeline(ctx: SandboxContext, spec: RouteSpec, handler: Handler, req: Request, res: Response): Promise<void> {
  ctx.tick()
  const { requestId, query, raw, entry } = beginRequest(ctx, req, res, spec.operationId)
  const modelOp = ctx.models ? findOperation(ctx.models, spec.api, spec.operationId) : undefined
  let malformed = false
  let mutation: JsonPatchOperation[] | undefined

  const json = res.json.bind(res)
  res.json = (body?: unknown) => {
    if (ctx.validator && ctx.options.validateResponses && modelOp) {
      const errors = ctx.validator.validateResponse(modelOp, res.statusCode, body)
      if (errors.length) ctx.recordValidation({ kind: "response", requestId, api: spec.api, operationId: spec.operationId, method: req.method, path: req.path, errors })
    }
    // the sandbox's own answer is what is validated; the mutation is the test's deliberate corruption
    if (mutation && res.statusCode < 300) {
      try {
        body = applyJsonPatch(body, mutation)
      } catch (e) {
        // a patch that does not fit the answer is the test's mistake: say so loudly instead of answering normally
        ctx.log(`mutate fault on ${spec.operationId}: ${(e as Error).message}`)
        res.status(500)
        return json({ errors: [{ code: "SandboxFaultError", message: `mutate fault: ${(e as Error).message}`, details: "" }] })
      }
    }
    if (malformed) {
      const text = JSON.stringify(body ?? { payload: {} })
      res.status(200).type("application/json").send(text.slice(0, Math.max(1, Math.floor(text.length / 2))))
      return res
    }
    return json(body)
  }

  let invalid: ValidationError[] = []
  if (ctx.validator && ctx.options.validateRequests && modelOp) {
    invalid = ctx.validator.validateRequest(modelOp, { pathParams: req.params as Record<string, string>, query: raw, body: req.body, hasBody: hasBody(req) })
    // SP-API requires a User-Agent of at most 500 characters on every call (notes §3.1).
    const userAgent = req.header("user-agent")
    if (!userAgent || userAgent.length > 500) invalid.push({ location: "header.user-agent", message: "is required (at most 500 characters)" })
    if (invalid.length) ctx.recordValidation({ kind: "request", requestId, api: spec.api, operationId: spec.operationId, method: req.method, path: req.path, errors: invalid })
  }

  const auth = authenticate(ctx, req, res)
  if (!auth) return
  entry.sellerId = auth.seller.sellerId

  const plan = usagePlan(spec.operationId)
  // Amazon meters per selling partner × application × operation (developer-docs "Usage Plans").
  if (!ctx.buckets.take(`${auth.record.clientId}|${auth.seller.sellerId}|${spec.operationId}`, plan)) {
    res.status(429).json({ errors: [QUOTA_EXCEEDED] })
    return
  }
  res.setHeader("x-amzn-RateLimit-Limit", rateLimitHeader(plan, ctx.clock.timeScale))

  if (invalid.length && ctx.options.rejectInvalid) {
    sendError(res, 400, "InvalidInput", invalid.map((e) => `${e.location} ${e.message}`).join("; "))
    return
  }

  const callInfo = {
    requestId,
    operationId: spec.operationId,
    seller: auth.seller,
    sellerId: auth.seller.sellerId,
    clientId: auth.record.clientId,
    query,
    baseUrl: baseUrl(req),
    entry,
  }
  const fault = ctx.faults.pick(spec.operationId)
  if (fault) {
    entry.fault = fault.kind
    ctx.log(`fault ${fault.kind}${fault.processed ? " (after processing)" : ""} on ${spec.operationId}`)
    // Amazon did the work; only its answer is lost
    if (fault.processed) await handler(req, discardingResponse(res), callInfo)
    switch (fault.kind) {
      case "429":
        res.removeHeader("x-amzn-RateLimit-Limit")
        res.status(429).json({ errors: [QUOTA_EXCEEDED] })
        return
      case "500":
        sendError(res, 500, "InternalFailure", "We encountered an internal error. Please try again.")
        return
      case "503":
        sendError(res, 503, "ServiceUnavailable", "Service temporarily unavailable. Please try again.")
        return
      case "timeout":
        ctx.later(fault.delayMs ?? 30_000, () => req.socket.destroy())
        return
      case "slow":
        await new Promise<void>((resolve) => ctx.later(fault.delayMs ?? 2000, resolve))
        if (req.socket.destroyed) return
        break
      case "malformed":
        malformed = true
        break
      case "mutate":
        mutation = fault.patch
        break
      default:
        break
    }
  }

  await handler(req, res, callInfo)
}

/** A response whose writes go nowhere: a handler runs in full, and the fault answers instead. */
function discardingResponse(res: Response): Response {
  const sink: Response = Object.create(res)
  for (const method of ["status", "json", "send", "end", "type", "setHeader", "set", "header", "removeHeader"] as const) {
    ;(sink as unknown as Record<string, unknown>)[method] = () => sink
  }
  return sink
}
