import { performance } from "node:perf_hooks"
import { Readable } from "node:stream"
import { promisify } from "node:util"
import { createGunzip, gunzip } from "node:zlib"
import type { AxiosInstance, AxiosResponse } from "axios"
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
  return withRetries(async (n) => {
    const started = performance.now()
    let response: AxiosResponse<ArrayBuffer>
    try {
      response = await context.http.get<ArrayBuffer>(location.url, {
        responseType: "arraybuffer",
        timeout: context.timeoutMs,
        decompress: false,
        maxContentLength: Infinity,
      })
    } catch (error) {
      throw errorFromAxios(error, { operation, idempotent: true, attempt: n + 1, redactor: context.redactor })
    }
    let body = Buffer.from(response.data)
    try {
      if (/gzip/i.test(header(response.headers, "content-encoding") ?? "")) {
        body = await gunzipAsync(body)
      }
      if (isGzip(location)) {
        body = await gunzipAsync(body)
      }
    } catch {
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
  return Readable.from(rethrowAsCorrupt(stream, operation), { objectMode: false })
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

async function* rethrowAsCorrupt(source: Readable, operation: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of source) {
      yield chunk as Buffer
    }
  } catch {
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
