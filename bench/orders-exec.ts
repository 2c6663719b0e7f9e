/**
 * The inside of bench/orders.ts, run in a booted Medusa app: `medusa exec ./bench/orders-exec.ts` with the
 * BENCH_* and AMAZON_* variables bench/orders.ts sets. Prints one line "BENCH_ORDERS_RESULT {json}".
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import seedDemo from "../scripts/seed-demo"
import { DEFAULT_RATE_LIMITS } from "../src/lib/sp-api"
import { AMAZON_MODULE } from "../src/modules/amazon"
import { refreshTokenBinding } from "../src/modules/amazon/lib/secret-bindings"
import type AmazonModuleService from "../src/modules/amazon/service"
import { importAmazonOrdersWorkflow } from "../src/workflows/orders"
import { DEFAULT_ORDERS_CONCURRENCY } from "../src/workflows/orders/steps/import-store-orders"
import { connectAmazonStoreWorkflow, createAmazonStoreWorkflow } from "../src/workflows/stores"

const GERMANY = "A1PA6795UKMFR9"
const SKUS = ["DEMO-TSHIRT-S", "DEMO-TSHIRT-M", "DEMO-MUG"]
const HOUR_MS = 3_600_000

async function control<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${process.env.BENCH_SANDBOX_URL}/_sandbox${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

async function connectedStore(container: ExecArgs["container"], name: string, salesChannelId: string, sellerId: string, refreshToken: string) {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const { result } = await createAmazonStoreWorkflow(container).run({
    input: { name, email: "bench@example.com", marketplace_id: GERMANY, sales_channel_id: salesChannelId, product_id_type: "EAN", product_id_attribute: "barcode" },
  })
  const storeId = (result as { id: string }).id
  await connectAmazonStoreWorkflow(container).run({
    input: { store_id: storeId, selling_partner_id: sellerId, refresh_token_ciphertext: amazon.sealSecret(refreshToken, refreshTokenBinding(storeId)) },
  })
  return storeId
}

export default async function benchOrdersExec({ container }: ExecArgs) {
  const timeScale = Number(process.env.BENCH_ORDERS_TIME_SCALE)
  const quotaOrders = Number(process.env.BENCH_ORDERS_N)
  const createOrders = Number(process.env.BENCH_ORDERS_CREATE_N)
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  await seedDemo({ container, args: [] } as unknown as ExecArgs)
  const [webshop] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Webshop" })

  // 1. the quota: N orders over the last hours, pulled into the ledger only
  const quotaSeller = await control<{ seller: { sellerId: string }; refreshToken: string }>("/sellers", { marketplaceIds: [GERMANY], name: "Bench quota" })
  await control("/orders", { generate: { count: quotaOrders, sellerId: quotaSeller.seller.sellerId, marketplaceId: GERMANY, skus: SKUS, spreadSeconds: Math.round((6 * HOUR_MS) / 1000 / timeScale) } })
  const quotaStore = await connectedStore(container, "Bench quota", webshop.id, quotaSeller.seller.sellerId, quotaSeller.refreshToken)
  const statsBefore = await control<{ operations: Record<string, { calls: number; throttled: number }> }>("/stats", undefined)
  const started = performance.now()
  await importAmazonOrdersWorkflow(container).run({ input: { store_id: quotaStore, trigger: "manual", create_orders: false, budget_ms: 3 * HOUR_MS } })
  const quotaWall = performance.now() - started
  const statsAfter = await control<{ operations: Record<string, { calls: number; throttled: number }> }>("/stats", undefined)
  const calls = (statsAfter.operations.searchOrders?.calls ?? 0) - (statsBefore.operations.searchOrders?.calls ?? 0)
  const throttled = (statsAfter.operations.searchOrders?.throttled ?? 0) - (statsBefore.operations.searchOrders?.throttled ?? 0)
  const { rate, burst } = DEFAULT_RATE_LIMITS.searchOrders
  const [, ledgerRows] = await amazon.listAndCountAmazonOrders({ store_id: quotaStore }, { select: ["id"], take: 1 })

  // 2. the local cost: M orders of another seller (all pages within the burst: no quota wait) into Medusa orders
  const localSeller = await control<{ seller: { sellerId: string }; refreshToken: string }>("/sellers", { marketplaceIds: [GERMANY], name: "Bench local" })
  await control("/orders", { generate: { count: createOrders, sellerId: localSeller.seller.sellerId, marketplaceId: GERMANY, skus: SKUS } })
  const localStore = await connectedStore(container, "Bench local", webshop.id, localSeller.seller.sellerId, localSeller.refreshToken)
  const localStarted = performance.now()
  const { result: run } = await importAmazonOrdersWorkflow(container).run({ input: { store_id: localStore, trigger: "manual", budget_ms: 3 * HOUR_MS } })
  const localWall = performance.now() - localStarted
  const rows = await amazon.listAmazonOrders({ store_id: localStore }, { select: ["amazon_order_id", "order_id"], take: createOrders + 10 })
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "metadata"], pagination: { take: 100_000 } })
  const perAmazonId = new Map<string, number>()
  for (const o of orders as Array<{ metadata: Record<string, unknown> | null }>) {
    const id = o.metadata?.amazon_order_id as string | undefined
    if (id) perAmazonId.set(id, (perAmazonId.get(id) ?? 0) + 1)
  }

  const result = {
    quota: {
      orders: quotaOrders,
      pages: calls,
      wall_ms: Math.round(quotaWall),
      floor_ms: Math.round((Math.max(0, calls - burst) / (rate * timeScale)) * 1000),
      throttled,
      ledger_rows: ledgerRows,
    },
    local: {
      orders: createOrders,
      imported: (run as { counts?: Record<string, number> }).counts?.imported ?? rows.filter((r) => r.order_id).length,
      wall_ms: Math.round(localWall),
      concurrency: DEFAULT_ORDERS_CONCURRENCY,
      duplicates: [...perAmazonId.values()].filter((n) => n > 1).length,
    },
  }
  console.log(`BENCH_ORDERS_RESULT ${JSON.stringify(result)}`)
}
