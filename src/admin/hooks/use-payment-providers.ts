import { useQuery } from "@tanstack/react-query"
import { coreKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** GET /admin/payments/payment-providers */
export function usePaymentProviders() {
  return useQuery({
    queryKey: coreKeys.paymentProviders(),
    queryFn: () => sdk.admin.payment.listPaymentProviders({ limit: 1000 }),
  })
}
