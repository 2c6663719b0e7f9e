import { createHash } from "node:crypto"
import { parseEncryptionKey, SecretBox } from "./secret-box"
import type { AmazonModuleOptions } from "../types"

const DEVELOPMENT_ENVIRONMENTS = new Set(["development", "test"])

/**
 * The key for secrets at rest. Outside development a missing or malformed key
 * is fatal (the error says how to make one); in development a missing key
 * falls back to a fixed, publicly known key — `npm run dev` writes a real
 * per-install key into .env, so this only covers ad-hoc runs.
 */
export function resolveSecretBox(
  options: AmazonModuleOptions,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = () => {}
): SecretBox {
  const raw = options.encryptionKey
  const nodeEnv = env.NODE_ENV ?? "development"
  if (!raw && DEVELOPMENT_ENVIRONMENTS.has(nodeEnv)) {
    warn(
      "AMAZON_ENCRYPTION_KEY is not set: using the insecure development key. Set a real key before connecting a real Amazon account."
    )
    return new SecretBox(createHash("sha256").update("medusa-plugin-amazon insecure development key").digest())
  }
  return new SecretBox(parseEncryptionKey(raw))
}
