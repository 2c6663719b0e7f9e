export * from "./stores"
export * from "./mappings"
export * from "./product-types"
export * from "./health"
