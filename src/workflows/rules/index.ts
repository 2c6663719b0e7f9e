export * from "./save-store-rule"
export * from "./refresh-exchange-rates"
