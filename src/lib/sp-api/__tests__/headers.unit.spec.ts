import { createServer, type IncomingHttpHeaders, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { SpApiClient } from "../client"
import { feedId } from "../types"

/**
 * What goes over the wire, checked on a bare local HTTP server (the sandbox does not log headers):
 * the token and user agent on SP-API calls, nothing of ours on the presigned upload.
 */
describe("request headers", () => {
  let server: Server
  let base = ""
  const seen: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders; body: string }> = []

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = ""
      req.on("data", (chunk) => (body += chunk))
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body })
        res.setHeader("content-type", "application/json")
        if (req.url === "/auth/o2/token") {
          res.end(JSON.stringify({ access_token: "Atza|stub-access-token", token_type: "bearer", expires_in: 3600 }))
        } else if (req.url?.startsWith("/upload")) {
          res.end()
        } else {
          res.setHeader("x-amzn-RateLimit-Limit", "2.0")
          res.end(JSON.stringify({ feedId: "1", feedType: "X", createdTime: "2026-01-01T00:00:00Z", processingStatus: "DONE" }))
        }
      })
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it("sends x-amz-access-token and the user agent to SP-API, and neither to the upload URL", async () => {
    const client = new SpApiClient({
      clientId: "amzn1.application-oa2-client.x",
      clientSecret: "stub-secret",
      refreshToken: "Atzr|stub-refresh",
      region: "fe",
      endpoint: `${base}/`,
      lwaTokenUrl: `${base}/auth/o2/token`,
    })
    await client.feeds.getFeed(feedId("1"))
    await client.feeds.uploadFeedDocument({ url: `${base}/upload?X-Amz-Signature=abc` }, "a\tb\n", "text/tab-separated-values; charset=UTF-8")

    const [token, getFeed, upload] = seen
    expect(token.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/)
    expect(new URLSearchParams(token.body).get("grant_type")).toBe("refresh_token")

    expect(getFeed.url).toBe("/feeds/2021-06-30/feeds/1")
    expect(getFeed.headers["x-amz-access-token"]).toBe("Atza|stub-access-token")
    expect(getFeed.headers["user-agent"]).toMatch(/^medusa-plugin-amazon\/\d+\.\d+\.\d+ \(Language=TypeScript; Platform=Node\/\d+/)

    expect(upload.method).toBe("PUT")
    expect(upload.headers["content-type"]).toBe("text/tab-separated-values; charset=UTF-8")
    expect(upload.headers["x-amz-access-token"]).toBeUndefined()
    expect(upload.body).toBe("a\tb\n")
  })
})
