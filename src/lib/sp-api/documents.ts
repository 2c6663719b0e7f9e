import { performance } from "node:perf_hooks"
import { Readable } from "node:stream"
import { promisify } from "node:util"
import { createGunzip, gunzip } from "node:zlib"
import { type AxiosInstance, type AxiosResponse, isAxiosError } from "axios"
import { errorFromAxios, header } from "./axios-error"
import { SpApiError } from "./errors"
import type { SpApiLogger } from "./logger"
import type { Redactor } from "./redact"
import { type RetryPolicy, withRetries } from "./retry"

/**
 * Feed and report documents live behind presigned URLs (S3 in production, valid ~5 minutes; notes §5.1,
 * §6). They take no SP-API token and no quota, so they bypass the transport: plain HTTP with the same
 * retry policy (a GET or a PUT of the same bytes can be repeated safely), gzip handled here.
 */

/** The part of a FeedDocument / ReportDocument needed to fetch it. */
export interface DocumentLocation {
  url: string
  /** "GZIP" when Amazon compressed the document. */
  compressionAlgorithm?: string
}

export interface DocumentTransferContext {
  http: AxiosInstance
  timeoutMs: number
  retry: RetryPolicy
  unrefTimers: boolean
  logger: SpApiLogger
  redactor: Redactor
  /** Besides Amazon's document hosts, the origin of a configured SP-API endpoint (the sandbox serves its own documents). */
  trustedOrigin?: string
  limits?: Partial<DocumentLimits>
}

/**
 * How big a document may get. A listings report of a large catalog is tens of MB; these only stop a
 * runaway or hostile answer (a gzip bomb, an endless body) from taking the process's memory or disk.
 */
export interface DocumentLimits {
  /** downloadDocument holds the document in memory: bytes on the wire, and again once gunzipped */
  maxBytes: number
  /** streamDocument: bytes the consumer is handed (gunzipped) before the stream errors */
  maxStreamBytes: number
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxStreamBytes: 4 * 1024 * 1024 * 1024,
}

/**
 * Amazon's S3 endpoints, path or virtual-host style: `tortuga-prod-eu.s3-eu-west-1.amazonaws.com` (feed and
 * report documents), `selling-partner-definitions-prod-iad.s3.amazonaws.com` (schemas). Not any
 * `*.amazonaws.com` (EC2 host names, other services).
 */
const S3_HOST = /(^|\.)s3([.-][a-z0-9-]+)*\.amazonaws\.com$/i

/**
 * Feed and report documents and product type schemas live on Amazon's S3; a URL
 * elsewhere, or over plain http, is refused before anything is sent (an answer that was tampered with,
 * or a sandbox that is not the one configured). `trustedOrigin` adds the configured endpoint's origin.
 * Returns the refusal, or null when the URL may be fetched; the refusal names the host only, never the
 * URL (presigned: whoever holds it can read the document).
 */
export function untrustedDocumentUrl(url: string, trustedOrigin?: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return "the document URL Amazon gave is not a URL"
  }
  if (trustedOrigin && parsed.origin === trustedOrigin) return null
  if (parsed.protocol !== "https:") return `documents are fetched over https only, not ${parsed.protocol.replace(":", "")} (${parsed.host})`
  if (!S3_HOST.test(parsed.hostname)) return `${parsed.hostname} is not one of Amazon's document hosts`
  return null
}

function assertDocumentUrl(url: string, operation: string, context: DocumentTransferContext): void {
  const refusal = untrustedDocumentUrl(url, context.trustedOrigin)
  if (refusal) {
    throw new SpApiError({ operation, code: "UntrustedDocumentUrl", amazonMessage: `Refused to fetch: ${refusal}`, retryable: false, attempts: 0 })
  }
}

function limitsOf(context: DocumentTransferContext): DocumentLimits {
  return { ...DEFAULT_DOCUMENT_LIMITS, ...context.limits }
}

function tooLarge(operation: string, limit: number, attempts: number): SpApiError {
  return new SpApiError({
    operation,
    code: "DocumentTooLarge",
    amazonMessage: `The document is larger than ${Math.round(limit / 1024 / 1024)} MiB, the most this plugin reads`,
    retryable: false,
    attempts,
  })
}

/** Axios' own refusal of a body over maxContentLength (the message is its only mark). */
function isOverMaxContentLength(error: unknown): boolean {
  return isAxiosError(error) && /maxContentLength/i.test(error.message)
}

/** A downloaded document: decompressed bytes and the content type the server declared. */
export interface DownloadedDocument {
  body: Buffer
  contentType?: string
}

const gunzipAsync = promisify(gunzip)

/**
 * PUTs a feed document to the URL from `createFeedDocument`. The content type must be the one given to
 * `createFeedDocument`; no `x-amz-access-token` (the URL carries its own signature).
 */
export async function uploadDocument(
  url: string,
  content: string | Uint8Array,
  contentType: string,
  context: DocumentTransferContext
): Promise<void> {
  const operation = "uploadFeedDocument"
  assertDocumentUrl(url, operation, context)
  const body = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content)
  await withRetries(
    async (n) => {
      const started = performance.now()
      try {
        await context.http.put(url, body, {
          headers: { "content-type": contentType },
          timeout: context.timeoutMs,
          maxBodyLength: Infinity,
          // the generated clients' JSON transform must not touch the bytes
          transformRequest: [(data: unknown) => data],
        })
      } catch (error) {
        throw errorFromAxios(error, { operation, idempotent: true, attempt: n + 1, redactor: context.redactor })
      }
      context.logger.debug(`${operation}: ${body.length} bytes in ${Math.round(performance.now() - started)} ms`)
    },
    retryOptions(operation, context)
  )
}

