import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Context, InferTypeOf, Logger } from "@medusajs/framework/types"
import {
  AmazonAttributeMapping,
  AmazonCategoryMapping,
  AmazonFbaPool,
  AmazonFbaStock,
  AmazonFeed,
  AmazonListing,
  AmazonListingChange,
  AmazonListingTrigger,
  AmazonMarketplace,
  AmazonMcfOrder,
  AmazonOrder,
  AmazonRefund,
  AmazonReturn,
  AmazonShipment,
  AmazonStore,
  AmazonSyncRun,
  AmazonListingRule,
  AmazonPricingRule,
  AmazonExchangeRate,
} from "./models"
import { resolveSecretBox } from "./lib/encryption-key"
import { assertSafeSettings } from "./lib/insecure-settings"
import { resolveModuleOptions } from "./lib/options"
import type { SecretBinding, SecretBox } from "./lib/secret-box"
import { buyerDataBinding, refreshTokenBinding } from "./lib/secret-bindings"
import { checkOAuthState, issueOAuthState, type IssuedOAuthState, type OAuthStateCheck } from "./lib/oauth-state"
import { SpApiConnections } from "./lib/sp-api-connections"
import type { LwaClient, SpApiClient, SpApiRegion } from "../../lib/sp-api"
import type { AmazonModuleOptions } from "./types"

type InjectedDependencies = { logger: Logger }

class AmazonModuleService extends MedusaService({
  AmazonStore,
  AmazonMarketplace,
  AmazonCategoryMapping,
  AmazonAttributeMapping,
  AmazonListing,
  AmazonListingChange,
  AmazonListingTrigger,
  AmazonFeed,
  AmazonOrder,
  AmazonShipment,
  AmazonSyncRun,
  AmazonRefund,
  AmazonReturn,
  AmazonMcfOrder,
  AmazonFbaPool,
  AmazonFbaStock,
  AmazonListingRule,
  AmazonPricingRule,
  AmazonExchangeRate,
}) {
  protected readonly options_: AmazonModuleOptions
  protected readonly secretBox_: SecretBox
  protected readonly connections_: SpApiConnections

  constructor(container: InjectedDependencies, options: AmazonModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = resolveModuleOptions(options)
    assertSafeSettings(this.options_)
    this.secretBox_ = resolveSecretBox(this.options_)
    const logger = container.logger
    this.connections_ = new SpApiConnections(this.options_, {
      debug: (message) => logger?.debug(`[amazon] ${message}`),
      info: (message) => logger?.info(`[amazon] ${message}`),
      warn: (message) => logger?.warn(`[amazon] ${message}`),
      error: (message) => logger?.error(`[amazon] ${message}`),
    })
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

  /** The process-wide LWA client (token cache) of the configured SP-API app. */
  getLwaClient(): LwaClient {
    return this.connections_.lwa()
  }

  /** An SP-API client for one seller authorization, sharing the process's token cache and rate-limit buckets. */
  createSpApiClient(input: { refreshToken: string; region: SpApiRegion; sellingPartnerId?: string | null }): SpApiClient {
    return this.connections_.client(input)
  }

  /** The SP-API client of a connected store (its refresh token decrypted here, never handed out). */
  async getStoreSpApiClient(storeId: string): Promise<SpApiClient> {
    const store = await this.retrieveAmazonStore(storeId, {
      select: ["id", "region", "selling_partner_id", "refresh_token_ciphertext"],
    })
    if (!store.refresh_token_ciphertext) {
      throw new Error(`Amazon store "${storeId}" is not connected`)
    }
    return this.connections_.client({
      refreshToken: this.openSecret(store.refresh_token_ciphertext, refreshTokenBinding(store.id)),
      region: store.region,
      sellingPartnerId: store.selling_partner_id,
    })
  }

  /**
   * Runs `job` on one Amazon order's refund ledger while holding a transaction-scoped Postgres advisory lock on
   * (store, order): the ledger it gets and the rows it writes with `create` belong to one transaction, so two requests
   * for the same order — from any process, whatever locking provider is configured — are decided one after the other,
   * the second seeing the first's row. Read everything else the job needs before calling this (it holds a connection).
   */
  @InjectTransactionManager()
  async withOrderLedgerLock<T>(
    storeId: string,
    amazonOrderId: string,
    job: (
      ledger: Array<InferTypeOf<typeof AmazonRefund>>,
      create: (data: Record<string, unknown>) => Promise<InferTypeOf<typeof AmazonRefund>>
    ) => Promise<T>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<T> {
    const manager = sharedContext.transactionManager as { execute(sql: string, params: unknown[]): Promise<unknown> }
    await manager.execute("select pg_advisory_xact_lock(hashtext(?))", [`amazon_refund:${storeId}:${amazonOrderId}`])
    const ledger = await this.listAmazonRefunds({ store_id: storeId, amazon_order_id: amazonOrderId }, { order: { created_at: "ASC" } }, sharedContext)
    return await job(ledger, (data) => this.createAmazonRefunds(data as never, sharedContext) as never)
  }

  issueOAuthState(storeId: string, options: { replaceSeller?: boolean } = {}): IssuedOAuthState {
    return issueOAuthState(this.secretBox_.deriveKey("oauth-state"), storeId, Date.now(), options)
  }

  checkOAuthState(state: string): OAuthStateCheck {
    return checkOAuthState(this.secretBox_.deriveKey("oauth-state"), state)
  }

  /** Seals a secret for one place (lib/secret-bindings.ts): it opens only there. */
  sealSecret(plaintext: string, binding: SecretBinding): string {
    return this.secretBox_.seal(plaintext, binding)
  }

  openSecret(sealed: string, binding: SecretBinding): string {
    return this.secretBox_.open(sealed, binding)
  }

  /**
   * Re-seals values written before bindings existed (v1) as v2, bound to their
   * row; run once by the migration script reseal-secrets-v2. A value that does
   * not open (another key) is left as it is and counted.
   */
  async resealLegacySecrets(batchSize = 500): Promise<{ resealed: number; unreadable: number }> {
    let resealed = 0
    let unreadable = 0
    const stores = await this.listAmazonStores(
      { refresh_token_ciphertext: { $like: "v1.%" } },
      { select: ["id", "refresh_token_ciphertext"] }
    )
    for (const store of stores) {
      const binding = refreshTokenBinding(store.id)
      try {
        const token = this.secretBox_.open(store.refresh_token_ciphertext!, binding)
        await this.updateAmazonStores({ id: store.id, refresh_token_ciphertext: this.secretBox_.seal(token, binding) })
        resealed++
      } catch {
        unreadable++
      }
    }
    let skipped = 0
    for (;;) {
      const orders = await this.listAmazonOrders(
        { buyer_data_ciphertext: { $like: "v1.%" } },
        { select: ["id", "store_id", "amazon_order_id", "buyer_data_ciphertext"], take: batchSize, skip: skipped, order: { id: "ASC" } }
      )
      const updates: Array<{ id: string; buyer_data_ciphertext: string }> = []
      for (const order of orders) {
        const binding = buyerDataBinding(order.store_id, order.amazon_order_id)
        try {
          updates.push({ id: order.id, buyer_data_ciphertext: this.secretBox_.seal(this.secretBox_.open(order.buyer_data_ciphertext!, binding), binding) })
        } catch {
          unreadable++
          skipped++ // stays v1: the next page starts after it
        }
      }
      if (updates.length) await this.updateAmazonOrders(updates)
      resealed += updates.length
      if (orders.length < batchSize) break
    }
    return { resealed, unreadable }
  }
}

export default AmazonModuleService
