import { FBA_POOLS, fbaLocationName, fbaPoolByKey, fbaPoolOf, fbaPoolsOf } from "../pools"

const DE = "A1PA6795UKMFR9"
const FR = "A13V1IB3VIYZZH"
const IT = "APJ6JRA9NG5V4"
const ES = "A1RKKUPIHCS9HS"
const NL = "A1805IZSGTT6HS"
const PL = "A1C3SOZRARQ6R3"
const SE = "A2NODRKZP88ZB9"
const BE = "AMEN7PMS3EDWL"
const UK = "A1F83G8C2ARO7P"
const US = "ATVPDKIKX0DER"
const CA = "A2EUQ1WTGCTBG2"
const MX = "A1AM78C64UM0Y8"
const BR = "A2Q3Y263D00KWC"
const JP = "A1VC38T7YXB528"
const AU = "A39IBJ37TRP1C6"
const TR = "A33AVAJ2PDY3EV"

describe("FBA pools", () => {
  it("puts every pan-EU marketplace in one EU pool asked about through DE", () => {
    for (const id of [DE, FR, IT, ES, NL, PL, SE, BE]) expect(fbaPoolOf(id)?.key).toBe("EU")
    const eu = fbaPoolByKey("EU")!
    expect(eu.reference_marketplace_id).toBe(DE)
    expect(eu.region).toBe("eu")
    expect(fbaLocationName(eu)).toBe("Amazon FBA (EU (pan-European))")
  })

  it("keeps the UK, Turkey and every NA/FE marketplace in their own pools", () => {
    expect(fbaPoolOf(UK)?.key).toBe("UK")
    expect(fbaPoolOf(TR)?.key).toBe("TR")
    expect(fbaPoolOf(US)).toMatchObject({ key: "US", region: "na", reference_marketplace_id: US, marketplace_ids: [US] })
    expect(fbaPoolOf(CA)?.key).toBe("CA")
    expect(fbaPoolOf(MX)?.key).toBe("MX")
    expect(fbaPoolOf(BR)?.key).toBe("BR")
    expect(fbaPoolOf(JP)).toMatchObject({ key: "JP", region: "fe" })
    expect(fbaPoolOf(AU)?.key).toBe("AU")
  })

  it("knows no pool for an unknown marketplace, and each marketplace is in exactly one pool", () => {
    expect(fbaPoolOf("NOPE")).toBeNull()
    const seen = FBA_POOLS.flatMap((p) => p.marketplace_ids)
    expect(new Set(seen).size).toBe(seen.length)
    expect(new Set(FBA_POOLS.map((p) => p.key)).size).toBe(FBA_POOLS.length)
  })

  it("gives a store's distinct pools once each", () => {
    expect(fbaPoolsOf([DE, FR, UK, "NOPE", IT]).map((p) => p.key)).toEqual(["EU", "UK"])
  })
})
