import { RefreshBuffer } from "../../utils/listings/refresh-buffer"
import { refreshListingsWorkflow } from "./refresh-listings"

/** The process's buffer of catalog/stock events for listings out (see RefreshBuffer). */
export const listingRefreshBuffer = new RefreshBuffer((container, input) =>
  refreshListingsWorkflow(container).run({ input })
)
