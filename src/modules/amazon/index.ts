import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import AmazonModuleService from "./service"

export const AMAZON_MODULE = "amazon"

export default Module(AMAZON_MODULE, {
  service: AmazonModuleService,
  loaders: [validateOptionsLoader],
})

export { AmazonModuleService }
export * from "./types"
