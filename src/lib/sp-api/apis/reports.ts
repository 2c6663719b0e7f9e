import type { Readable } from "node:stream"
import {
  type CreateReportResponse,
  type CreateReportSpecification,
  type GetReportsResponse,
  type Report,
  type ReportDocument,
  ReportsApi,
  type ReportsApiGetReportsRequest,
} from "@sp-api-sdk/reports-api-2021-06-30"
import {
  type DocumentLocation,
  type DocumentTransferContext,
  decodeDocument,
  downloadDocument,
  streamDocument,
} from "../documents"
import type { SpApiTransport } from "../transport"
import type { MarketplaceId, ReportDocumentId, ReportId } from "../types"

export type CreateReportParams = Omit<CreateReportSpecification, "marketplaceIds"> & {
  /** ≤ 25; listings reports use only the first */
  marketplaceIds: MarketplaceId[]
}

export type GetReportsParams = Omit<ReportsApiGetReportsRequest, "marketplaceIds"> & {
  marketplaceIds?: MarketplaceId[]
}

/**
 * Reports API 2021-06-30 (reports_2021-06-30.json; notes §6): createReport → getReport until DONE →
 * getReportDocument(reportDocumentId) → download or stream (TSV listings reports can be 200,000 rows).
 */
export class ReportsOperations {
  private readonly api: ReportsApi

  constructor(
    private readonly transport: SpApiTransport,
    private readonly documents: DocumentTransferContext
  ) {
    this.api = new ReportsApi(undefined, transport.basePath, transport.http)
  }

  /** Requests a report (rate 0.0167/s ≈ one per 60 s, burst 15). */
  createReport(params: CreateReportParams): Promise<CreateReportResponse> {
    return this.transport.data("createReport", (options) => this.api.createReport({ body: params }, options))
  }

  /** Status of one report (rate 2/s, burst 15). */
  getReport(reportId: ReportId): Promise<Report> {
    return this.transport.data("getReport", (options) => this.api.getReport({ reportId }, options))
  }

  /** Reports matching the filters (rate 0.0222/s, burst 10). */
  getReports(params: GetReportsParams = {}): Promise<GetReportsResponse> {
    return this.transport.data("getReports", (options) => this.api.getReports(params, options))
  }

  /** Cancels a report still IN_QUEUE (rate 0.0222/s, burst 10). */
  async cancelReport(reportId: ReportId): Promise<void> {
    await this.transport.call("cancelReport", (options) => this.api.cancelReport({ reportId }, options))
  }

  /** Where to download a report (rate 0.0167/s, burst 15). */
  getReportDocument(reportDocumentId: ReportDocumentId): Promise<ReportDocument> {
    return this.transport.data("getReportDocument", (options) =>
      this.api.getReportDocument({ reportDocumentId }, options)
    )
  }

  /** The report's bytes, gunzipped when `compressionAlgorithm` is GZIP. Takes an id or a ReportDocument. */
  async downloadReportDocument(document: ReportDocumentId | DocumentLocation): Promise<Buffer> {
    return (await downloadDocument(await this.locate(document), this.documents, "downloadReportDocument")).body
  }

  /** The report as text, decoded with the charset the download declares (some EU reports are Cp1252). */
  async downloadReportDocumentText(document: ReportDocumentId | DocumentLocation): Promise<string> {
    return decodeDocument(
      await downloadDocument(await this.locate(document), this.documents, "downloadReportDocument")
    )
  }

  /**
   * The report as a byte stream, already gunzipped — for reports too big for memory. Pipe it through
   * `readline` or a CSV/TSV parser. A cut-off or corrupt transfer errors the stream with `SpApiError`
   * (`code: "CorruptDocument"`); ask for a fresh document URL and start over.
   */
  async streamReportDocument(document: ReportDocumentId | DocumentLocation): Promise<Readable> {
    return streamDocument(await this.locate(document), this.documents, "streamReportDocument")
  }

  private async locate(document: ReportDocumentId | DocumentLocation): Promise<DocumentLocation> {
    return typeof document === "string" ? this.getReportDocument(document) : document
  }
}
