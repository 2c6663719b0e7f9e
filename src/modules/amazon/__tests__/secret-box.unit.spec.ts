import { randomBytes } from "node:crypto"
import { inspect } from "node:util"
import { resolveSecretBox } from "../lib/encryption-key"
import { parseEncryptionKey, SecretBox, SecretBoxKeyError } from "../lib/secret-box"

const key = randomBytes(32)

describe("SecretBox", () => {
  it("round-trips text and never produces the same ciphertext twice", () => {
    const box = new SecretBox(key)
    const a = box.seal("Atzr|refresh-token")
    const b = box.seal("Atzr|refresh-token")
    expect(a).not.toEqual(b)
    expect(a).toMatch(/^v1\./)
    expect(a).not.toContain("refresh-token")
    expect(box.open(a)).toBe("Atzr|refresh-token")
    expect(box.open(b)).toBe("Atzr|refresh-token")
  })

  it("round-trips unicode buyer data", () => {
    const box = new SecretBox(key)
    const data = JSON.stringify({ name: "Zoë Łukasiewicz", city: "Kraków", note: "日本" })
    expect(box.open(box.seal(data))).toBe(data)
  })

  it("refuses a tampered ciphertext", () => {
    const box = new SecretBox(key)
    const [v, iv, tag, body] = box.seal("secret").split(".")
    const flipped = Buffer.from(body, "base64url")
    flipped[0] ^= 1
    expect(() => box.open([v, iv, tag, flipped.toString("base64url")].join("."))).toThrow(/could not be decrypted/)
  })

  it("refuses a ciphertext sealed under another key", () => {
    const sealed = new SecretBox(randomBytes(32)).seal("secret")
    expect(() => new SecretBox(key).open(sealed)).toThrow(/AMAZON_ENCRYPTION_KEY differs/)
  })

  it("refuses text that is not a sealed secret", () => {
    expect(() => new SecretBox(key).open("Atzr|plain")).toThrow(/unknown format/)
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
    expect(box.open(box.seal("x"))).toBe("x")
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("insecure development key"))
  })

  it("uses the configured key", () => {
    const box = resolveSecretBox({ encryptionKey: key.toString("base64") }, { NODE_ENV: "production" })
    expect(new SecretBox(key).open(box.seal("x"))).toBe("x")
  })
})
