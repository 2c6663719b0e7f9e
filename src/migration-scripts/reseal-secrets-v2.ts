import type { MedusaContainer } from "@medusajs/framework/types"
import { AMAZON_MODULE } from "../modules/amazon"
import type AmazonModuleService from "../modules/amazon/service"

/**
 * Run once by `medusa db:migrate`: refresh tokens and buyer data sealed before
 * sealed values were bound to their row and column (format v1) are re-sealed
 * as v2 (lib/secret-box.ts). Needs the AMAZON_ENCRYPTION_KEY they were sealed
 * with; a value that does not open is left as it is (v1 still opens) and named
 * in the log.
 */
export default async function resealSecretsV2({ container }: { container: MedusaContainer }) {
  const amazon = container.resolve<AmazonModuleService>(AMAZON_MODULE)
  const logger = container.resolve("logger")
  const { resealed, unreadable } = await amazon.resealLegacySecrets()
  logger.info(`[amazon] re-sealed ${resealed} secret(s) bound to their row and column`)
  if (unreadable) {
    logger.warn(`[amazon] ${unreadable} sealed value(s) did not open with AMAZON_ENCRYPTION_KEY and were left as they are`)
  }
}