/** Downloads a document and returns its bytes, gunzipped when it was compressed. */
export async function downloadDocument(
  location: DocumentLocation,
  context: DocumentTransferContext,
  operation = "downloadDocument"
): Promise<DownloadedDocument> {
  assertDocumentUrl(location.url, operation, context)
  const { maxBytes } = limitsOf(context)
  return withRetries(async (n) => {
    const started = performance.now()
    let response: AxiosResponse<ArrayBuffer>
    try {
      response = await context.http.get<ArrayBuffer>(location.url, {
        responseType: "arraybuffer",
        timeout: context.timeoutMs,
        decompress: false,
        maxContentLength: maxBytes,
      })
    } catch (error) {
      if (isOverMaxContentLength(error)) throw tooLarge(operation, maxBytes, n + 1)
      throw errorFromAxios(error, { operation, idempotent: true, attempt: n + 1, redactor: context.redactor })
    }
    let body = Buffer.from(response.data)
    try {
      if (/gzip/i.test(header(response.headers, "content-encoding") ?? "")) {
        body = await gunzipAsync(body, { maxOutputLength: maxBytes })
      }
      if (isGzip(location)) {
        body = await gunzipAsync(body, { maxOutputLength: maxBytes })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(operation, maxBytes, n + 1)
      // A cut-off transfer looks exactly like this; the stored document is usually fine: download again.
      throw corruptDocument(operation, n + 1)
    }
    context.logger.debug(
      `${operation}: ${body.length} bytes${isGzip(location) ? " (gunzipped)" : ""} in ${Math.round(
        performance.now() - started
      )} ms`
    )
    return { body, contentType: header(response.headers, "content-type") }
  }, retryOptions(operation, context))
}

/**
 * Streams a document, gunzipped on the fly, for reports too big to hold in memory (a 200,000-row listings
 * TSV). Retries only until the response starts; an error later (cut-off transfer, corrupt gzip) is emitted
 * by the stream as an `SpApiError` with code `CorruptDocument`.
 */
export async function streamDocument(
  location: DocumentLocation,
  context: DocumentTransferContext,
  operation = "streamDocument"
): Promise<Readable> {
  assertDocumentUrl(location.url, operation, context)
  const { maxStreamBytes } = limitsOf(context)
  const response = await withRetries(async (n) => {
    try {
      return await context.http.get<Readable>(location.url, {
        responseType: "stream",
        timeout: context.timeoutMs,
        decompress: false,
        maxContentLength: Infinity,
      })
    } catch (error) {
      throw errorFromAxios(error, { operation, idempotent: true, attempt: n + 1, redactor: context.redactor })
    }
  }, retryOptions(operation, context))

  let stream: Readable = response.data
  if (/gzip/i.test(header(response.headers, "content-encoding") ?? "")) {
    stream = gunzipped(stream)
  }
  if (isGzip(location)) {
    stream = gunzipped(stream)
  }
  return Readable.from(rethrowAsCorrupt(stream, operation, maxStreamBytes), { objectMode: false })
}

/**
 * Decodes document bytes as text. Amazon declares the charset in the content type; some report documents
 * are `Cp1252` / `ISO-8859-1` rather than UTF-8 (EU marketplaces).
 */
export function decodeDocument(document: DownloadedDocument, fallbackCharset = "utf-8"): string {
  const declared = /charset=["']?([^;"'\s]+)/i.exec(document.contentType ?? "")?.[1]
  const charset = normalizeCharset(declared ?? fallbackCharset)
  try {
    return new TextDecoder(charset).decode(document.body)
  } catch {
    return document.body.toString("utf8")
  }
}

function normalizeCharset(charset: string): string {
  const lower = charset.toLowerCase()
  if (lower === "cp1252" || lower === "windows1252") {
    return "windows-1252"
  }
  return lower
}

function isGzip(location: DocumentLocation): boolean {
  return location.compressionAlgorithm?.toUpperCase() === "GZIP"
}

function gunzipped(source: Readable): Readable {
  const gunzipStream = createGunzip()
  source.on("error", (error) => gunzipStream.destroy(error))
  gunzipStream.on("close", () => source.destroy())
  return source.pipe(gunzipStream)
}

async function* rethrowAsCorrupt(source: Readable, operation: string, maxBytes: number): AsyncGenerator<Buffer> {
  let seen = 0
  try {
    for await (const chunk of source) {
      seen += (chunk as Buffer).length
      // counted after gunzip: a small gzip bomb cannot hand the consumer more than this
      if (seen > maxBytes) throw tooLarge(operation, maxBytes, 1)
      yield chunk as Buffer
    }
  } catch (error) {
    if (error instanceof SpApiError) throw error
    throw corruptDocument(operation, 1, false)
  } finally {
    source.destroy()
  }
}

function corruptDocument(operation: string, attempt: number, retryable = true): SpApiError {
  return new SpApiError({
    operation,
    code: "CorruptDocument",
    amazonMessage: "The document could not be read completely (cut-off transfer or corrupt gzip)",
    retryable,
    attempts: attempt,
  })
}

function retryOptions(operation: string, context: DocumentTransferContext) {
  return {
    policy: context.retry,
    unrefTimers: context.unrefTimers,
    onRetry: (error: SpApiError, retry: number, delay: number) =>
      context.logger.warn(
        `${operation}: ${error.status ? `HTTP ${error.status}` : (error.code ?? "error")}, retry ${retry}/${
          context.retry.maxRetries
        } in ${delay} ms`
      ),
  }
}
