import express, { NextFunction, Request, Response, Router } from "express"
import { ControlInputError, SandboxControl } from "../control"
import { FaultRuleInput } from "../faults"

/**
 * The sandbox's own control API under `/_sandbox` (no auth, JSON). Every route is a thin wrapper over
 * SandboxControl, which tests can also call in-process.
 */
export function controlRouter(control: SandboxControl): Router {
  const router = express.Router()
  router.use(express.json({ limit: "50mb" }))
  const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>
  const handle = (fn: (req: Request, res: Response) => unknown) => (req: Request, res: Response, next: NextFunction) => {
    try {
      const result = fn(req, res)
      if (!res.headersSent) res.json(result ?? { ok: true })
    } catch (e) {
      if (e instanceof ControlInputError) res.status(400).json({ message: e.message })
      else next(e)
    }
  }

  router.post("/reset", handle(() => control.reset()))
  router.get("/state", handle(() => control.summary()))
  router.get("/requests", handle((req) => ({ requests: control.requests({ operation: req.query.operation ? String(req.query.operation) : undefined }) })))
  router.delete("/requests", handle(() => control.clearRequests()))
  router.get("/stats", handle(() => control.stats()))
  router.get("/faults", handle(() => ({ faults: control.faults() })))
  router.post("/faults", handle((req) => control.addFault(body(req) as unknown as FaultRuleInput)))
  router.delete("/faults", handle(() => control.clearFaults()))
  router.post("/sellers", handle((req) => control.createSeller(body(req) as never)))
  router.post("/sellers/:sellerId/revoke", handle((req) => control.revokeSeller(req.params.sellerId)))
  router.post("/sellers/:sellerId/restore", handle((req) => control.restoreSeller(req.params.sellerId, body(req).refreshToken as string | undefined)))
  router.post("/sellers/:sellerId/authorization-code", handle((req) => control.issueAuthorizationCode(req.params.sellerId, body(req).redirectUri as string | undefined)))
  router.post("/catalog", handle((req) => control.addCatalogItems((Array.isArray(req.body) ? req.body : (body(req).items ?? [body(req)])) as never)))
  router.post("/listings", handle((req) => control.addListings((Array.isArray(req.body) ? { listings: req.body } : body(req)) as never)))
  router.get("/listings/:sellerId/:marketplaceId/:sku", handle((req, res) => {
    const listing = control.getListing(req.params.sellerId, req.params.marketplaceId, req.params.sku)
    if (!listing) return void res.status(404).json({ message: "no such listing" })
    return listing
  }))
  router.post("/scenarios/real-seller", handle((req) => control.seedRealSeller(body(req) as never)))
  router.get("/listing-history", handle((req) => ({ history: control.listingHistory({ sellerId: req.query.sellerId ? String(req.query.sellerId) : undefined, sku: req.query.sku ? String(req.query.sku) : undefined }) })))
  router.post("/orders", handle((req) => control.addOrders((Array.isArray(req.body) ? { orders: req.body } : body(req)) as never)))
  router.get("/orders/:orderId", handle((req, res) => {
    const order = control.getOrder(req.params.orderId)
    if (!order) return void res.status(404).json({ message: "no such order" })
    return order
  }))
  router.post("/orders/:orderId", handle((req) => control.updateOrder(req.params.orderId, body(req) as never)))
  router.post("/feeds/:feedId/advance", handle((req) => control.advanceFeed(req.params.feedId)))
  router.post("/reports/:reportId/advance", handle((req) => control.advanceReport(req.params.reportId)))
  router.post("/report-rows", handle((req) => control.addReportRows(body(req) as never)))
  router.post("/returns", handle((req) => control.buyerReturn(body(req) as never)))
  router.get("/feed-documents/:docId", handle((req, res) => {
    const doc = control.feedDocument(req.params.docId)
    if (!doc) return void res.status(404).json({ message: "no uploaded feed document with that id" })
    res.type(doc.contentType).send(doc.content)
  }))
  router.get("/validation-errors", handle(() => ({ validationErrors: control.validationErrors() })))
  router.delete("/validation-errors", handle(() => control.clearValidationErrors()))
  router.post("/orders/:orderId/amazon-refund", handle((req) => control.amazonRefund({ ...body(req), orderId: req.params.orderId } as never)))
  router.post("/clock/advance", handle((req) => control.advanceClock(Number(body(req).ms))))
  router.post("/fba-inventory", handle((req) => control.setFbaInventory(body(req) as never)))
  return router
}
