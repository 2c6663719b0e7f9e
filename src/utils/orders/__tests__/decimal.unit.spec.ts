import { formatDecimal, multiplyDecimal, parseDecimal, sumDecimals } from "../decimal"

describe("decimal", () => {
  it.each([
    [["0.1", "0.2"], "0.30"],
    [["19.99", "19.99", "12.50"], "52.48"],
    [["1500"], "1500.00"],
    [[null, undefined, "3.125"], "3.125"],
    [[], "0.00"],
    [["-1.5", "1"], "-0.50"],
  ])("sums %j to %s", (values, total) => {
    expect(sumDecimals(values)).toBe(total)
  })

  it.each([
    ["19.99", 3, "59.97"],
    ["0.10", 10, "1.00"],
  ])("%s × %d = %s", (value, times, product) => {
    expect(multiplyDecimal(value, times)).toBe(product)
  })

  it("rejects what is not a decimal", () => {
    expect(parseDecimal("abc")).toBeNull()
    expect(parseDecimal("")).toBeNull()
    expect(formatDecimal(parseDecimal("12")!)).toBe("12.00")
  })
})
