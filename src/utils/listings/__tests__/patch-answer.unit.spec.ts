import { readPatchAnswer } from "../patch-answer"

describe("readPatchAnswer", () => {
  it("takes an ACCEPTED answer with its warnings", () => {
    expect(
      readPatchAnswer({ status: "ACCEPTED", issues: [{ code: "90220", message: "Price is high", severity: "WARNING", attributeNames: ["purchasable_offer"] }] })
    ).toEqual({ accepted: true, issues: [{ source: "amazon", code: "90220", severity: "warning", message: "Price is high", field: "amazon:purchasable_offer" }] })
  })

  it("refuses INVALID with Amazon's reasons", () => {
    const outcome = readPatchAnswer({ status: "INVALID", issues: [{ code: "8541", message: "SKU mismatch", severity: "ERROR" }] })
    expect(outcome.accepted).toBe(false)
    expect(outcome.issues).toEqual([{ source: "amazon", code: "8541", severity: "error", message: "SKU mismatch" }])
  })

  it("says why when Amazon refuses without a reason, or answers no status", () => {
    expect(readPatchAnswer({ status: "INVALID", issues: [] }).issues).toEqual([expect.objectContaining({ code: "rejected_without_reason", severity: "error", message: expect.stringContaining('"INVALID"') })])
    expect(readPatchAnswer({}).issues[0].message).toContain("without a status")
    expect(readPatchAnswer(null).accepted).toBe(false)
  })

  it("decides by the status when the issues are unreadable", () => {
    expect(readPatchAnswer({ status: "ACCEPTED", issues: "oops" })).toEqual({
      accepted: true,
      issues: [expect.objectContaining({ code: "unreadable_issues", severity: "warning" })],
    })
    const outcome = readPatchAnswer({ status: "ACCEPTED", issues: [42, { code: 7 }] })
    expect(outcome.accepted).toBe(true)
    expect(outcome.issues.map((i) => i.code)).toEqual(["unreadable_issue", "unreadable_issue"])
  })
})
