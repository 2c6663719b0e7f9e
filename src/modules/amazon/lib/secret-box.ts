import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto"

/**
 * AES-256-GCM for secrets at rest (refresh tokens, buyer data).
 * Sealed form: "<version>.<iv>.<tag>.<ciphertext>", each part base64url, so a
 * column value tells which scheme wrote it.
 * - v2 (written now): the value's place — table, column, row — is GCM's
 *   associated data, so a ciphertext copied into another row or column (one
 *   store's token into another store, one order's address onto another order)
 *   does not open.
 * - v1 (written before): no associated data; still opened, and re-sealed as v2
 *   by the migration script src/migration-scripts/reseal-secrets-v2.ts.
 */
const VERSION = "v2"
const LEGACY_VERSION = "v1"
const IV_BYTES = 12 // GCM's recommended nonce length (NIST SP 800-38D)

/** Where a sealed value lives; it opens only where it was sealed for. */
export type SecretBinding = { table: string; column: string; row: string }

/** The associated data of a binding: "<table>.<column>.<row>". */
export function bindingLabel(binding: SecretBinding): string {
  return `${binding.table}.${binding.column}.${binding.row}`
}

/** True for values written before bindings existed (v1): the migration script re-seals them. */
export function isLegacySealed(sealed: string): boolean {
  return sealed.startsWith(`${LEGACY_VERSION}.`)
}

export class SecretBoxKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "SecretBoxKeyError"
  }
}

/** Parses a base64 (or base64url) 32-byte key, with a message that says how to make one. */
export function parseEncryptionKey(raw: string | undefined): Buffer {
  if (!raw || !raw.trim()) {
    throw new SecretBoxKeyError(
      'AMAZON_ENCRYPTION_KEY is not set. Generate one with `node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"` and set it in the environment.'
    )
  }
  const key = Buffer.from(raw.trim(), "base64")
  if (key.length !== 32) {
    throw new SecretBoxKeyError(
      `AMAZON_ENCRYPTION_KEY must be 32 bytes encoded as base64 (44 characters); the value given decodes to ${key.length} bytes.`
    )
  }
  return key
}

export class SecretBox {
  private readonly key_: Buffer

  constructor(key: Buffer) {
    if (key.length !== 32) {
      throw new SecretBoxKeyError("SecretBox needs a 32-byte key")
    }
    this.key_ = key
  }

  seal(plaintext: string, binding: SecretBinding): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv("aes-256-gcm", this.key_, iv)
    cipher.setAAD(Buffer.from(bindingLabel(binding), "utf8"))
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
    const tag = cipher.getAuthTag()
    return [VERSION, iv, tag, ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".")
  }

  open(sealed: string, binding: SecretBinding): string {
    const [version, iv, tag, ciphertext] = sealed.split(".")
    if ((version !== VERSION && version !== LEGACY_VERSION) || !iv || !tag || ciphertext === undefined) {
      throw new Error("Not a sealed secret (unknown format)")
    }
    const decipher = createDecipheriv("aes-256-gcm", this.key_, Buffer.from(iv, "base64url"))
    if (version === VERSION) decipher.setAAD(Buffer.from(bindingLabel(binding), "utf8"))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    try {
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8")
    } catch {
      throw new Error(
        `Secret in ${bindingLabel(binding)} could not be decrypted: AMAZON_ENCRYPTION_KEY differs from the key it was sealed with, or the value was sealed for another row or column`
      )
    }
  }

  /** A separate key for another purpose (e.g. signing OAuth state), so the encryption key is never reused as is. */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync("sha256", this.key_, Buffer.alloc(0), `medusa-plugin-amazon:${purpose}`, 32))
  }

  /** Keeps util.inspect and JSON.stringify from ever printing the key. */
  toJSON(): string {
    return "[SecretBox]"
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[SecretBox]"
  }
}
