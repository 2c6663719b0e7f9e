import { definePolicies } from "@medusajs/framework/utils"

/**
 * The plugin's RBAC resources and operations. Medusa loads every file of a
 * `policies` folder at boot (its own, the project's, each plugin's) and syncs
 * them to the database, so a role can be given e.g. "ReadAmazonOrders" without
 * "ConnectAmazonStore". The admin routes declare which they need
 * (src/api/admin/amazon/middlewares.ts); they are enforced when the `rbac`
 * feature flag is on.
 */
export const AMAZON_POLICY = {
  /** stores, marketplaces, mappings, listings, sync runs, issues: read */
  readStores: { resource: "amazon_store", operation: "read" },
  createStores: { resource: "amazon_store", operation: "create" },
  /** settings, marketplaces, mappings, sync requests, sending listings */
  updateStores: { resource: "amazon_store", operation: "update" },
  deleteStores: { resource: "amazon_store", operation: "delete" },
  /** connecting a store to an Amazon seller account, or replacing its authorization */
  connectStores: { resource: "amazon_store", operation: "connect" },
  readOrders: { resource: "amazon_order", operation: "read" },
  /** a file of every order leaves the admin: its own permission */
  exportOrders: { resource: "amazon_order", operation: "export" },
  /** retrying an order's import */
  updateOrders: { resource: "amazon_order", operation: "update" },
  /** money back to a buyer or a seller cancellation on Amazon (Refund on Amazon, Cancel on Amazon) */
  refundOrders: { resource: "amazon_order", operation: "refund" },
} as const

export const amazonPolicies = definePolicies([
  { name: "ReadAmazonStores", ...AMAZON_POLICY.readStores, description: "See Amazon stores, their listings, mappings and sync runs" },
  { name: "CreateAmazonStores", ...AMAZON_POLICY.createStores, description: "Add Amazon stores" },
  { name: "UpdateAmazonStores", ...AMAZON_POLICY.updateStores, description: "Change Amazon store settings and mappings, request syncs, send listings" },
  { name: "DeleteAmazonStores", ...AMAZON_POLICY.deleteStores, description: "Delete Amazon stores" },
  { name: "ConnectAmazonStores", ...AMAZON_POLICY.connectStores, description: "Connect a store to an Amazon seller account or replace its authorization" },
  { name: "ReadAmazonOrders", ...AMAZON_POLICY.readOrders, description: "See Amazon orders and their import status" },
  { name: "ExportAmazonOrders", ...AMAZON_POLICY.exportOrders, description: "Download Amazon orders as CSV or Excel" },
  { name: "UpdateAmazonOrders", ...AMAZON_POLICY.updateOrders, description: "Retry the import of Amazon orders" },
  { name: "RefundAmazonOrders", ...AMAZON_POLICY.refundOrders, description: "Refund Amazon orders or cancel them on Amazon" },
])
