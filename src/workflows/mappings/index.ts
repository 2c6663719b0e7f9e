export * from "./upsert-category-mapping"
export * from "./upsert-attribute-mapping"
export * from "./delete-mapping"
