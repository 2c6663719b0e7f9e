import http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import express, { NextFunction, Request, Response } from "express"
import { SandboxContext, resolveOptions } from "./context"
import { SandboxControl } from "./control"
import { documentsRouter } from "./documents"
import { sendError } from "./http"
import { catalogRoutes } from "./routes/catalog"
import { consentRouter } from "./routes/consent"
import { controlRouter } from "./routes/control"
import { fbaInventoryRoutes } from "./routes/fba-inventory"
import { fulfillmentOutboundRoutes } from "./routes/fulfillment-outbound"
import { feedsRoutes } from "./routes/feeds"
import { financesRoutes } from "./routes/finances"
import { listingsRoutes } from "./routes/listings"
import { lwaRouter } from "./routes/lwa"
import { ordersRoutes } from "./routes/orders"
import { productTypeDefinitionsRoutes, schemasRouter } from "./routes/product-type-definitions"
import { reportsRoutes } from "./routes/reports"
import { sellersRoutes } from "./routes/sellers"
import { staticReplay } from "./static-replay"
import { SandboxOptions } from "./types"

export type { SandboxOptions } from "./types"
export { SandboxControl } from "./control"
export { DEMO } from "./seed"
export { listStaticExamples, buildStaticRequest, STATIC_HEADER } from "./static-examples"

export interface SandboxHandle {
  /** Base URL of the SP-API endpoints, e.g. http://127.0.0.1:54321 (AMAZON_SP_API_ENDPOINT). */
  url: string
  /** The LWA token endpoint (AMAZON_LWA_TOKEN_URL). */
  lwaTokenUrl: string
  /** Base of the consent page, `${sellerCentralUrl}/apps/authorize/consent` (AMAZON_SELLER_CENTRAL_URL). */
  sellerCentralUrl: string
  /** In-process control: the same operations as the `/_sandbox` HTTP API. */
  control: SandboxControl
  close(): Promise<void>
}

/** Builds the express app for a context (exported for embedding; startSandbox is the usual entry). */
export function createSandboxApp(ctx: SandboxContext, control: SandboxControl): express.Express {
  const app = express()
  app.disable("x-powered-by")
  app.disable("etag")
  app.set("query parser", "simple")

  app.use(schemasRouter())
  app.use(documentsRouter(ctx))
  app.use(lwaRouter(ctx))
  app.use(consentRouter(ctx))
  app.use("/_sandbox", controlRouter(control))

  // SP-API: JSON bodies (Amazon's models all consume application/json).
  app.use(express.json({ limit: "20mb", type: ["application/json", "application/*+json"] }))
  app.use(staticReplay(ctx))
  const api = express.Router()
  sellersRoutes(ctx, api)
  ordersRoutes(ctx, api)
  feedsRoutes(ctx, api)
  catalogRoutes(ctx, api)
  listingsRoutes(ctx, api)
  reportsRoutes(ctx, api)
  financesRoutes(ctx, api)
  productTypeDefinitionsRoutes(ctx, api)
  fbaInventoryRoutes(ctx, api)
  fulfillmentOutboundRoutes(ctx, api)
  app.use(api)

  app.use((req: Request, res: Response) => {
    res.setHeader("x-amzn-RequestId", "sandbox-unknown-resource")
    sendError(res, 404, "NotFound", `The sandbox has no operation ${req.method} ${req.path}.`)
  })
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return
    if (err.type === "entity.parse.failed") return sendError(res, 400, "InvalidInput", "The request body is not valid JSON.")
    if (err.type === "entity.too.large") return sendError(res, 413, "RequestEntityTooLarge", "The request body is too large.")
    ctx.log(`unhandled error: ${err.stack ?? err.message}`)
    sendError(res, 500, "InternalFailure", "We encountered an internal error. Please try again.")
  })
  return app
}

/** Starts an SP-API-compatible sandbox on loopback. */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const ctx = new SandboxContext(resolveOptions(options))
  const control = new SandboxControl(ctx)
  const app = createSandboxApp(ctx, control)
  const server = http.createServer(app)
  // Keep-alive sockets would hold close() open; track them and destroy them on close.
  const sockets = new Set<Socket>()
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  const host = options.host ?? "127.0.0.1"
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`
  ctx.log(`SP-API sandbox listening on ${url}`)
  let closed: Promise<void> | undefined
  return {
    url,
    lwaTokenUrl: `${url}/auth/o2/token`,
    sellerCentralUrl: url,
    control,
    close() {
      closed ??= new Promise<void>((resolve) => {
        ctx.clearTimers()
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
        server.closeAllConnections?.()
      })
      return closed
    },
  }
}
