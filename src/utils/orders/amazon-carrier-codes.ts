/**
 * Carrier codes `confirmShipment` accepts (Orders v0, `packageDetail.carrierCode`, required for every
 * marketplace). Amazon keeps the authoritative list on its "Acceptable CarrierCode values" page, not in the
 * models: this is the enumeration of Amazon's order-fulfillment XSD (amzn-base.xsd, quoted in
 * amazon-sp-api-notes.md §5.4) plus carriers that appeared since (Evri, Amazon Shipping, PostNL, …).
 * Anything else goes as "Other" with a carrierName — which Amazon accepts but which lowers the valid
 * tracking rate, so a code that exists must be used, spelled exactly (selling-partner-api-docs#2530:
 * "PUROLATOR" vs "Purolator").
 */
export const AMAZON_CARRIER_CODES = [
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
] as const

export type AmazonCarrierCode = (typeof AMAZON_CARRIER_CODES)[number]

/**
 * Other names carriers go by in Medusa fulfillment providers and shipping options, each mapped to Amazon's
 * code. Keys are normalised (lower case, letters and digits only).
 */
export const CARRIER_ALIASES: Readonly<Record<string, AmazonCarrierCode>> = {
  deutschepostdhl: "DHL",
  dhlparcel: "DHL",
  dhlpaket: "DHL",
  dhlexpressde: "DHL Express",
  federalexpress: "FedEx",
  unitedparcelservice: "UPS",
  unitedstatespostalservice: "USPS",
  myhermes: "Evri",
  hermesuk: "Evri",
  yamato: "YamatoTransport",
  sagawa: "SagawaExpress",
  japanpost: "Japan Post",
  jppost: "Japan Post",
  posteitaliane: "Poste Italiane",
  laposte: "La Poste",
  royalmail: "Royal Mail",
  canadapost: "Canada Post",
  amazonshipping: "Amazon Shipping",
  bluedart: "BlueDart",
}
