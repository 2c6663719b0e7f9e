export * from "./stores"
