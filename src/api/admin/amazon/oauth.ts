import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"

export const CALLBACK_PATH = "/admin/amazon/oauth/callback"

/** This backend's public origin: the configured MEDUSA_BACKEND_URL, else the request's own. */
function backendOrigin(req: MedusaRequest): string {
  const configured = req.scope.resolve<AmazonModuleService>(AMAZON_MODULE).getPublicOptions().backendUrl
  return (configured ?? `${req.protocol}://${req.get("host")}`).replace(/\/+$/, "")
}

/** The redirect_uri of the consent request; the code exchange must send the same one. */
export function callbackUrl(req: MedusaRequest): string {
  return `${backendOrigin(req)}${CALLBACK_PATH}`
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
