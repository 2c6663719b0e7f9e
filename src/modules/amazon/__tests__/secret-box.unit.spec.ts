import { createCipheriv, randomBytes } from "node:crypto"
import { inspect } from "node:util"
import { resolveSecretBox } from "../lib/encryption-key"
import { buyerDataBinding, refreshTokenBinding } from "../lib/secret-bindings"
import { bindingLabel, isLegacySealed, parseEncryptionKey, SecretBox, SecretBoxKeyError } from "../lib/secret-box"

const key = randomBytes(32)

const STORE = { table: "amazon_store", column: "refresh_token_ciphertext", row: "amzst_1" }

/** A value as the plugin wrote it before bindings (v1: no associated data). */
function sealV1(k: Buffer, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", k, iv)
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".")
}

describe("SecretBox", () => {
  it("round-trips text and never produces the same ciphertext twice", () => {
    const box = new SecretBox(key)
    const a = box.seal("Atzr|refresh-token", STORE)
    const b = box.seal("Atzr|refresh-token", STORE)
    expect(a).not.toEqual(b)
    expect(a).toMatch(/^v2\./)
    expect(a).not.toContain("refresh-token")
    expect(box.open(a, STORE)).toBe("Atzr|refresh-token")
    expect(box.open(b, STORE)).toBe("Atzr|refresh-token")
  })

  it("round-trips unicode buyer data", () => {
    const box = new SecretBox(key)
    const data = JSON.stringify({ name: "Zoë Łukasiewicz", city: "Kraków", note: "日本" })
    const binding = buyerDataBinding("amzst_1", "028-1234567-1234567")
    expect(box.open(box.seal(data, binding), binding)).toBe(data)
  })

  it.each([
    ["another row", refreshTokenBinding("amzst_2")],
    ["another column", { ...STORE, column: "buyer_data_ciphertext" }],
    ["another table", { ...STORE, table: "amazon_order" }],
  ])("does not open a value moved to %s", (_label, elsewhere) => {
    const box = new SecretBox(key)
    const sealed = box.seal("Atzr|refresh-token", refreshTokenBinding("amzst_1"))
    expect(() => box.open(sealed, elsewhere)).toThrow(/sealed for another row or column/)
  })

  it("binds an order's buyer data to its store and Amazon order id", () => {
    const box = new SecretBox(key)
    const sealed = box.seal("{}", buyerDataBinding("amzst_1", "028-1"))
    expect(() => box.open(sealed, buyerDataBinding("amzst_1", "028-2"))).toThrow(/could not be decrypted/)
    expect(() => box.open(sealed, buyerDataBinding("amzst_2", "028-1"))).toThrow(/could not be decrypted/)
    expect(bindingLabel(buyerDataBinding("amzst_1", "028-1"))).toBe("amazon_order.buyer_data_ciphertext.amzst_1/028-1")
  })

  it("still opens v1 values (sealed before bindings) wherever they are, and tells them apart", () => {
    const box = new SecretBox(key)
    const legacy = sealV1(key, "Atzr|old")
    expect(box.open(legacy, STORE)).toBe("Atzr|old")
    expect(isLegacySealed(legacy)).toBe(true)
    expect(isLegacySealed(box.seal("x", STORE))).toBe(false)
  })

  it("refuses a tampered ciphertext", () => {
    const box = new SecretBox(key)
    const [v, iv, tag, body] = box.seal("secret", STORE).split(".")
    const flipped = Buffer.from(body, "base64url")
    flipped[0] ^= 1
    expect(() => box.open([v, iv, tag, flipped.toString("base64url")].join("."), STORE)).toThrow(/could not be decrypted/)
  })

  it("refuses a ciphertext sealed under another key", () => {
    const sealed = new SecretBox(randomBytes(32)).seal("secret", STORE)
    expect(() => new SecretBox(key).open(sealed, STORE)).toThrow(/AMAZON_ENCRYPTION_KEY differs/)
    expect(() => new SecretBox(key).open(sealV1(randomBytes(32), "secret"), STORE)).toThrow(/AMAZON_ENCRYPTION_KEY differs/)
  })

  it("refuses text that is not a sealed secret", () => {
    expect(() => new SecretBox(key).open("Atzr|plain", STORE)).toThrow(/unknown format/)
    expect(() => new SecretBox(key).open("v3.a.b.c", STORE)).toThrow(/unknown format/)
  })

  it("never shows its key when printed", () => {
    const box = new SecretBox(key)
    expect(inspect(box)).toBe("[SecretBox]")
    expect(JSON.stringify({ box })).toBe('{"box":"[SecretBox]"}')
  })
})

describe("parseEncryptionKey", () => {
  it("accepts 32 bytes of base64", () => {
    expect(parseEncryptionKey(key.toString("base64"))).toEqual(key)
  })

  it.each([
    ["missing", undefined, /not set/],
    ["empty", "  ", /not set/],
    ["too short", randomBytes(16).toString("base64"), /decodes to 16 bytes/],
    ["not base64 of 32 bytes", "this is not a key", /must be 32 bytes/],
  ])("refuses a %s key with a message that says how to fix it", (_label, raw, message) => {
    expect(() => parseEncryptionKey(raw)).toThrow(SecretBoxKeyError)
    expect(() => parseEncryptionKey(raw)).toThrow(message)
  })
})

describe("resolveSecretBox", () => {
  it("stops boot outside development when the key is missing", () => {
    expect(() => resolveSecretBox({}, { NODE_ENV: "production" })).toThrow(/AMAZON_ENCRYPTION_KEY is not set/)
  })

  it("stops boot on a malformed key even in development", () => {
    expect(() => resolveSecretBox({ encryptionKey: "short" }, { NODE_ENV: "development" })).toThrow(SecretBoxKeyError)
  })

  it("falls back to the development key with a warning in development", () => {
    const warn = jest.fn()
    const box = resolveSecretBox({}, { NODE_ENV: "development" }, warn)
    expect(box.open(box.seal("x", STORE), STORE)).toBe("x")
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("insecure development key"))
  })

  it("uses the configured key", () => {
    const box = resolveSecretBox({ encryptionKey: key.toString("base64") }, { NODE_ENV: "production" })
    expect(new SecretBox(key).open(box.seal("x", STORE), STORE)).toBe("x")
  })
})
