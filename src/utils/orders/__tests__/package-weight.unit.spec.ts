import { packageWeightGrams, toGrams } from "../package-weight"

describe("package weight", () => {
  it.each([
    [{ unit: "kilograms", value: 0.21 }, 210],
    [{ unit: "grams", value: 180 }, 180],
    [{ unit: "pounds", value: 1 }, 454],
    [{ unit: "ounces", value: 8 }, 227],
    [{ unit: "stones", value: 1 }, null],
    [{ unit: "kilograms", value: 0 }, null],
    [undefined, null],
  ])("%j → %j g", (weight, grams) => {
    expect(toGrams(weight)).toBe(grams)
  })

  it("prefers the package weight of the marketplace, then the item's", () => {
    const item = {
      dimensions: [
        { marketplaceId: "ATVPDKIKX0DER", package: { weight: { unit: "pounds", value: 2 } } },
        { marketplaceId: "A1PA6795UKMFR9", item: { weight: { unit: "kilograms", value: 0.18 } }, package: { weight: { unit: "kilograms", value: 0.2 } } },
      ],
    }
    expect(packageWeightGrams(item as never, "A1PA6795UKMFR9")).toBe(200)
    expect(packageWeightGrams({ dimensions: [{ marketplaceId: "X", item: { weight: { unit: "grams", value: 90 } } }] } as never, "X")).toBe(90)
    expect(packageWeightGrams({ dimensions: [] } as never, "X")).toBeNull()
  })
})
