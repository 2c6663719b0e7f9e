/**
 * Database errors in words that carry no data. Postgres puts the offending row's values into an error's
 * `detail` ("Key (email)=(jane@example.com) already exists") and Medusa copies them into its message
 * ("… with email: jane@example.com, already exists"); a failing statement's text can hold a buyer's
 * address. What we store (order issues, shipment errors, sync run errors) and log names the class of the
 * error and its table, never the values or the SQL.
 */

/** SQLSTATE → what it means (Postgres' errcodes; only the classes an import or a send meets). */
const CLASSES: Record<string, string> = {
  "23505": "unique violation",
  "23502": "not-null violation",
  "23503": "foreign-key violation",
  "23514": "check violation",
  "22001": "value too long",
  "22P02": "invalid value",
  "40001": "serialization failure",
  "40P01": "deadlock",
  "57014": "statement timeout",
  "55P03": "lock not available",
  "53300": "too many connections",
}

/** Medusa's own wording of the errors its db error mapper rethrows (values included — never kept). */
const MEDUSA_PATTERNS: Array<[RegExp, string]> = [
  [/^(.+?) with .+ already exists\.?$/s, "unique violation"],
  [/^Cannot set field '([^']*)' of (.+?) to null$/s, "not-null violation"],
  [/^You tried to set relationship .* but such entity does not exist$/s, "foreign-key violation"],
  [/duplicate key value violates unique constraint/i, "unique violation"],
  [/violates not-null constraint/i, "not-null violation"],
  [/violates foreign key constraint/i, "foreign-key violation"],
  [/violates check constraint/i, "check violation"],
  [/deadlock detected/i, "deadlock"],
  [/could not serialize access/i, "serialization failure"],
]

export type DbErrorClass = { kind: string; table: string | null }

const TABLE = /^[a-z_][a-z0-9_]*$/

/** The class (and table, when known) of a database error; null for anything that is not one. */
export function classifyDbError(error: unknown): DbErrorClass | null {
  // a message already taken from its error (workflow errors arrive serialized)
  if (typeof error === "string") return classifyDbError({ message: error })
  if (!error || typeof error !== "object") return null
  const e = error as { code?: unknown; table?: unknown; message?: unknown; cause?: unknown }
  const table = typeof e.table === "string" && TABLE.test(e.table) ? e.table : null
  if (typeof e.code === "string" && CLASSES[e.code]) return { kind: CLASSES[e.code], table }
  const message = typeof e.message === "string" ? e.message : ""
  for (const [pattern, kind] of MEDUSA_PATTERNS) {
    const match = pattern.exec(message)
    if (!match) continue
    // Medusa names the table in words ("Amazon shipment with …", "… of Order address to null")
    const named = kind === "unique violation" ? match[1] : kind === "not-null violation" ? match[2] : undefined
    const words = named && /^[A-Za-z][A-Za-z0-9 ]{0,60}$/.test(named.trim()) ? named.trim().toLowerCase().replace(/ +/g, "_") : null
    return { kind, table: table ?? words }
  }
  if (e.cause && e.cause !== error) return classifyDbError(e.cause)
  return null
}

export function isUniqueViolation(error: unknown): boolean {
  return classifyDbError(error)?.kind === "unique violation"
}

/** "unique violation on amazon_shipment" — a database error as it may be stored and shown. */
export function describeDbError(error: DbErrorClass): string {
  return `database error: ${error.kind}${error.table ? ` on ${error.table}` : ""}`
}

/**
 * The text of any error as it may be stored or logged: a database error by its class; anything else by
 * its message with what would be a value of a row removed (Postgres' "Key (…)=(…)" details and quoted SQL).
 */
export function safeErrorMessage(error: unknown): string {
  const db = classifyDbError(error)
  if (db) return describeDbError(db)
  const raw = (error as { message?: unknown } | null)?.message
  const message = typeof raw === "string" ? raw : typeof error === "string" ? error : String(error)
  // MikroORM's driver errors read "<the SQL with its values> - <Postgres' message>": only the latter is kept
  let text = message
  if (SQL.test(message)) {
    const cut = message.lastIndexOf(" - ")
    text = `database error: ${(cut >= 0 ? message.slice(cut + 3).trim() : "") || "a statement failed"}`
  }
  return text
    .replace(/Key \([^)]*\)=\([^)]*\)/g, "Key (…)=(…)")
    .replace(/(input syntax for type \w+|value too long for type [\w ()]+): "[^"]*"/g, "$1")
    .replace(/\s*DETAIL:[\s\S]*$/, "")
    .trim()
}

/** The statements MikroORM writes (quoted identifiers), not the words "update" or "select" in a sentence. */
const SQL = /insert into "[^"]+" \(|delete from "[^"]+"|update "[^"]+" set "|select "[^"]+"\./i
