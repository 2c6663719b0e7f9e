import { existsSync, readFileSync } from "node:fs"
import path from "node:path"
import { MalformedProcessingReportError, readProcessingReport } from "../processing-report"
import { shouldHold } from "../safety-hold"

const MODELS = process.env.AMAZON_SP_API_MODELS_DIR ?? path.resolve(__dirname, "../../../../../shared/amazon-sp-api")
const EXAMPLE = path.join(MODELS, "schemas/feeds/listings-feed-processing-report-schema-v2.example.json")

describe("readProcessingReport", () => {
  it("marks messages with an ERROR as rejected, with Amazon's messages", () => {
    const { outcomes } = readProcessingReport(
      {
        issues: [
          { messageId: 2, sku: "B", code: "90220", severity: "ERROR", message: "'[batteries_required]' is required" },
          { messageId: 3, sku: "C", code: "18027", severity: "WARNING", message: "price is high" },
        ],
        summary: { messagesProcessed: 3, messagesAccepted: 2, messagesInvalid: 1 },
        someFieldAmazonAddsLater: true,
      },
      [1, 2, 3]
    )
    expect(outcomes).toEqual([
      { messageId: 1, accepted: true, issues: [] },
      { messageId: 2, accepted: false, issues: [expect.objectContaining({ source: "amazon", code: "90220", severity: "error" })] },
      { messageId: 3, accepted: true, issues: [expect.objectContaining({ code: "18027", severity: "warning" })] },
    ])
  })

  it("fails every message on a feed-wide error", () => {
    const { outcomes } = readProcessingReport({ issues: [{ code: "FATAL", severity: "ERROR", message: "bad header" }] }, [1, 2])
    expect(outcomes.every((o) => !o.accepted)).toBe(true)
  })

  it.each([["a string", "oops"], ["an array", []], ["issues not a list", { issues: {} }], ["a bad issue", { issues: [1] }]])(
    "refuses %s as a whole",
    (_label, raw) => {
      expect(() => readProcessingReport(raw, [1])).toThrow(MalformedProcessingReportError)
    }
  )

  const withExample = existsSync(EXAMPLE) ? it : it.skip
  withExample("reads Amazon's own example report", () => {
    const { outcomes, summary } = readProcessingReport(JSON.parse(readFileSync(EXAMPLE, "utf8")), [3, 4, 5])
    expect(outcomes.map((o) => o.accepted)).toEqual([true, false, false])
    expect(summary).toMatchObject({ messagesInvalid: 2 })
  })
})

describe("shouldHold", () => {
  const drops = (n: number) => Array.from({ length: n }, (_, i) => ({ listing_id: `l${i}`, from: 5, to: 0 }))
  it.each([
    [10, 20, true],
    [9, 12, false],
    [10, 21, false],
    [100, 100, true],
  ])("%i of %i offers to zero → hold %s", (zeroed, offers, hold) => {
    expect(shouldHold(drops(zeroed), offers).hold).toBe(hold)
  })
})
