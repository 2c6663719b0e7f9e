import type { SecretBinding } from "./secret-box"

/**
 * The places sealed values live in (SecretBox's associated data). An
 * amazon_order row is named by its unique (store_id, amazon_order_id) key, not
 * its id: buyer data is sealed while the order is read from Amazon, before the
 * row (and its id) may exist.
 */
export function refreshTokenBinding(storeId: string): SecretBinding {
  return { table: "amazon_store", column: "refresh_token_ciphertext", row: storeId }
}

export function buyerDataBinding(storeId: string, amazonOrderId: string): SecretBinding {
  return { table: "amazon_order", column: "buyer_data_ciphertext", row: `${storeId}/${amazonOrderId}` }
}
