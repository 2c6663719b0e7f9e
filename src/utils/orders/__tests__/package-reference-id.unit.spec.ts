import { nextPackageReferenceId } from "../package-reference-id"

describe("nextPackageReferenceId", () => {
  it.each([
    ["the first package of an order", [], "1"],
    ["one above the highest", ["1", "2"], "3"],
    ["after a gap, never a used number", ["1", "3"], "4"],
    ["numbers, not text, are compared", ["9", "10"], "11"],
    ["out of order", ["5", "2", "4"], "6"],
    ["what is not a positive number is ignored", ["abc", "", null, undefined, "-3", "2"], "3"],
    ["spaces around a number", [" 7 "], "8"],
  ])("%s", (_, taken, expected) => {
    expect(nextPackageReferenceId(taken as Array<string | null | undefined>)).toBe(expected)
  })
})
