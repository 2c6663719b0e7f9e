import { AbstractFulfillmentProviderService, MedusaError } from "@medusajs/framework/utils"
import type { CreateFulfillmentResult, FulfillmentOption } from "@medusajs/framework/types"
import { addressProblems, cancellableAtAmazon, type MedusaAddress, MCF_OPTIONS, speedOfOption } from "../../utils/mcf/mapping"

type Options = Record<string, unknown>

/**
 * Amazon Multi-Channel Fulfillment as a Medusa fulfillment provider. It is thin on purpose: a provider lives in
 * the Fulfillment module and cannot reach the Amazon module (credentials, quotas, the ledger). Creating a
 * fulfillment only records `data.mcf` (the sellerFulfillmentOrderId is the Medusa fulfillment id); the plugin's
 * subscriber writes the amazon_mcf_order row and its sender creates the order at Amazon exactly once. Prices are
 * the shipping option's flat amounts (no SP-API call on cart refresh).
 */
export class AmazonMcfProviderService extends AbstractFulfillmentProviderService {
  static identifier = "amazon-mcf"

  constructor(_container: Record<string, unknown>, _options: Options = {}) {
    super()
  }

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return MCF_OPTIONS.map((o) => ({ id: o.id, name: o.name, shipping_speed: o.shipping_speed }))
  }

  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    return speedOfOption(data) !== null
  }

  async canCalculate(): Promise<boolean> {
    return false
  }

  async calculatePrice(): Promise<never> {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Amazon MCF shipping options have flat prices.")
  }

  /** Checkout fails early when Amazon could not ship to the address or the location is not an FBA pool. */
  async validateFulfillmentData(optionData: Record<string, unknown>, data: Record<string, unknown>, context: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (!speedOfOption(optionData)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "This is not an Amazon MCF shipping option.")
    const problems = addressProblems(context?.shipping_address as MedusaAddress | undefined)
    if (context?.shipping_address && problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    const location = context?.from_location as { metadata?: Record<string, unknown> | null } | undefined
    if (location && !location.metadata?.amazon_fba_pool) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Amazon MCF ships only from an Amazon FBA stock location.")
    }
    return data
  }

  async createFulfillment(
    data: Record<string, unknown>,
    _items: unknown[],
    _order: unknown,
    fulfillment: { id?: string; location_id?: string | null }
  ): Promise<CreateFulfillmentResult> {
    const speed = speedOfOption(data) ?? "Standard"
    return {
      data: {
        ...data,
        mcf: { seller_fulfillment_order_id: fulfillment.id, shipping_speed: speed, status: "queued" },
      },
      labels: [],
    }
  }

  /** Refused once Amazon is processing or has shipped (the plugin mirrors Amazon's status into data.mcf). */
  async cancelFulfillment(data: Record<string, unknown>): Promise<Record<string, unknown>> {
    const mcf = (data?.mcf ?? {}) as { amazon_status?: string | null; status?: string }
    if (!cancellableAtAmazon(mcf.amazon_status) || mcf.status === "shipped") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Amazon is already ${mcf.status === "shipped" ? "shipping" : "processing"} this order (${mcf.amazon_status}); it can no longer be cancelled.`
      )
    }
    return { ...data, mcf: { ...mcf, status: "cancel_requested" } }
  }

  async createReturnFulfillment(): Promise<CreateFulfillmentResult> {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Returns of Amazon MCF orders are created in Seller Central (Create Customer Return).")
  }
}

export default AmazonMcfProviderService
