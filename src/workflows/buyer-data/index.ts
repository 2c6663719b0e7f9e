export * from "./purge-amazon-buyer-data"
