import express, { Request, Response, Router } from "express"
import { SandboxContext } from "../context"
import { beginRequest } from "../http"

/**
 * Login with Amazon token endpoint (`POST https://api.amazon.com/auth/o2/token`, notes §3.1): the
 * refresh_token, authorization_code and client_credentials grants, with LWA's own error bodies
 * (`{"error": …, "error_description": …}`), not SP-API's.
 */
export function lwaRouter(ctx: SandboxContext): Router {
  const router = express.Router()
  router.post("/auth/o2/token", express.urlencoded({ extended: false }), express.json(), (req: Request, res: Response) => {
    ctx.tick()
    const body = (req.body ?? {}) as Record<string, unknown>
    const grantType = typeof body.grant_type === "string" ? body.grant_type : undefined
    const basic = basicCredentials(req)
    const clientId = String(body.client_id ?? basic?.id ?? "")
    const clientSecret = String(body.client_secret ?? basic?.secret ?? "")
    // Never log secrets or tokens: only the grant type and the (public) client id.
    const { entry } = beginRequest(ctx, req, res, "lwaToken", { body: { grant_type: grantType, client_id: clientId } })
    const lwaError = (status: number, error: string, description: string) => {
      ctx.state.lwaCounts.errors++
      res.status(status).json({ error_description: description, error })
    }

    if (grantType === "refresh_token" || grantType === "authorization_code" || grantType === "client_credentials") {
      ctx.state.lwaCounts[grantType]++
    }

    const fault = ctx.faults.pick("lwaToken")
    if (fault) {
      entry.fault = fault.kind
      if (fault.kind === "timeout") return ctx.later(fault.delayMs ?? 30_000, () => req.socket.destroy())
      if (fault.kind === "500" || fault.kind === "503") {
        return lwaError(Number(fault.kind), "server_error", "The authorization server encountered an unexpected condition.")
      }
      if (fault.kind === "429") return lwaError(429, "slow_down", "Request is throttled.")
      if (fault.kind === "malformed") return void res.status(200).type("application/json").send('{"access_token":"Atza|')
      if (fault.kind === "slow") return ctx.later(fault.delayMs ?? 2000, () => answer())
    }
    answer()

    function answer() {
      if (!grantType) return lwaError(400, "invalid_request", "The request is missing a required parameter : grant_type")
      if (!["refresh_token", "authorization_code", "client_credentials"].includes(grantType)) {
        return lwaError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server")
      }
      if (!clientId) return lwaError(400, "invalid_request", "The request is missing a required parameter : client_id")
      if (clientId !== ctx.state.app.clientId || clientSecret !== ctx.state.app.clientSecret) {
        return lwaError(401, "invalid_client", "Client authentication failed")
      }
      const ttl = ctx.options.accessTokenTtlSeconds

      if (grantType === "refresh_token") {
        const token = typeof body.refresh_token === "string" ? body.refresh_token : ""
        if (!token) return lwaError(400, "invalid_request", "The request is missing a required parameter : refresh_token")
        const record = ctx.state.refreshTokens.get(token)
        if (!record || record.revoked || record.clientId !== clientId) {
          return lwaError(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token")
        }
        const access = ctx.state.issueAccessToken(clientId, ttl, record)
        entry.sellerId = record.sellerId
        return res.json({ access_token: access.token, refresh_token: record.token, token_type: "bearer", expires_in: ttl })
      }

      if (grantType === "authorization_code") {
        const code = typeof body.code === "string" ? body.code : ""
        if (!code) return lwaError(400, "invalid_request", "The request is missing a required parameter : code")
        const record = ctx.state.authCodes.get(code)
        const redirectUri = typeof body.redirect_uri === "string" ? body.redirect_uri : undefined
        if (!record || record.used || record.expiresAt <= ctx.clock.now()) {
          return lwaError(400, "invalid_grant", "The request has an invalid grant parameter : code")
        }
        if (redirectUri !== undefined && redirectUri !== record.redirectUri) {
          return lwaError(400, "invalid_grant", "The request has an invalid grant parameter : redirect_uri")
        }
        record.used = true
        const refresh = ctx.state.issueRefreshToken(record.sellerId)
        const access = ctx.state.issueAccessToken(clientId, ttl, refresh)
        entry.sellerId = record.sellerId
        return res.json({ access_token: access.token, refresh_token: refresh.token, token_type: "bearer", expires_in: ttl })
      }

      // client_credentials: grantless operations only (no seller behind the token).
      const access = ctx.state.issueAccessToken(clientId, ttl)
      return res.json({ access_token: access.token, scope: String(body.scope ?? ""), token_type: "bearer", expires_in: ttl })
    }
  })
  return router
}

function basicCredentials(req: Request): { id: string; secret: string } | undefined {
  const header = req.header("authorization")
  if (!header?.toLowerCase().startsWith("basic ")) return undefined
  const [id, secret] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":")
  return id ? { id, secret: secret ?? "" } : undefined
}
