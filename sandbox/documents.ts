import { createHash, createHmac, timingSafeEqual } from "node:crypto"
import { Readable, pipeline } from "node:stream"
import { createGzip, gunzipSync, gzipSync } from "node:zlib"
import express, { Request, Response, Router } from "express"
import { SandboxContext } from "./context"
import { applyJsonPatch } from "./faults"
import { beginRequest } from "./http"

/**
 * The S3 side of feed and report documents. createFeedDocument / getFeedDocument / getReportDocument hand
 * out presigned-like URLs on the sandbox itself; like S3's they carry no SP-API auth, expire after five
 * minutes (real time, notes §5.1), and an upload must use the Content-Type given to createFeedDocument
 * (it is part of the signature on S3).
 */
export const URL_TTL_SECONDS = 300

export function presignedUrl(ctx: SandboxContext, base: string, action: "upload" | "download", docId: string): string {
  const date = amzDate(ctx.clock.now())
  const signature = sign(ctx, action, docId, date)
  const q = new URLSearchParams({
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Date": date,
    "X-Amz-Expires": String(URL_TTL_SECONDS),
    "X-Amz-SignedHeaders": action === "upload" ? "content-type;host" : "host",
    "X-Amz-Signature": signature,
  })
  return `${base}/_s3/${action}/${encodeURIComponent(docId)}?${q.toString()}`
}

export function documentsRouter(ctx: SandboxContext): Router {
  const router = express.Router()

  router.put("/_s3/upload/:docId", express.raw({ type: () => true, limit: "100mb" }), (req: Request, res: Response) => {
    ctx.tick()
    const docId = req.params.docId
    const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    const contentType = req.header("content-type") ?? ""
    const { entry } = beginRequest(ctx, req, res, "uploadDocument", { body: { docId, size: content.length, contentType } })
    const doc = ctx.state.documents.get(docId)
    entry.sellerId = doc?.sellerId
    const denied = verify(ctx, req, "upload", docId)
    if (denied) return s3Error(res, 403, denied.code, denied.message)
    if (!doc || doc.kind !== "feed-input") return s3Error(res, 404, "NoSuchKey", "The specified key does not exist.")
    if (normalizeType(contentType) !== normalizeType(doc.contentType)) {
      return s3Error(res, 403, "SignatureDoesNotMatch", `The request signature we calculated does not match the signature you provided. (Content-Type '${contentType}' differs from '${doc.contentType}' given to createFeedDocument.)`)
    }
    const fault = ctx.faults.pick("uploadDocument")
    if (fault) {
      entry.fault = fault.kind
      if (fault.kind === "timeout") return ctx.later(fault.delayMs ?? 30_000, () => req.socket.destroy())
      if (fault.kind === "500") return s3Error(res, 500, "InternalError", "We encountered an internal error. Please try again.")
      if (fault.kind === "503" || fault.kind === "429") return s3Error(res, 503, "SlowDown", "Please reduce your request rate.")
    }
    const store = () => {
      doc.content = content
      doc.uploadedAt = ctx.clock.now()
      res.setHeader("ETag", `"${createHash("md5").update(content).digest("hex")}"`)
      res.status(200).end()
    }
    if (fault?.kind === "slow") ctx.later(fault.delayMs ?? 2000, store)
    else store()
  })

  router.get("/_s3/download/:docId", (req: Request, res: Response) => {
    ctx.tick()
    const docId = req.params.docId
    const { entry } = beginRequest(ctx, req, res, "downloadDocument")
    const doc = ctx.state.documents.get(docId)
    entry.sellerId = doc?.sellerId
    const denied = verify(ctx, req, "download", docId)
    if (denied) return s3Error(res, 403, denied.code, denied.message)
    if (!doc || (!doc.content && !doc.render)) return s3Error(res, 404, "NoSuchKey", "The specified key does not exist.")
    const fault = ctx.faults.pick("downloadDocument")
    if (fault) {
      entry.fault = fault.kind
      if (fault.kind === "timeout") return ctx.later(fault.delayMs ?? 30_000, () => req.socket.destroy())
      if (fault.kind === "500") return s3Error(res, 500, "InternalError", "We encountered an internal error. Please try again.")
      if (fault.kind === "503" || fault.kind === "429") return s3Error(res, 503, "SlowDown", "Please reduce your request rate.")
    }
    const send = () => {
      // No Content-Encoding header: the compression is announced by compressionAlgorithm, as on Amazon,
      // so HTTP clients must not transparently decompress it.
      res.setHeader("Content-Type", doc.compression ? "application/octet-stream" : doc.contentType)
      if (fault?.kind === "truncated-gzip" || fault?.kind === "malformed") {
        const full = doc.content ?? gzipSync(renderAll(doc.render!()))
        return void res.status(200).send(full.subarray(0, Math.max(1, Math.floor(full.length / 2))))
      }
      if (fault?.kind === "mutate") {
        // JSON documents only (feed processing reports): unpacked, patched, packed as they were
        let mutated: Buffer
        try {
          const raw = doc.content ?? gzipSync(renderAll(doc.render!()))
          const text = (doc.compression ? gunzipSync(raw) : raw).toString("utf8")
          const patched = Buffer.from(JSON.stringify(applyJsonPatch(JSON.parse(text), fault.patch ?? [])), "utf8")
          mutated = doc.compression ? gzipSync(patched) : patched
        } catch (e) {
          ctx.log(`mutate fault on downloadDocument: ${(e as Error).message}`)
          return s3Error(res, 500, "InternalError", `sandbox mutate fault: ${(e as Error).message}`)
        }
        return void res.status(200).send(mutated)
      }
      if (doc.content) return void res.status(200).send(doc.content)
      res.status(200)
      pipeline(Readable.from(doc.render!()), createGzip(), res, (err) => {
        if (err && !res.destroyed) res.destroy(err)
      })
    }
    if (fault?.kind === "slow") ctx.later(fault.delayMs ?? 2000, send)
    else send()
  })

  return router
}

