import { parseEncryptionKey, SecretBox } from "./secret-box"
import { DEVELOPMENT_KEY, isDevelopment } from "./insecure-settings"
import type { AmazonModuleOptions } from "../types"

/**
 * The key for secrets at rest. Outside development a missing or malformed key
 * is fatal (the error says how to make one); in development a missing key
 * falls back to a fixed, publicly known key — `npm run dev` writes a real
 * per-install key into .env, so this only covers ad-hoc runs. (A published key
 * set explicitly outside development is refused by insecure-settings.ts.)
 */
export function resolveSecretBox(
  options: AmazonModuleOptions,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = () => {}
): SecretBox {
  const raw = options.encryptionKey
  if (!raw && isDevelopment(env)) {
    warn(
      "AMAZON_ENCRYPTION_KEY is not set: using the insecure development key. Set a real key before connecting a real Amazon account."
    )
    return new SecretBox(DEVELOPMENT_KEY)
  }
  return new SecretBox(parseEncryptionKey(raw))
}
