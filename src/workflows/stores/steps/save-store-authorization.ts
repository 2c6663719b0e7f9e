import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AMAZON_MODULE } from "../../../modules/amazon"
import type AmazonModuleService from "../../../modules/amazon/service"
import { sellerChangeRefusal } from "../../../utils/connect-errors"

export type SaveStoreAuthorizationInput = {
  store_id: string
  selling_partner_id: string
  refresh_token_ciphertext: string
  /** confirmed: the store may switch from the seller account it is connected to */
  replace_seller?: boolean
}

/** What was saved: the seller account the store was connected to before, when this switched it. */
export type SavedStoreAuthorization = { store_id: string; replaced_seller: string | null }

/** Public apps must be re-authorized every 365 days (notes §3.4). */
export const AUTHORIZATION_LIFETIME_DAYS = 365
const FIELDS = [
  "id",
  "region",
  "selling_partner_id",
  "refresh_token_ciphertext",
  "status",
  "status_message",
  "authorized_at",
  "authorization_expires_at",
]

/** Stores the (sealed) token and marks the store connected for a year; the old token comes back on compensation. */
export const saveStoreAuthorizationStep = createStep(
  "amazon-save-store-authorization",
  async (input: SaveStoreAuthorizationInput, { container }) => {
    const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
    const before = await amazon.retrieveAmazonStore(input.store_id, { select: FIELDS })
    const refusal = sellerChangeRefusal({ current: before.selling_partner_id, incoming: input.selling_partner_id, confirmed: !!input.replace_seller })
    if (refusal) throw new MedusaError(MedusaError.Types.INVALID_DATA, refusal)
    const [other] = await amazon.listAmazonStores(
      { selling_partner_id: input.selling_partner_id, region: before.region, id: { $ne: input.store_id } },
      { select: ["id", "name"] }
    )
    if (other) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Amazon seller ${input.selling_partner_id} is already connected as the store "${other.name}"; one seller account can be connected once per region, or every order would be imported twice.`
      )
    }
    const now = new Date()
    await amazon.updateAmazonStores({
      id: input.store_id,
      selling_partner_id: input.selling_partner_id,
      refresh_token_ciphertext: input.refresh_token_ciphertext,
      status: "connected",
      status_message: null,
      authorized_at: now,
      authorization_expires_at: new Date(now.getTime() + AUTHORIZATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000),
    })
    const restore = {
      id: before.id,
      selling_partner_id: before.selling_partner_id,
      refresh_token_ciphertext: before.refresh_token_ciphertext,
      status: before.status,
      status_message: before.status_message,
      authorized_at: before.authorized_at,
      authorization_expires_at: before.authorization_expires_at,
    }
    const replaced = before.selling_partner_id && before.selling_partner_id !== input.selling_partner_id ? before.selling_partner_id : null
    return new StepResponse<SavedStoreAuthorization, typeof restore>({ store_id: input.store_id, replaced_seller: replaced }, restore)
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve<AmazonModuleService>(AMAZON_MODULE).updateAmazonStores(before)
  }
)
