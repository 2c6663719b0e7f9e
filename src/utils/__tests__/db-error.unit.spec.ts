import { classifyDbError, isUniqueViolation, safeErrorMessage } from "../db-error"

const pg = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error("pg"), { code, ...extra })

describe("classifyDbError", () => {
  it.each([
    ["a Postgres unique violation with its table", pg("23505", { table: "amazon_shipment", detail: "Key (store_id)=(x) already exists." }), { kind: "unique violation", table: "amazon_shipment" }],
    ["a not-null violation", pg("23502", { table: "order_address" }), { kind: "not-null violation", table: "order_address" }],
    ["a deadlock without a table", pg("40P01"), { kind: "deadlock", table: null }],
    [
      "Medusa's rewording of a unique violation (values in it)",
      new Error("Amazon shipment with store_id, amazon_order_id, package_reference_id: amzst_1, 302-1234567-1234567, 1, already exists."),
      { kind: "unique violation", table: "amazon_shipment" },
    ],
    ["Medusa's rewording of a not-null violation", new Error("Cannot set field 'email' of Order address to null"), { kind: "not-null violation", table: "order_address" }],
    ["a driver error's message", new Error('insert into "order_address" ("first_name") values (\'Jane\') - duplicate key value violates unique constraint "x"'), { kind: "unique violation", table: null }],
    ["a wrapped one (cause)", Object.assign(new Error("step failed"), { cause: pg("23503", { table: "amazon_order" }) }), { kind: "foreign-key violation", table: "amazon_order" }],
    ["a table name that is not a plain identifier is dropped", pg("23505", { table: "x; drop" }), { kind: "unique violation", table: null }],
  ])("%s", (_, error, expected) => {
    expect(classifyDbError(error)).toEqual(expected)
  })

  it.each([
    ["an ordinary error", new Error("Amazon did not answer")],
    ["a plain string", "nope"],
    ["nothing", null],
    ["an unknown SQLSTATE", pg("XX999")],
  ])("is null for %s", (_, error) => {
    expect(classifyDbError(error)).toBeNull()
  })

  it("tells a unique violation apart", () => {
    expect(isUniqueViolation(pg("23505"))).toBe(true)
    expect(isUniqueViolation(pg("23502"))).toBe(false)
    expect(isUniqueViolation(new Error("unique in the world"))).toBe(false)
  })
})

describe("safeErrorMessage", () => {
  const buyer = ["Jane Doe", "Hauptstraße 1", "+49 30 1234567", "jane@marketplace.amazon.de"]

  it.each([
    ["a unique violation by class, not by its values", pg("23505", { table: "order_address", detail: `Key (email)=(${buyer[3]}) already exists.` }), "database error: unique violation on order_address"],
    ["Medusa's wording with the values", new Error(`Customer with email: ${buyer[3]}, already exists.`), "database error: unique violation on customer"],
    [
      "a driver error: the SQL with the buyer's address is left out",
      new Error(`update "order_address" set "address_1" = '${buyer[1]}', "phone" = '${buyer[2]}' where "id" = 'x' - value too long for type character varying(10): "${buyer[0]}"`),
      "database error: value too long for type character varying(10)",
    ],
    ["a Key detail inside another message", new Error(`conflict: Key (name)=(${buyer[0]}) is taken`), "conflict: Key (…)=(…) is taken"],
    ["a DETAIL block", new Error(`something failed\nDETAIL: Failing row contains (${buyer[0]}, ${buyer[1]}).`), "something failed"],
    ["invalid input with its value", new Error(`invalid input syntax for type integer: "${buyer[2]}"`), "invalid input syntax for type integer"],
    ["an ordinary message unchanged (words such as update or select are not SQL)", new Error("Amazon could not update the order; select another carrier"), "Amazon could not update the order; select another carrier"],
    ["a string", "plain words", "plain words"],
    ["a message already taken from its error", `Order address with email: ${buyer[3]}, already exists.`, "database error: unique violation on order_address"],
    ["a sentence that only looks like SQL", new Error('Select a value from "Colour" and update "Size" first'), 'Select a value from "Colour" and update "Size" first'],
  ])("%s", (_, error, expected) => {
    const text = safeErrorMessage(error)
    expect(text).toBe(expected)
    for (const value of buyer) expect(text).not.toContain(value)
  })
})