/** A rendered document (report text, with raw byte lines a test added) as one buffer. */
function renderAll(parts: Iterable<string | Buffer>): Buffer {
  return Buffer.concat([...parts].map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : part)))
}

function verify(ctx: SandboxContext, req: Request, action: string, docId: string): { code: string; message: string } | undefined {
  const q = req.query as Record<string, string | undefined>
  const date = q["X-Amz-Date"]
  const signature = q["X-Amz-Signature"]
  if (!date || !signature) return { code: "AccessDenied", message: "Query-string authentication requires the X-Amz-Date and X-Amz-Signature parameters." }
  const expected = Buffer.from(sign(ctx, action, docId, date))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided." }
  }
  const issued = parseAmzDate(date)
  const expires = Number(q["X-Amz-Expires"] ?? URL_TTL_SECONDS)
  if (issued === undefined || ctx.clock.now() > issued + Math.min(expires, URL_TTL_SECONDS) * 1000) {
    return { code: "AccessDenied", message: "Request has expired" }
  }
  return undefined
}

function sign(ctx: SandboxContext, action: string, docId: string, date: string): string {
  return createHmac("sha256", ctx.signingSecret).update(`${action}\n${docId}\n${date}`).digest("hex")
}

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "")
}

function parseAmzDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s)
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined
}

function normalizeType(s: string): string {
  return s.toLowerCase().replace(/\s+/g, "")
}

function s3Error(res: Response, status: number, code: string, message: string): void {
  const requestId = String(res.getHeader("x-amzn-RequestId") ?? "")
  res
    .status(status)
    .type("application/xml")
    .send(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message.replace(/[<&>]/g, "")}</Message><RequestId>${requestId}</RequestId></Error>`)
}
