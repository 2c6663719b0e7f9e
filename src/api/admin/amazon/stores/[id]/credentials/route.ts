import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AMAZON_MODULE } from "../../../../../../modules/amazon"
import type AmazonModuleService from "../../../../../../modules/amazon/service"
import { refreshTokenBinding } from "../../../../../../modules/amazon/lib/secret-bindings"
import { connectAmazonStoreWorkflow } from "../../../../../../workflows/stores"
import { refetchAmazonStore } from "../../../helpers"
import type { AdminSetAmazonCredentialsType } from "../../../validators"

/** "I have a refresh token": a private, self-authorized app. Verified with Amazon before anything is stored. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetAmazonCredentialsType>, res: MedusaResponse) => {
  await refetchAmazonStore(req.params.id, req.scope, ["id"])
  const amazon = req.scope.resolve<AmazonModuleService>(AMAZON_MODULE)
  await connectAmazonStoreWorkflow(req.scope).run({
    input: {
      store_id: req.params.id,
      selling_partner_id: req.validatedBody.selling_partner_id,
      // sealed here so that no workflow storage ever holds the token in clear
      refresh_token_ciphertext: amazon.sealSecret(req.validatedBody.refresh_token, refreshTokenBinding(req.params.id)),
      replace_seller: !!req.validatedBody.replace_seller,
    },
  })
  const amazonStore = await refetchAmazonStore(req.params.id, req.scope, req.queryConfig.fields, { withSummary: true })
  res.json({ amazon_store: amazonStore })
}
