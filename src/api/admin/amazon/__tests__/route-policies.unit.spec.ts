import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { AMAZON_POLICY, amazonPolicies } from "../../../../policies/amazon"
import { adminAmazonMiddlewares } from "../middlewares"
import { adminAmazonOrdersMiddlewares } from "../orders-middlewares"
import { adminAmazonRulesMiddlewares } from "../rules-middlewares"

/**
 * Every admin route of the plugin declares the RBAC policies it needs, so a
 * role without them is refused when Medusa's `rbac` flag is on. The route
 * table is read from the file system: a new route without a policy fails here.
 */
const ROUTES_DIR = path.resolve(__dirname, "..")

type RouteFile = { matcher: string; methods: string[]; authenticated: boolean }

function routeFiles(dir: string): RouteFile[] {
  const found: RouteFile[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== "__tests__") found.push(...routeFiles(full))
    if (entry.isFile() && entry.name === "route.ts") {
      const source = readFileSync(full, "utf8")
      const matcher =
        "/admin/amazon/" +
        path
          .relative(ROUTES_DIR, dir)
          .split(path.sep)
          .map((part) => part.replace(/^\[(.+)\]$/, ":$1"))
          .join("/")
      found.push({
        matcher,
        methods: [...source.matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]),
        authenticated: !/^export const AUTHENTICATE = false/m.test(source),
      })
    }
  }
  return found
}

const table = [...adminAmazonMiddlewares, ...adminAmazonOrdersMiddlewares, ...adminAmazonRulesMiddlewares]

function policiesOf(method: string, matcher: string) {
  const entries = table.filter((route) => route.matcher === matcher && ([] as string[]).concat(route.method ?? []).includes(method))
  return entries.flatMap((route) => ([] as Array<{ resource: string; operation: string | string[] }>).concat(route.policies ?? []))
}

describe("admin route policies (RBAC)", () => {
  const routes = routeFiles(ROUTES_DIR)

  it("finds the route files", () => {
    expect(routes.length).toBeGreaterThan(20)
  })

  it.each(routes.filter((r) => r.authenticated).flatMap((r) => r.methods.map((method) => [method, r.matcher])))(
    "%s %s declares a policy the plugin defines",
    (method, matcher) => {
      const policies = policiesOf(method, matcher)
      expect(policies.length).toBeGreaterThan(0)
      const defined = amazonPolicies.policies.map((p) => `${p.resource}:${p.operation}`)
      for (const policy of policies) {
        expect(defined).toContain(`${policy.resource}:${policy.operation}`)
      }
    }
  )

  it.each([
    ["GET", "/admin/amazon/stores/:id/orders", AMAZON_POLICY.readOrders],
    ["GET", "/admin/amazon/orders", AMAZON_POLICY.readOrders],
    ["GET", "/admin/amazon/stores/:id/orders/export", AMAZON_POLICY.exportOrders],
    ["POST", "/admin/amazon/orders/:id/retry", AMAZON_POLICY.updateOrders],
    ["POST", "/admin/amazon/stores/:id/credentials", AMAZON_POLICY.connectStores],
    ["POST", "/admin/amazon/stores/:id/authorize", AMAZON_POLICY.connectStores],
    ["POST", "/admin/amazon/stores", AMAZON_POLICY.createStores],
    ["DELETE", "/admin/amazon/stores/:id", AMAZON_POLICY.deleteStores],
    ["POST", "/admin/amazon/stores/:id/listings", AMAZON_POLICY.updateStores],
    ["GET", "/admin/amazon/stores/:id/pricing-rules", AMAZON_POLICY.readStores],
    ["POST", "/admin/amazon/stores/:id/pricing-rules", AMAZON_POLICY.updateStores],
    ["POST", "/admin/amazon/stores/:id/listing-rules/:rule_id", AMAZON_POLICY.updateStores],
    ["POST", "/admin/amazon/stores/:id/exchange-rates/refresh", AMAZON_POLICY.updateStores],
  ])("%s %s needs %o", (method, matcher, policy) => {
    expect(policiesOf(method, matcher)).toEqual([policy])
  })

  it("the consent callback has no session (the signed state is its proof), so no policy", () => {
    const callback = routes.find((r) => r.matcher === "/admin/amazon/oauth/callback")
    expect(callback?.authenticated).toBe(false)
  })

  it("every policy has a unique name Medusa can sync", () => {
    const names = amazonPolicies.policies.map((p) => p.name)
    expect(new Set(names).size).toBe(names.length)
  })
})
