import { sameTrackingNumber } from "../same-tracking-number"

describe("sameTrackingNumber", () => {
  it.each([
    ["identical", "1Z999AA10123456784", "1Z999AA10123456784", true],
    ["spaces as printed on the label", "0034 0434 1612 3456 7890", "00340434161234567890", true],
    ["dashes and case", "ks-4711", "KS4711", true],
    ["another package", "1Z999AA10123456784", "1Z999AA10123456785", false],
    ["empty never matches", "", "", false],
    ["missing never matches", null, undefined, false],
    ["only spaces", "  ", "", false],
  ])("%s", (_, a, b, expected) => {
    expect(sameTrackingNumber(a, b)).toBe(expected)
  })
})
