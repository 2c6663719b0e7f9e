export * from "./search-product-types"
export * from "./get-product-type"
