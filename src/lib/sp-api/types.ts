/**
 * Branded Amazon identifiers (STYLE §8): a `MarketplaceId` cannot be passed where a `SellerId` belongs,
 * and a Medusa order id cannot reach `getOrder`. Each brand has a constructor that checks the value's
 * shape (throws `TypeError`) and a type guard. The checks are deliberately loose — they catch the wrong
 * kind of value (an empty string, a Medusa `order_…` id, whitespace), not every id Amazon could mint.
 */

declare const brand: unique symbol

/** `T` tagged with a compile-time-only brand `B`. At runtime it is just a `T`. */
export type Brand<T, B extends string> = T & { readonly [brand]: B }

export type SellerId = Brand<string, "SellerId">
export type MarketplaceId = Brand<string, "MarketplaceId">
export type AmazonOrderId = Brand<string, "AmazonOrderId">
export type Sku = Brand<string, "Sku">
export type Asin = Brand<string, "Asin">
export type FeedId = Brand<string, "FeedId">
export type FeedDocumentId = Brand<string, "FeedDocumentId">
export type ReportId = Brand<string, "ReportId">
export type ReportDocumentId = Brand<string, "ReportDocumentId">

/** Uppercase letters and digits: merchant tokens (`A2EXAMPLE…`) and marketplace ids (`A1PA6795UKMFR9`). */
const AMAZON_TOKEN = /^[A-Z0-9]{2,32}$/
/** One path segment without whitespace: order, feed, report and document ids. */
const OPAQUE_ID = /^[^\s/?#]{1,256}$/
/** ASINs are ten characters, e.g. `B07N4M94X4`. */
const ASIN = /^[A-Z0-9]{10}$/

function brander<B extends string>(name: B, pattern: RegExp) {
  const is = (value: unknown): value is Brand<string, B> => typeof value === "string" && pattern.test(value)
  const make = (value: string): Brand<string, B> => {
    if (!is(value)) {
      throw new TypeError(`Not a valid Amazon ${name}: ${JSON.stringify(String(value).slice(0, 64))}`)
    }
    return value
  }
  return { is, make }
}

const sellerIdBrand = brander("SellerId", AMAZON_TOKEN)
const marketplaceIdBrand = brander("MarketplaceId", AMAZON_TOKEN)
const amazonOrderIdBrand = brander("AmazonOrderId", OPAQUE_ID)
// SKUs may contain spaces and slashes (Amazon allows up to 40 characters of almost anything).
const skuBrand = brander("Sku", /^(?=.*\S)[^\n\r\t]{1,40}$/)
const asinBrand = brander("Asin", ASIN)
const feedIdBrand = brander("FeedId", OPAQUE_ID)
const feedDocumentIdBrand = brander("FeedDocumentId", OPAQUE_ID)
const reportIdBrand = brander("ReportId", OPAQUE_ID)
const reportDocumentIdBrand = brander("ReportDocumentId", OPAQUE_ID)

export const sellerId = sellerIdBrand.make
export const isSellerId = sellerIdBrand.is
export const marketplaceId = marketplaceIdBrand.make
export const isMarketplaceId = marketplaceIdBrand.is
export const amazonOrderId = amazonOrderIdBrand.make
export const isAmazonOrderId = amazonOrderIdBrand.is
export const sku = skuBrand.make
export const isSku = skuBrand.is
export const asin = asinBrand.make
export const isAsin = asinBrand.is
export const feedId = feedIdBrand.make
export const isFeedId = feedIdBrand.is
export const feedDocumentId = feedDocumentIdBrand.make
export const isFeedDocumentId = feedDocumentIdBrand.is
export const reportId = reportIdBrand.make
export const isReportId = reportIdBrand.is
export const reportDocumentId = reportDocumentIdBrand.make
export const isReportDocumentId = reportDocumentIdBrand.is
