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

  it("reads what it does not know as safely as it can, and says so instead of crashing", () => {
    const { outcomes, summary } = readProcessingReport(
      {
        header: { sellerId: "A1", version: "2.1", feedId: "1", somethingNew: { deep: [1, 2] } },
        issues: [
          { messageId: 1, code: "X1", severity: "CRITICAL", message: "a new kind of problem", extra: true },
          { messageId: "2", code: "18027", severity: "WARNING", message: "price is high" },
          { messageId: 99, code: "90000", severity: "ERROR", message: "a message we never sent" },
          { messageId: 3, code: "77777", severity: "info", message: "an unknown code, informational" },
        ],
        summary: { errors: "1", messagesProcessed: 3, brandNewCounter: 7 },
        items: [{ sku: "A", status: ["SOMETHING_NEW"] }],
      },
      [1, 2, 3]
    )
    expect(outcomes).toEqual([
      {
        messageId: 1,
        accepted: false,
        issues: [expect.objectContaining({ code: "X1", severity: "error", message: 'a new kind of problem (Amazon\'s severity "CRITICAL" is not one we know; counted as an error)' })],
      },
      { messageId: 2, accepted: true, issues: [expect.objectContaining({ code: "18027", severity: "warning" })] },
      { messageId: 3, accepted: true, issues: [expect.objectContaining({ code: "77777", severity: "warning" })] },
    ])
    expect(summary).toEqual({
      errors: "1",
      messagesProcessed: 3,
      brandNewCounter: 7,
      unrecognized: [
        'an issue of unknown severity "CRITICAL" (code X1) was counted as an error',
        "an issue names message 99, which this feed did not have (a message we never sent)",
      ],
    })
  })

  it("counts an issue with an unreadable message id for the whole feed, and ignores a summary that is not an object", () => {
    const { outcomes, summary } = readProcessingReport(
      { issues: [{ messageId: { id: 1 }, severity: "ERROR", message: "which one?" }], summary: "3 processed" },
      [1, 2]
    )
    expect(outcomes.map((o) => o.accepted)).toEqual([false, false])
    expect(summary?.unrecognized).toEqual([
      'summary is not an object ("3 processed"); ignored',
      'an issue has the message id {"id":1}, which is not a number; it was counted for the whole feed',
    ])
  })

  it("keeps Amazon's summary as it is when everything is known", () => {
    expect(readProcessingReport({ issues: [], summary: { messagesProcessed: 1 } }, [1]).summary).toEqual({ messagesProcessed: 1 })
    expect(readProcessingReport({}, [1]).summary).toBeNull()
  })

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
