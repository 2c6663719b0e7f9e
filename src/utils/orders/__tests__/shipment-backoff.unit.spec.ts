import { MAX_SHIPMENT_ATTEMPTS, nextShipmentAttemptAt } from "../shipment-backoff"

const now = new Date("2026-11-20T10:00:00Z")
const minutes = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 60_000 : null)

describe("nextShipmentAttemptAt", () => {
  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [5, 16],
    [7, 64],
  ])("after attempt %d: %d minutes", (attempts, wait) => {
    expect(minutes(nextShipmentAttemptAt(attempts, now))).toBe(wait)
  })
  it("waits at most 6 hours and gives up after the last attempt", () => {
    expect(minutes(nextShipmentAttemptAt(MAX_SHIPMENT_ATTEMPTS - 1, now))).toBeLessThanOrEqual(360)
    expect(nextShipmentAttemptAt(MAX_SHIPMENT_ATTEMPTS, now)).toBeNull()
  })
})
