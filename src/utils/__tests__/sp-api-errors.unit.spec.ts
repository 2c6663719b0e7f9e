import { SpApiAuthError, SpApiError, SpApiNetworkError } from "../../lib/sp-api"
import { isAuthorizationLost, toMedusaError } from "../sp-api-errors"

const message = (error: unknown) => (toMedusaError(error, "read orders from Amazon") as Error).message

describe("toMedusaError", () => {
  it("says that Amazon's answer was not JSON (how often, and the request id to quote), not that Amazon did not answer", () => {
    const error = new SpApiNetworkError({ operation: "searchOrders", status: 200, code: "MalformedResponse", amazonMessage: "The response body could not be parsed", requestId: "req-1", attempts: 6, mayHaveBeenReceived: true })
    expect(message(error)).toBe("Could not read orders from Amazon: Amazon's answer was not valid JSON (6 times) [request id req-1]. Nothing was changed; the next run asks again.")
  })

  it("says that a document was cut off", () => {
    const error = new SpApiError({ operation: "downloadReportDocument", code: "CorruptDocument", amazonMessage: "The document could not be read completely" })
    expect((toMedusaError(error, "download the DE all-listings report") as Error).message).toBe(
      "Could not download the DE all-listings report: the document Amazon sent could not be read completely (a cut-off transfer or corrupt gzip). Nothing of it was used; the next run reads it again."
    )
  })

  it("keeps a timeout a timeout", () => {
    const error = new SpApiNetworkError({ operation: "searchOrders", code: "Timeout", amazonMessage: "No response within the timeout", mayHaveBeenReceived: true })
    expect(message(error)).toMatch(/^Amazon did not answer while trying to read orders from Amazon \(Timeout\)/)
  })
})

describe("isAuthorizationLost", () => {
  it.each([
    [new SpApiAuthError({ operation: "lwa:refresh_token", status: 400, code: "invalid_grant" }), true],
    [new SpApiAuthError({ operation: "lwa:refresh_token", status: 401, code: "invalid_client" }), false],
    [new SpApiAuthError({ operation: "searchOrders", status: 403, code: "Unauthorized" }), false],
    [new SpApiError({ operation: "searchOrders", status: 400, code: "invalid_grant" }), false],
  ])("%s → %s", (error, lost) => expect(isAuthorizationLost(error)).toBe(lost))
})
