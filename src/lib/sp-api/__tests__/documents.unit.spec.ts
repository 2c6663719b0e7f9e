import { gzipSync } from "node:zlib"
import axios from "axios"
import { downloadDocument, streamDocument, untrustedDocumentUrl, type DocumentTransferContext } from "../documents"
import { SpApiError } from "../errors"
import { Redactor } from "../redact"
import { DEFAULT_RETRY_POLICY } from "../retry"
import { reportId } from "../types"
import { euClient, SANDBOX, useSandbox } from "./sandbox-fixture"

const S3 = "https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com/abc/doc?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=deadbeef"

describe("document URLs", () => {
  it.each([
    ["Amazon's S3 over https", S3, undefined, null],
    ["a schema on Amazon's S3", "https://selling-partner-definitions-prod-iad.s3.amazonaws.com/schema/x.json", undefined, null],
    ["plain http to S3", S3.replace("https:", "http:"), undefined, /https only/],
    ["another host", "https://evil.example/doc?X-Amz-Signature=1", undefined, /evil\.example is not one of Amazon's document hosts/],
    ["a look-alike host", "https://amazonaws.com.evil.example/doc", undefined, /not one of Amazon's/],
    ["S3 in the NA region", "https://tortuga-prod-na.s3-external-1.amazonaws.com/doc", undefined, null],
    ["S3 path style", "https://s3.us-west-2.amazonaws.com/tortuga-prod-fe/doc", undefined, null],
    ["an EC2 host name", "https://ec2-54-1-2-3.compute-1.amazonaws.com/doc", undefined, /not one of Amazon's/],
    ["S3 as a subdomain of something else", "https://s3.amazonaws.com.evil.example/doc", undefined, /not one of Amazon's/],
    ["a file URL", "file:///etc/passwd", undefined, /https only/],
    ["not a URL", "::", undefined, /not a URL/],
    ["the configured sandbox over http", "http://127.0.0.1:4567/_documents/x", "http://127.0.0.1:4567", null],
    ["another port than the sandbox's", "http://127.0.0.1:9999/_documents/x", "http://127.0.0.1:4567", /https only/],
  ])("%s", (_label, url, trustedOrigin, expected) => {
    const refusal = untrustedDocumentUrl(url, trustedOrigin)
    if (expected === null) expect(refusal).toBeNull()
    else expect(refusal).toMatch(expected)
    // a refusal names the host at most, never the presigned URL's path or signature
    expect(refusal ?? "").not.toMatch(/X-Amz|deadbeef|\/doc/)
  })

  const context = (overrides: Partial<DocumentTransferContext> = {}): DocumentTransferContext => ({
    http: axios.create(),
    timeoutMs: 1000,
    retry: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 },
    unrefTimers: true,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    redactor: new Redactor([]),
    ...overrides,
  })

  it("a small gzip that inflates past maxBytes stops with DocumentTooLarge (a gzip bomb cannot fill memory)", async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(64 * 1024)
    const http = axios.create()
    jest.spyOn(http, "get").mockResolvedValue({ data: bomb, headers: {}, status: 200 })
    const failure = await downloadDocument({ url: S3, compressionAlgorithm: "GZIP" }, context({ http, limits: { maxBytes: 1024 * 1024 } })).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: "DocumentTooLarge", retryable: false })
    // the same bytes within the limit arrive whole
    const ok = await downloadDocument({ url: S3, compressionAlgorithm: "GZIP" }, context({ http, limits: { maxBytes: 16 * 1024 * 1024 } }))
    expect(ok.body.length).toBe(8 * 1024 * 1024)
  })

  it("refuses a download or stream from an untrusted host before anything is sent", async () => {
    const http = axios.create()
    const get = jest.spyOn(http, "get")
    for (const fetch of [downloadDocument, streamDocument]) {
      const failure = await fetch({ url: "https://evil.example/doc?X-Amz-Signature=1" }, context({ http })).catch((e: unknown) => e)
      expect(failure).toBeInstanceOf(SpApiError)
      expect(failure).toMatchObject({ code: "UntrustedDocumentUrl", retryable: false })
    }
    expect(get).not.toHaveBeenCalled()
  })
})

