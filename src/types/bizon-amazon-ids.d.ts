// @bizon/amazon-ids ships dist/index.d.ts but its package.json "exports" has no
// "types" condition, so Node16 resolution cannot find it. These are the parts we use.
declare module "@bizon/amazon-ids" {
  export interface Marketplace {
    code: string
    id: string
    name: string
    region: string
    domain?: string
    sellerCentralDomain?: string
    currencyCode: string
  }
  export const marketplaces: Marketplace[]
}
