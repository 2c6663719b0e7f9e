import axios, { AxiosInstance } from "axios"
import { gunzipSync } from "node:zlib"
import { DEMO, SandboxHandle, SandboxOptions, startSandbox } from "../server"

export { DEMO }

export interface TestSandbox {
  sandbox: SandboxHandle
  /** axios on the sandbox base URL that never throws on HTTP status. */
  http: AxiosInstance
  /** A fresh access token for the seed's EU (default) or NA seller. */
  token(seller?: "eu" | "na"): Promise<string>
  /** Headers with `x-amz-access-token` for the EU seller. */
  auth(seller?: "eu" | "na"): Promise<Record<string, string>>
}

export async function openSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ validateRequests: true, validateResponses: true, ...options })
  const http = axios.create({ baseURL: sandbox.url, validateStatus: () => true, maxRedirects: 0 })
  const token = async (seller: "eu" | "na" = "eu") => {
    const res = await http.post(
      "/auth/o2/token",
      new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: seller === "eu" ? DEMO.euRefreshToken : DEMO.naRefreshToken,
        client_id: DEMO.clientId,
        client_secret: DEMO.clientSecret,
      })
    )
    if (res.status !== 200) throw new Error(`LWA answered ${res.status}: ${JSON.stringify(res.data)}`)
    return res.data.access_token as string
  }
  return { sandbox, http, token, auth: async (seller) => ({ "x-amz-access-token": await token(seller) }) }
}

/** Downloads a document URL handed out by getFeedDocument/getReportDocument and gunzips it. */
export async function download(url: string): Promise<string> {
  const res = await axios.get<ArrayBuffer>(url, { responseType: "arraybuffer", validateStatus: () => true })
  if (res.status !== 200) throw new Error(`download answered ${res.status}: ${Buffer.from(res.data).toString()}`)
  return gunzipSync(Buffer.from(res.data)).toString("utf8")
}

/** The sandbox's own response-shape violations (validateResponses) — every test file asserts none. */
export function responseViolations(sandbox: SandboxHandle) {
  return sandbox.control.validationErrors().filter((v) => v.kind === "response")
}
