import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AMAZON_MODULE } from "../../../../../modules/amazon"
import type AmazonModuleService from "../../../../../modules/amazon/service"
import { completeAmazonConsentWorkflow } from "../../../../../workflows/stores"
import { adminStoreUrl, callbackUrl, refusedCallbackPage } from "../../oauth"
import { connectErrorOf } from "../../../../../utils/connect-errors"
import { AdminAmazonOAuthCallback } from "../../validators"

/**
 * Seller Central redirects the browser here after consent. No admin session is
 * needed (the redirect may come from another site's context): the signed,
 * single-use `state` issued by /authorize is the proof.
 */
export const AUTHENTICATE = false

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const parsed = AdminAmazonOAuthCallback.safeParse(req.query)
  const state = typeof req.query.state === "string" ? req.query.state : ""
  const check = req.scope.resolve<AmazonModuleService>(AMAZON_MODULE).checkOAuthState(state)
  if (!check.ok) {
    res
      .status(400)
      .type("html")
      .send(
        refusedCallbackPage(
          req,
          "This Amazon authorization link is not valid (forged or expired after 10 minutes). Go back to Settings → Amazon and click Connect again."
        )
      )
    return
  }
  // the admin page shows its own words for these codes, never text from the link (connect-errors.ts)
  const failed = (failure: ReturnType<typeof connectErrorOf>) => res.redirect(302, adminStoreUrl(req, check.storeId, failure))
  if (!parsed.success) {
    const sellerIdGiven = typeof req.query.selling_partner_id === "string" && req.query.selling_partner_id.trim() !== ""
    const codeGiven = typeof req.query.spapi_oauth_code === "string" && req.query.spapi_oauth_code.trim() !== ""
    failed({ connect_error: sellerIdGiven && codeGiven ? "invalid_seller" : "declined" })
    return
  }
  try {
    await completeAmazonConsentWorkflow(req.scope).run({
      input: { ...parsed.data, redirect_uri: callbackUrl(req), replace_seller: check.replaceSeller },
    })
  } catch (error) {
    // workflow errors may arrive serialized (not Error instances): read the message either way
    const message = (error as { message?: string })?.message ?? String(error)
    if (/authorization link is not valid/.test(message)) {
      res.status(400).type("html").send(refusedCallbackPage(req, message))
      return
    }
    failed(connectErrorOf(message))
    return
  }
  res.redirect(302, adminStoreUrl(req, check.storeId, { connected: "1" }))
}
