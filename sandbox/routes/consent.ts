import { randomBytes } from "node:crypto"
import express, { Request, Response, Router } from "express"
import { SandboxContext } from "../context"
import { Seller } from "../types"

/** Authorization codes live five minutes (notes §3.2: spapi_oauth_code "expires after 5 minutes"). */
const CODE_TTL_MS = 5 * 60 * 1000

/**
 * Seller Central's consent page (`{SellerCentralURL}/apps/authorize/consent`, notes §3.2): the seller
 * confirms, and is sent back to the app's redirect URI with `state`, `selling_partner_id` and
 * `spapi_oauth_code`. `auto=1` skips the page (for HTTP tests without a browser).
 */
export function consentRouter(ctx: SandboxContext): Router {
  const router = express.Router()

  router.get("/apps/authorize/consent", (req: Request, res: Response) => {
    const q = req.query as Record<string, string | undefined>
    const problem = check(ctx, q)
    if (problem) return void res.status(400).type("html").send(page("Authorization error", `<p>${escape(problem)}</p>`))
    const sellers = [...ctx.state.sellers.values()]
    const chosen = pickSeller(ctx, q.seller)
    if (!chosen) return void res.status(400).type("html").send(page("Authorization error", "<p>No selling account is available in this sandbox.</p>"))
    if (q.auto === "1" || q.auto === "true") return redirect(ctx, res, chosen, q)

    const hidden = ["application_id", "state", "version", "redirect_uri"]
      .filter((k) => q[k] !== undefined)
      .map((k) => `<input type="hidden" name="${k}" value="${escape(String(q[k]))}">`)
      .join("")
    const options = sellers
      .map((s) => `<option value="${escape(s.sellerId)}"${s.sellerId === chosen.sellerId ? " selected" : ""}>${escape(s.name)} (${escape(s.sellerId)}, ${s.region.toUpperCase()})</option>`)
      .join("")
    const body = `
      <h1>Authorize ${escape(ctx.state.app.name)} for seller ${escape(chosen.name)}</h1>
      <p>${escape(ctx.state.app.name)} (${escape(ctx.state.app.applicationId)}) asks for access to your selling account.</p>
      <form method="post" action="/apps/authorize/consent">
        ${hidden}
        <label>Selling account <select name="seller" id="seller">${options}</select></label>
        <p><button type="submit" id="authorize">Confirm</button></p>
      </form>
      ${q.version === "beta" ? "<p><small>Draft application (version=beta)</small></p>" : ""}`
    res.type("html").send(page(`Authorize ${ctx.state.app.name}`, body))
  })

  router.post("/apps/authorize/consent", express.urlencoded({ extended: false }), (req: Request, res: Response) => {
    const q = (req.body ?? {}) as Record<string, string | undefined>
    const problem = check(ctx, q)
    if (problem) return void res.status(400).type("html").send(page("Authorization error", `<p>${escape(problem)}</p>`))
    const seller = pickSeller(ctx, q.seller)
    if (!seller) return void res.status(400).type("html").send(page("Authorization error", "<p>Unknown selling account.</p>"))
    redirect(ctx, res, seller, q)
  })

  return router
}

/** Issues a single-use authorization code for a seller (also used by the control API). */
export function issueAuthorizationCode(ctx: SandboxContext, sellerId: string, redirectUri: string): string {
  const code = `ANd${randomBytes(15).toString("base64url")}`
  ctx.state.authCodes.set(code, {
    code,
    sellerId,
    applicationId: ctx.state.app.applicationId,
    redirectUri,
    expiresAt: ctx.clock.now() + CODE_TTL_MS,
    used: false,
  })
  return code
}

function check(ctx: SandboxContext, q: Record<string, string | undefined>): string | undefined {
  if (!q.application_id) return "The request is missing application_id."
  if (q.application_id !== ctx.state.app.applicationId) return `MD1000: the application ${q.application_id} is not registered.`
  if (!q.state) return "The request is missing state."
  return undefined
}

function pickSeller(ctx: SandboxContext, wanted?: string): Seller | undefined {
  if (wanted) return ctx.state.sellers.get(wanted)
  const sellers = [...ctx.state.sellers.values()]
  return sellers.find((s) => s.region === "eu") ?? sellers[0]
}

function redirect(ctx: SandboxContext, res: Response, seller: Seller, q: Record<string, string | undefined>): void {
  const redirectUri = q.redirect_uri || ctx.options.defaultRedirectUri
  const code = issueAuthorizationCode(ctx, seller.sellerId, redirectUri)
  const url = new URL(redirectUri)
  url.searchParams.set("state", String(q.state))
  url.searchParams.set("selling_partner_id", seller.sellerId)
  url.searchParams.set("spapi_oauth_code", code)
  ctx.log(`consent: ${seller.sellerId} authorized, redirecting to ${url.origin}${url.pathname}`)
  res.redirect(302, url.toString())
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}button{background:#ffd814;border:1px solid #fcd200;border-radius:8px;padding:.5rem 1.5rem;font-size:1rem;cursor:pointer}</style>
</head><body><p><strong>Seller Central (SP-API sandbox)</strong></p>${body}</body></html>`
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)
}
