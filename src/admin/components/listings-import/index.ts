export { ListingsImportPanel } from "./listings-import-panel"
