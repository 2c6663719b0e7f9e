import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AMAZON_MODULE } from "../../../../../../modules/amazon"
import type AmazonModuleService from "../../../../../../modules/amazon/service"
import { startAmazonAuthorizationWorkflow } from "../../../../../../workflows/stores"
import { refetchAmazonStore } from "../../../helpers"
import { callbackUrl } from "../../../oauth"
import type { AdminAuthorizeAmazonStoreType } from "../../../validators"

/**
 * Starts the consent round trip: the browser goes to the returned URL. `replace_seller: true`
 * confirms that the consent may switch a connected store to another seller account.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAuthorizeAmazonStoreType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const options = req.scope.resolve<AmazonModuleService>(AMAZON_MODULE).getPublicOptions()
  if (!options.appId) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "AMAZON_APP_ID is not configured, so there is no consent page to send you to. Set it to your SP-API app's App ID, or connect a private app with “I have a refresh token”."
    )
  }
  const { result } = await startAmazonAuthorizationWorkflow(req.scope).run({
    input: {
      store_id: req.params.id,
      app_id: options.appId,
      draft: !!options.appDraft,
      redirect_uri: callbackUrl(req),
      seller_central_url: options.sellerCentralUrl,
      replace_seller: !!req.validatedBody?.replace_seller,
    },
  })
  res.json(result)
}
