/**
 * Whether two tracking numbers are the same package's: carriers print them with spaces or dashes and in
 * either case, and Seller Central keeps what it was typed with. An empty one matches nothing.
 */
export function sameTrackingNumber(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (value: string | null | undefined) => (value ?? "").replace(/[\s-]/g, "").toUpperCase()
  return norm(a) !== "" && norm(a) === norm(b)
}
