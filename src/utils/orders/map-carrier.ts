import { AMAZON_CARRIER_CODES, type AmazonCarrierCode, CARRIER_ALIASES } from "./amazon-carrier-codes"

export type CarrierHints = {
  /** what the fulfillment provider stored about the carrier (fulfillment.data.carrier_code / carrier / carrier_name) */
  carrier?: string | null
  /** Medusa fulfillment provider id, e.g. "dhl_dhl-express", "manual_manual" */
  provider_id?: string | null
  /** the shipping option's name, e.g. "DHL Paket", "Standard Shipping" */
  shipping_option_name?: string | null
}

export type CarrierMapping =
  | { carrier_code: Exclude<AmazonCarrierCode, "Other">; carrier_name: null }
  | { carrier_code: "Other"; carrier_name: string }

const normalise = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, "")

const BY_NORMALISED: ReadonlyMap<string, AmazonCarrierCode> = new Map<string, AmazonCarrierCode>([
  ...AMAZON_CARRIER_CODES.filter((code) => code !== "Other").map((code) => [normalise(code), code] as const),
  ...Object.entries(CARRIER_ALIASES),
])

/**
 * The longest run of words in `text` that names one of Amazon's carriers: "DHL Express Worldwide" →
 * "DHL Express", "dhl_dhl-express" → "DHL Express", "Royal Mail Tracked 48" → "Royal Mail".
 */
function findCarrier(text: string): AmazonCarrierCode | undefined {
  const words = text.split(/[^A-Za-z0-9!]+/).filter(Boolean)
  for (let size = Math.min(words.length, 4); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const code = BY_NORMALISED.get(normalise(words.slice(start, start + size).join("")))
      if (code) return code
    }
  }
  return undefined
}

/**
 * Amazon's carrier code for a Medusa shipment, checked against Amazon's list (case and spelling as Amazon
 * wants them); "Other" with the most telling name we have when the carrier is not on the list.
 */
export function mapCarrier(hints: CarrierHints): CarrierMapping {
  const clean = (value: string | null | undefined) => value?.trim() || undefined
  const carrier = clean(hints.carrier)
  const option = clean(hints.shipping_option_name)
  const provider = clean(hints.provider_id)
  for (const candidate of [carrier, provider, option]) {
    const code = candidate ? findCarrier(candidate) : undefined
    if (code && code !== "Other") return { carrier_code: code, carrier_name: null }
  }
  // Amazon requires a carrierName with "Other": what the merchant calls it, else the provider.
  return { carrier_code: "Other", carrier_name: carrier ?? option ?? provider ?? "Merchant delivery" }
}

export function isAmazonCarrierCode(code: string): code is AmazonCarrierCode {
  return (AMAZON_CARRIER_CODES as readonly string[]).includes(code)
}
