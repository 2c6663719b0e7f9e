import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto"

/**
 * AES-256-GCM for secrets at rest (refresh tokens, buyer data).
 * Sealed form: "v1.<iv>.<tag>.<ciphertext>", each part base64url, so a column
 * value tells which scheme wrote it and a later key rotation can add "v2".
 */
const VERSION = "v1"
const IV_BYTES = 12 // GCM's recommended nonce length (NIST SP 800-38D)

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

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv("aes-256-gcm", this.key_, iv)
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()])
    const tag = cipher.getAuthTag()
    return [VERSION, iv, tag, ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".")
  }

  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split(".")
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
      throw new Error("Not a sealed secret (unknown format)")
    }
    const decipher = createDecipheriv("aes-256-gcm", this.key_, Buffer.from(iv, "base64url"))
    decipher.setAuthTag(Buffer.from(tag, "base64url"))
    try {
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8")
    } catch {
      throw new Error("Secret could not be decrypted: AMAZON_ENCRYPTION_KEY differs from the key it was sealed with")
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
