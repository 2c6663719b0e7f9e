import { type SandboxHandle, startSandbox } from "../../../../sandbox/server"
import { SpApiClient } from "../client"
import type { SpApiClientConfig } from "../config"
import type { SpApiLogger } from "../logger"
import { marketplaceId, sellerId } from "../types"

/** The sandbox's seeded application and sellers (sandbox/seed.ts). */
export const SANDBOX = {
  clientId: "amzn1.application-oa2-client.sandbox",
  clientSecret: "sandbox-client-secret",
  euSeller: sellerId("A1SANDBOXSELLER01"),
  euRefreshToken: "Atzr|sandbox-refresh-token-eu",
  naSeller: sellerId("A2SANDBOXSELLER02"),
  naRefreshToken: "Atzr|sandbox-refresh-token-na",
  DE: marketplaceId("A1PA6795UKMFR9"),
  US: marketplaceId("ATVPDKIKX0DER"),
} as const

/** A logger that keeps every line, to assert on what was (not) logged. */
export function captureLogger(): SpApiLogger & { lines: string[] } {
  const lines: string[] = []
  const keep = (level: string) => (message: string) => {
    lines.push(`${level} ${message}`)
  }
  return { lines, debug: keep("debug"), info: keep("info"), warn: keep("warn"), error: keep("error") }
}

/** Small, quick retries: tests count attempts, they never wait for real backoff. */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 }

export function euClient(sandbox: SandboxHandle, overrides: Partial<SpApiClientConfig> = {}): SpApiClient {
  return new SpApiClient({
    clientId: SANDBOX.clientId,
    clientSecret: SANDBOX.clientSecret,
    refreshToken: SANDBOX.euRefreshToken,
    region: "eu",
    sellingPartnerId: SANDBOX.euSeller,
    endpoint: sandbox.url,
    lwaTokenUrl: sandbox.lwaTokenUrl,
    retry: FAST_RETRY,
    ...overrides,
  })
}

/**
 * One sandbox per test file, reset before each test (state, quotas, faults, counters). A high time scale
 * makes quota waits short; no test asserts on time.
 */
export function useSandbox(options: Parameters<typeof startSandbox>[0] = {}): { readonly current: SandboxHandle } {
  const holder: { current?: SandboxHandle } = {}
  beforeAll(async () => {
    holder.current = await startSandbox({ port: 0, timeScale: 1000, seed: "demo", ...options })
  })
  beforeEach(() => holder.current?.control.reset())
  afterAll(async () => {
    await holder.current?.close()
  })
  return {
    get current(): SandboxHandle {
      if (!holder.current) {
        throw new Error("sandbox not started")
      }
      return holder.current
    },
  }
}
