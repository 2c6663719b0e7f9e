import type { NextFunction, Request, Response } from "express"
import { SandboxContext } from "./context"
import { authenticate, beginRequest, hasBody, sendError } from "./http"
import { findOperationByPath } from "./models"
import { STATIC_SANDBOX_PLAN } from "./rate-limits"
import { STATIC_HEADER, matchStaticExample } from "./static-examples"
import { rateLimitHeader } from "./token-bucket"

/** Paths that are the sandbox's own, never SP-API operations. */
const OWN_PREFIXES = ["/_sandbox", "/_s3", "/_schemas", "/auth/", "/apps/"]

/**
 * Requests with `x-amzn-api-sandbox: static` are answered from the models' static examples, like
 * Amazon's sandbox hosts: same access-token check, Amazon's sandbox throttle (5 rps / burst 15), no state.
 */
export function staticReplay(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.header(STATIC_HEADER) !== "static" || OWN_PREFIXES.some((p) => req.path.startsWith(p))) return next()
    const found = ctx.models ? findOperationByPath(ctx.models, req.method, req.path) : undefined
    const { raw, entry } = beginRequest(ctx, req, res, found?.op.operationId ?? "unknown", { static: true })
    if (!ctx.models) return sendError(res, 501, "NotImplemented", "Amazon models not found; static-example replay is off.")
    if (!found) return sendError(res, 404, "NotFound", `No SP-API operation ${req.method} ${req.path} in the models.`)
    const auth = authenticate(ctx, req, res)
    if (!auth) return
    entry.sellerId = auth.seller.sellerId
    if (!ctx.buckets.take(`static|${auth.record.clientId}|${auth.seller.sellerId}|${found.op.operationId}`, STATIC_SANDBOX_PLAN)) {
      return void res.status(429).json({ errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource.", details: "" }] })
    }
    res.setHeader("x-amzn-RateLimit-Limit", rateLimitHeader(STATIC_SANDBOX_PLAN, ctx.clock.timeScale))
    const example = matchStaticExample(found.op, { pathParams: found.pathParams, query: raw, body: req.body, hasBody: hasBody(req) })
    if (!example) {
      return sendError(res, 400, "InvalidInput", `No static sandbox example of ${found.op.operationId} matches the request parameters.`, "Use the parameter values of one of the operation's x-amzn-api-sandbox.static examples.")
    }
    res.status(example.status)
    if (example.status === 204 || example.body === null || example.body === undefined) return void res.end()
    res.json(example.body)
  }
}
