import { CONNECT_ERROR_CODES, connectErrorOf, SELLER_ID_PATTERN, sellerChangeRefusal } from "../connect-errors"

describe("connectErrorOf", () => {
  it.each([
    ['Amazon seller A1X is already connected as the store "EU"; one seller account…', { connect_error: "seller_taken" }],
    [sellerChangeRefusal({ current: "A1OLDSELLER", incoming: "A2NEWSELLER", confirmed: false })!, { connect_error: "seller_changed" }],
    ["Amazon refused the authorization while trying to exchange the authorization code (invalid_grant: The request has an invalid grant parameter).", { connect_error: "exchange_failed", connect_reason: "invalid_grant" }],
    ["Amazon refused this app's credentials while trying to verify the authorization with Amazon (invalid_client).", { connect_error: "verification_failed", connect_reason: "invalid_client" }],
    ["Set MEDUSA_BACKEND_URL to this backend's public URL", { connect_error: "not_configured" }],
    ["<script>alert(1)</script> call +1 555 0100 to fix your account", { connect_error: "failed" }],
  ])("%s", (message, expected) => {
    expect(connectErrorOf(message)).toEqual(expected)
  })

  it("only ever produces known codes and identifier reasons", () => {
    for (const message of ["", "x", "invalid_grantX", "Unauthorized access"]) {
      const { connect_error, connect_reason } = connectErrorOf(message)
      expect(CONNECT_ERROR_CODES).toContain(connect_error)
      if (connect_reason) expect(connect_reason).toMatch(/^[A-Za-z_]+$/)
    }
    expect(connectErrorOf("invalid_grantX").connect_reason).toBeUndefined()
  })
})

describe("sellerChangeRefusal", () => {
  it.each([
    [null, "A2NEWSELLER", false, false],
    ["A1OLDSELLER", "A1OLDSELLER", false, false],
    ["A1OLDSELLER", "A2NEWSELLER", true, false],
    ["A1OLDSELLER", "A2NEWSELLER", false, true],
  ])("connected to %s, authorized %s, confirmed %s → refused %s", (current, incoming, confirmed, refused) => {
    expect(sellerChangeRefusal({ current, incoming, confirmed }) !== null).toBe(refused)
  })
})

describe("SELLER_ID_PATTERN", () => {
  it.each([
    ["A1SANDBOXSELLER01", true],
    ["A2EXAMPLE12345", true],
    ["a2example12345", false],
    ["A2EX", false],
    ["A2EXAMPLE12345<script>", false],
    ["A2EXAMPLE12345 ", false],
  ])("%s → %s", (id, ok) => expect(SELLER_ID_PATTERN.test(id)).toBe(ok))
})
