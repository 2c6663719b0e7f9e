export * from "./check-amazon-authorization"
export * from "./check-amazon-authorizations"
