import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export const CALLBACK_PATH = "/admin/amazon/oauth/callback"

const DEVELOPMENT_ENVIRONMENTS = new Set(["development", "test"])

/** The configured MEDUSA_BACKEND_URL (plugin option backendUrl), without a trailing slash. */
function configuredOrigin(req: MedusaRequest): string | null {
  const configured = req.scope.resolve<AmazonModuleService>(AMAZON_MODULE).getPublicOptions().backendUrl
  return configured ? configured.replace(/\/+$/, "") : null
}

/**
 * The redirect_uri of the consent request; the code exchange must send the same one. It is
 * MEDUSA_BACKEND_URL; only in development may it come from the request (its Host header is
 * whatever the client sent: in production a forged one would send Amazon's code elsewhere).
 */
export function callbackUrl(req: MedusaRequest, env: NodeJS.ProcessEnv = process.env): string {
  const configured = configuredOrigin(req)
  if (configured) return `${configured}${CALLBACK_PATH}`
  if (!DEVELOPMENT_ENVIRONMENTS.has(env.NODE_ENV ?? "development")) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "MEDUSA_BACKEND_URL is not set: outside development the Amazon consent's redirect URI is never taken from the request's Host header. Set it to this backend's public https URL (the one registered as the app's OAuth Redirect URI)."
    )
  }
  return `${req.protocol}://${req.get("host")}${CALLBACK_PATH}`
}

/** Where redirects go: MEDUSA_BACKEND_URL; else, outside development, a path on the same origin (never the Host header). */
function backendOrigin(req: MedusaRequest, env: NodeJS.ProcessEnv = process.env): string {
  const configured = configuredOrigin(req)
  if (configured) return configured
  return DEVELOPMENT_ENVIRONMENTS.has(env.NODE_ENV ?? "development") ? `${req.protocol}://${req.get("host")}` : ""
}

/** Where the admin shows a store, for the redirect after consent. */
export function adminStoreUrl(req: MedusaRequest, storeId: string, query: Record<string, string>): string {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const adminPath = (config.admin?.path ?? "/app").replace(/\/+$/, "")
  const search = new URLSearchParams(query).toString()
  return `${backendOrigin(req)}${adminPath}/settings/amazon/${storeId}${search ? `?${search}` : ""}`
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

/** A page a store owner can read (no raw JSON), for a callback we cannot tie to a store. */
export function refusedCallbackPage(req: MedusaRequest, message: string): string {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const adminPath = (config.admin?.path ?? "/app").replace(/\/+$/, "")
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amazon connection refused</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#18181b}a{color:#2563eb}</style></head>
<body><h1>Amazon connection refused</h1><p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(`${backendOrigin(req)}${adminPath}/settings/amazon`)}">Back to Settings → Amazon</a></p></body></html>`
}
