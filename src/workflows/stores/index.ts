export * from "./create-amazon-store"
export * from "./update-amazon-store"
export * from "./delete-amazon-store"