describe("document sizes and errors (against the sandbox)", () => {
  const sandbox = useSandbox()
  const control = () => sandbox.current.control

  async function reportDocument(rows: number, limits?: { maxBytes?: number; maxStreamBytes?: number }) {
    control().addListings({ generate: { count: rows, sellerId: SANDBOX.euSeller, marketplaceId: SANDBOX.DE } })
    const client = euClient(sandbox.current, limits ? { documentLimits: limits } : {})
    const { reportId: id } = await client.reports.createReport({ reportType: "GET_MERCHANT_LISTINGS_ALL_DATA", marketplaceIds: [SANDBOX.DE] })
    control().advanceReport(id)
    const report = await client.reports.getReport(reportId(id))
    return { client, document: await client.reports.getReportDocument(report.reportDocumentId as never) }
  }

  it("a report larger than maxBytes stops with DocumentTooLarge, asked once", async () => {
    const { client, document } = await reportDocument(2000, { maxBytes: 64 * 1024 })
    const failure = await client.reports.downloadReportDocument(document).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: "DocumentTooLarge", retryable: false })
    // asked once: a document too large stays too large
    expect(control().requests({ operation: "downloadDocument" })).toHaveLength(1)
  })

  it("a transfer larger than the limit stops with DocumentTooLarge", async () => {
    const { client, document } = await reportDocument(2000, { maxBytes: 1024 })
    const failure = await client.reports.downloadReportDocument(document).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: "DocumentTooLarge" })
  })

  it("a streamed document errors the stream past maxStreamBytes", async () => {
    const { client, document } = await reportDocument(2000, { maxStreamBytes: 32 * 1024 })
    const stream = await client.reports.streamReportDocument(document)
    let bytes = 0
    const failure = await (async () => {
      for await (const chunk of stream) bytes += (chunk as Buffer).length
    })().catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: "DocumentTooLarge", operation: "streamReportDocument" })
    expect(bytes).toBeLessThanOrEqual(32 * 1024)
  })

  it("within the limits, documents still arrive whole", async () => {
    const { client, document } = await reportDocument(50)
    const text = (await client.reports.downloadReportDocument(document)).toString("utf8")
    expect(text.split("\n")[0]).toContain("seller-sku")
    expect(gzipSync(text).length).toBeGreaterThan(0)
  })

  it("errors of a document download never carry its presigned URL", async () => {
    const { client, document } = await reportDocument(5)
    const url = new URL(document.url)
    const forged = `${url.origin}${url.pathname}?X-Amz-Date=20260101T000000Z&X-Amz-Signature=forged0123456789`
    control().addFault({ operation: "downloadDocument", kind: "500", count: 10 })
    const failures = [
      await client.reports.downloadReportDocument({ ...document, url: forged }).catch((e: unknown) => e),
      await client.reports.downloadReportDocument(document).catch((e: unknown) => e),
    ]
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(SpApiError)
      const shown = `${String(failure)} ${JSON.stringify(failure)} ${(failure as Error).stack}`
      expect(shown).not.toContain(url.pathname)
      expect(shown).not.toContain("X-Amz-Signature")
      expect(shown).not.toContain("forged0123456789")
    }
  })

  it("the product type schema comes through the client's download (trusted host, bounded)", async () => {
    const client = euClient(sandbox.current)
    const definition = await client.productTypeDefinitions.getDefinitionsProductType({ productType: "SHIRT", marketplaceIds: [SANDBOX.DE], requirements: "LISTING" })
    const schema = (await client.productTypeDefinitions.downloadSchema(definition.schema.link.resource)) as { properties?: object }
    expect(schema.properties).toBeDefined()
    const small = euClient(sandbox.current, { documentLimits: { maxBytes: 100 } })
    await expect(small.productTypeDefinitions.downloadSchema(definition.schema.link.resource)).rejects.toMatchObject({ code: "DocumentTooLarge" })
    await expect(client.productTypeDefinitions.downloadSchema("https://evil.example/schema.json")).rejects.toMatchObject({ code: "UntrustedDocumentUrl" })
  })
})
