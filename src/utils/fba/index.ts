export * from "./pools"
export * from "./locations"
