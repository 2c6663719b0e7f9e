import { amazonKeys } from "../../lib/query-keys"

/** Query keys of the orders pages, under the extension's root (lib/query-keys.ts pattern). */
export const orderKeys = {
  all: [...amazonKeys.all, "orders"] as const,
  store: (storeId: string) => [...orderKeys.all, "store", storeId] as const,
  list: (storeId: string, query: Record<string, unknown>) => [...orderKeys.store(storeId), "list", query] as const,
  ofMedusaOrder: (orderId: string) => [...orderKeys.all, "medusa-order", orderId] as const,
}
