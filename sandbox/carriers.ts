/**
 * Carrier codes confirmShipment accepts. Amazon keeps the authoritative list on its "Acceptable
 * CarrierCode values" page (not in the models); this is the 2015 XSD enumeration quoted in
 * amazon-sp-api-notes.md §5.4 plus carriers that appeared since (Evri, Amazon Shipping …). Anything else
 * must be sent as "Other" with a carrierName.
 */
export const CARRIER_CODES: readonly string[] = [
  "Amazon Shipping",
  "Asendia",
  "BlueDart",
  "Canada Post",
  "Chronopost",
  "Colissimo",
  "Correos",
  "Delhivery",
  "Deutsche Post",
  "DHL",
  "DHL eCommerce",
  "DHL Express",
  "DPD",
  "Evri",
  "Fastway",
  "FedEx",
  "GLS",
  "GO!",
  "Hermes",
  "Hermes Logistik Gruppe",
  "India Post",
  "Japan Post",
  "La Poste",
  "OnTrac",
  "Parcelforce",
  "Poczta Polska",
  "Poste Italiane",
  "PostNL",
  "PostNord",
  "Royal Mail",
  "SagawaExpress",
  "SDA",
  "SEUR",
  "TNT",
  "UPS",
  "UPSMI",
  "USPS",
  "YamatoTransport",
  "Yodel",
  "Other",
]

const lower = new Set(CARRIER_CODES.map((c) => c.toLowerCase()))

export function isKnownCarrier(code: string): boolean {
  return lower.has(code.toLowerCase())
}
