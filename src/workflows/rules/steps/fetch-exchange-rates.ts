import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ECB_DAILY_URL, EcbExchangeRateProvider, type ExchangeRateProvider } from "../../../utils/listings/exchange-rates"
import type { ExchangeRate } from "../../../utils/listings/pricing-rules"

/** The providers a store can refresh its rate table from; AMAZON_ECB_RATES_URL points the ECB one elsewhere (a mirror, a test server). */
export function exchangeRateProvider(name: "ecb"): ExchangeRateProvider {
  switch (name) {
    case "ecb":
      return new EcbExchangeRateProvider(process.env.AMAZON_ECB_RATES_URL || ECB_DAILY_URL)
  }
}

/** Reads today's rates from the provider (a read: nothing to compensate). A provider that cannot be read is a clear 400, the table untouched. */
export const fetchExchangeRatesStep = createStep("amazon-fetch-exchange-rates", async (input: { provider: "ecb" }) => {
  try {
    return new StepResponse<ExchangeRate[]>(await exchangeRateProvider(input.provider).fetchRates())
  } catch (error) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The exchange rates were not refreshed: ${(error as Error).message} The rate table is unchanged.`)
  }
})
