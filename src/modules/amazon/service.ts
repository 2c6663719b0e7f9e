import { MedusaService } from "@medusajs/framework/utils"
import type { Logger } from "@medusajs/framework/types"
import {
  AmazonAttributeMapping,
  AmazonCategoryMapping,
  AmazonFeed,
  AmazonListing,
  AmazonListingChange,
  AmazonMarketplace,
  AmazonOrder,
  AmazonShipment,
  AmazonStore,
  AmazonSyncRun,
} from "./models"
import { resolveSecretBox } from "./lib/encryption-key"
import { resolveModuleOptions } from "./lib/options"
import type { SecretBox } from "./lib/secret-box"
import type { AmazonModuleOptions } from "./types"

type InjectedDependencies = { logger: Logger }

class AmazonModuleService extends MedusaService({
  AmazonStore,
  AmazonMarketplace,
  AmazonCategoryMapping,
  AmazonAttributeMapping,
  AmazonListing,
  AmazonListingChange,
  AmazonFeed,
  AmazonOrder,
  AmazonShipment,
  AmazonSyncRun,
}) {
  protected readonly options_: AmazonModuleOptions
  protected readonly secretBox_: SecretBox

  constructor(container: InjectedDependencies, options: AmazonModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolveModuleOptions(options)
    this.secretBox_ = resolveSecretBox(this.options_)
  }

  /** Plugin options; the LWA client secret and encryption key stay inside. */
  getPublicOptions(): Omit<AmazonModuleOptions, "lwaClientSecret" | "encryptionKey"> {
    const { lwaClientSecret: _secret, encryptionKey: _key, ...rest } = this.options_
    return rest
  }

  /** LWA app credentials, for workflow steps that call Amazon. */
  getLwaCredentials(): { clientId: string; clientSecret: string } | null {
    const { lwaClientId: clientId, lwaClientSecret: clientSecret } = this.options_
    return clientId && clientSecret ? { clientId, clientSecret } : null
  }

  sealSecret(plaintext: string): string {
    return this.secretBox_.seal(plaintext)
  }

  openSecret(sealed: string): string {
    return this.secretBox_.open(sealed)
  }
}

export default AmazonModuleService
