import { AMAZON_CARRIER_CODES } from "../amazon-carrier-codes"
import { isAmazonCarrierCode, mapCarrier } from "../map-carrier"

describe("mapCarrier", () => {
  it.each([
    // [hints, code, name]
    [{ provider_id: "dhl_dhl-express" }, "DHL Express", null],
    [{ provider_id: "dhl_dhl" }, "DHL", null],
    [{ shipping_option_name: "DHL Paket" }, "DHL", null],
    [{ shipping_option_name: "DHL Express Worldwide" }, "DHL Express", null],
    [{ carrier: "ups" }, "UPS", null],
    [{ carrier: "FEDEX" }, "FedEx", null],
    [{ carrier: "Royal Mail Tracked 48" }, "Royal Mail", null],
    [{ carrier: "royal-mail" }, "Royal Mail", null],
    [{ carrier: "PostNL" }, "PostNL", null],
    [{ carrier: "myHermes" }, "Evri", null],
    [{ carrier: "Deutsche Post DHL" }, "DHL", null],
    [{ carrier: "Deutsche Post" }, "Deutsche Post", null],
    [{ carrier: "Federal Express" }, "FedEx", null],
    [{ provider_id: "manual_manual", shipping_option_name: "GLS Standard" }, "GLS", null],
    // the carrier field wins over what the option is called
    [{ carrier: "DPD", shipping_option_name: "DHL Paket" }, "DPD", null],
    // not on Amazon's list: "Other" and the most telling name
    [{ carrier: "Purolator" }, "Other", "Purolator"],
    [{ provider_id: "manual_manual", shipping_option_name: "Standard Shipping" }, "Other", "Standard Shipping"],
    [{ provider_id: "manual_manual" }, "Other", "manual_manual"],
    [{ carrier: "  ", shipping_option_name: "Kurier Müller" }, "Other", "Kurier Müller"],
    [{}, "Other", "Merchant delivery"],
    // "Other" in a name is not a carrier
    [{ carrier: "other" }, "Other", "other"],
  ])("%j → %s", (hints, code, name) => {
    expect(mapCarrier(hints)).toEqual({ carrier_code: code, carrier_name: name })
  })

  it("only ever answers codes from Amazon's list", () => {
    for (const code of AMAZON_CARRIER_CODES) {
      const mapped = mapCarrier({ carrier: code.toLowerCase() })
      expect(isAmazonCarrierCode(mapped.carrier_code)).toBe(true)
      if (code !== "Other") expect(mapped.carrier_code).toBe(code)
    }
  })
})
