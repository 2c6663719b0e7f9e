/**
 * The next package number of an Amazon order: one above the highest already used (Amazon wants a positive
 * whole number as a string, unique per order — ordersV0 PackageReferenceId). Counting the packages instead
 * would hand out a used number again after a gap (a deleted queued package) and, for two events read at
 * the same moment, the same number twice; the database's unique key catches the latter and the caller
 * asks again with what is taken then.
 */
export function nextPackageReferenceId(taken: ReadonlyArray<string | null | undefined>): string {
  let highest = 0
  for (const id of taken) {
    if (typeof id !== "string" || !/^\d{1,15}$/.test(id.trim())) continue
    highest = Math.max(highest, Number(id.trim()))
  }
  return String(highest + 1)
}
