import type { LoaderOptions } from "@medusajs/framework/types"
import { resolveSecretBox } from "../lib/encryption-key"
import { resolveModuleOptions } from "../lib/options"
import type { AmazonModuleOptions } from "../types"

/** Fails boot with a clear message when the encryption key is missing or malformed (outside development). */
export default async function validateOptionsLoader({ options, logger }: LoaderOptions<AmazonModuleOptions>) {
  resolveSecretBox(resolveModuleOptions(options ?? {}), process.env, (message) => logger?.warn(`[amazon] ${message}`))
}
