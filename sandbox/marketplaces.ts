/**
 * Marketplaces the sandbox knows. Ids, regions and Seller Central URLs: amazon-sp-api-notes.md §4
 * (developer-docs "Marketplace IDs"). Currencies/languages/domains are what getMarketplaceParticipations returns.
 */
export type Region = "na" | "eu" | "fe"

export interface MarketplaceInfo {
  id: string
  countryCode: string
  name: string
  currency: string
  language: string
  domain: string
  region: Region
}

const list: MarketplaceInfo[] = [
  { id: "ATVPDKIKX0DER", countryCode: "US", name: "Amazon.com", currency: "USD", language: "en_US", domain: "www.amazon.com", region: "na" },
  { id: "A2EUQ1WTGCTBG2", countryCode: "CA", name: "Amazon.ca", currency: "CAD", language: "en_CA", domain: "www.amazon.ca", region: "na" },
  { id: "A1AM78C64UM0Y8", countryCode: "MX", name: "Amazon.com.mx", currency: "MXN", language: "es_MX", domain: "www.amazon.com.mx", region: "na" },
  { id: "A2Q3Y263D00KWC", countryCode: "BR", name: "Amazon.com.br", currency: "BRL", language: "pt_BR", domain: "www.amazon.com.br", region: "na" },
  { id: "A1F83G8C2ARO7P", countryCode: "GB", name: "Amazon.co.uk", currency: "GBP", language: "en_GB", domain: "www.amazon.co.uk", region: "eu" },
  { id: "A1PA6795UKMFR9", countryCode: "DE", name: "Amazon.de", currency: "EUR", language: "de_DE", domain: "www.amazon.de", region: "eu" },
  { id: "A13V1IB3VIYZZH", countryCode: "FR", name: "Amazon.fr", currency: "EUR", language: "fr_FR", domain: "www.amazon.fr", region: "eu" },
  { id: "APJ6JRA9NG5V4", countryCode: "IT", name: "Amazon.it", currency: "EUR", language: "it_IT", domain: "www.amazon.it", region: "eu" },
  { id: "A1RKKUPIHCS9HS", countryCode: "ES", name: "Amazon.es", currency: "EUR", language: "es_ES", domain: "www.amazon.es", region: "eu" },
  { id: "A1805IZSGTT6HS", countryCode: "NL", name: "Amazon.nl", currency: "EUR", language: "nl_NL", domain: "www.amazon.nl", region: "eu" },
  { id: "A2NODRKZP88ZB9", countryCode: "SE", name: "Amazon.se", currency: "SEK", language: "sv_SE", domain: "www.amazon.se", region: "eu" },
  { id: "A1C3SOZRARQ6R3", countryCode: "PL", name: "Amazon.pl", currency: "PLN", language: "pl_PL", domain: "www.amazon.pl", region: "eu" },
  { id: "AMEN7PMS3EDWL", countryCode: "BE", name: "Amazon.com.be", currency: "EUR", language: "fr_BE", domain: "www.amazon.com.be", region: "eu" },
  { id: "A33AVAJ2PDY3EV", countryCode: "TR", name: "Amazon.com.tr", currency: "TRY", language: "tr_TR", domain: "www.amazon.com.tr", region: "eu" },
  { id: "A28R8C7NBKEWEA", countryCode: "IE", name: "Amazon.ie", currency: "EUR", language: "en_IE", domain: "www.amazon.ie", region: "eu" },
  { id: "ARBP9OOSHTCHU", countryCode: "EG", name: "Amazon.eg", currency: "EGP", language: "ar_EG", domain: "www.amazon.eg", region: "eu" },
  { id: "A17E79C6D8DWNP", countryCode: "SA", name: "Amazon.sa", currency: "SAR", language: "ar_SA", domain: "www.amazon.sa", region: "eu" },
  { id: "A2VIGQ35RCS4UG", countryCode: "AE", name: "Amazon.ae", currency: "AED", language: "en_AE", domain: "www.amazon.ae", region: "eu" },
  { id: "A21TJRUUN4KGV", countryCode: "IN", name: "Amazon.in", currency: "INR", language: "en_IN", domain: "www.amazon.in", region: "eu" },
  { id: "AE08WJ6YKNBMC", countryCode: "ZA", name: "Amazon.co.za", currency: "ZAR", language: "en_ZA", domain: "www.amazon.co.za", region: "eu" },
  { id: "A1VC38T7YXB528", countryCode: "JP", name: "Amazon.co.jp", currency: "JPY", language: "ja_JP", domain: "www.amazon.co.jp", region: "fe" },
  { id: "A39IBJ37TRP1C6", countryCode: "AU", name: "Amazon.com.au", currency: "AUD", language: "en_AU", domain: "www.amazon.com.au", region: "fe" },
  { id: "A19VAU5U5O7RUS", countryCode: "SG", name: "Amazon.sg", currency: "SGD", language: "en_SG", domain: "www.amazon.sg", region: "fe" },
]

export const MARKETPLACES: ReadonlyMap<string, MarketplaceInfo> = new Map(list.map((m) => [m.id, m]))

export function marketplace(id: string): MarketplaceInfo | undefined {
  return MARKETPLACES.get(id)
}

/** Marketplace id by two-letter code (`UK` is accepted for GB, as Amazon's own tables use it). */
export function marketplaceByCountry(code: string): MarketplaceInfo | undefined {
  const wanted = code.toUpperCase() === "UK" ? "GB" : code.toUpperCase()
  return list.find((m) => m.countryCode === wanted)
}
