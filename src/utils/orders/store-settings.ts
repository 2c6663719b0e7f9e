import { DEFAULT_STORE_SETTINGS, type StoreSettings } from "../../modules/amazon/types"

/** A store's settings with their defaults filled in (storage keeps only what the merchant set). */
export function storeSettings(stored: unknown): StoreSettings {
  return { ...DEFAULT_STORE_SETTINGS, ...((stored ?? {}) as Partial<StoreSettings>) }
}
