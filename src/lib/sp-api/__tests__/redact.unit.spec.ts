import { SpApiAuthError } from "../errors"
import { REDACTED, Redactor, redactText, redactValue } from "../redact"

describe("redaction", () => {
  it.each([
    ["token Atza|IwEBIAbc-123_x.y in text", "token [redacted] in text"],
    ['{"refresh_token":"Atzr|abc","x":1}', '{"refresh_token":"[redacted]","x":1}'],
    ["client_secret=abcdef123&grant_type=refresh_token", "client_secret=[redacted]&grant_type=refresh_token"],
    ["secret amzn1.oa2-cs.v1.0123456789abcdef here", "secret [redacted] here"],
    [
      "https://s3/doc?X-Amz-Algorithm=AWS4&X-Amz-Credential=AKIA%2F1&X-Amz-Signature=deadbeef",
      "https://s3/doc?X-Amz-Algorithm=AWS4&X-Amz-Credential=[redacted]&X-Amz-Signature=[redacted]",
    ],
    ["x-amz-access-token: Bearer-ish", "x-amz-access-token: [redacted]"],
    ["getFeed failed, HTTP 400 InvalidInput", "getFeed failed, HTTP 400 InvalidInput"],
  ])("%s", (input, expected) => {
    expect(redactText(input)).toBe(expected)
  })

  it("removes exact known secrets that have no recognisable shape", () => {
    const redactor = new Redactor(["sandbox-client-secret", undefined, "abc"])
    expect(redactor.text("bad sandbox-client-secret, abc stays")).toBe(`bad ${REDACTED}, abc stays`)
  })

  it("blanks sensitive keys and buyer data in objects", () => {
    expect(
      redactValue({
        orderId: "123",
        buyer: { buyerName: "Jane", buyerEmail: "j@x" },
        recipient: { deliveryAddress: { city: "Berlin" } },
        headers: { "x-amz-access-token": "t", accept: "json" },
        list: ["Atza|x"],
      })
    ).toEqual({
      orderId: "123",
      buyer: REDACTED,
      recipient: REDACTED,
      headers: { "x-amz-access-token": REDACTED, accept: "json" },
      list: [REDACTED],
    })
  })

  it("applies to error messages", () => {
    const error = new SpApiAuthError({
      operation: "lwa:refresh_token",
      status: 400,
      code: "invalid_grant",
      amazonMessage: "bad refresh_token=Atzr|leaked",
    })
    expect(error.message).not.toContain("Atzr|leaked")
    expect(error.amazonMessage).not.toContain("Atzr|leaked")
  })
})
