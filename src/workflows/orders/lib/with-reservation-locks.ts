import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Runs `job` holding the reservation lock of every inventory item in `inventoryItemIds`: the inventory
 * module updates reserved_quantity read-modify-write, so reservations of one item are serialised.
 * One key at a time, in sorted order: Redis' provider takes a list of keys all at once, so two orders
 * with two items each can each hold one and wait for the other (and a timed-out wait leaves its half
 * held until it expires). Nested single-key locks in one order cannot deadlock.
 */
export function withReservationLocks<T>(container: MedusaContainer, inventoryItemIds: string[], job: () => Promise<T>): Promise<T> {
  const locking = container.resolve(Modules.LOCKING)
  const keys = [...new Set(inventoryItemIds)].sort().map((id) => `amazon-reserve:${id}`)
  const underLocks = (rest: string[]): Promise<T> =>
    rest.length ? locking.execute(rest[0], () => underLocks(rest.slice(1)), { timeout: 30 }) : job()
  return underLocks(keys)
}
