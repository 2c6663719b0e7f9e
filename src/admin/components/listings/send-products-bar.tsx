import { Button, Container, Text } from "@medusajs/ui"
import { useState } from "react"
import { useAmazonStores } from "../../hooks/use-amazon-stores"
import { listingsStrings as s } from "../../lib/strings-listings"
import { SendProductsModal } from "./send-products-modal"

/**
 * The product list's Amazon bar: a hint and a button that opens the product
 * picker. Shown only once a store is connected, so a shop without Amazon never sees it.
 */
export function SendProductsBar() {
  const [open, setOpen] = useState(false)
  const { data } = useAmazonStores()
  const connected = (data?.amazon_stores ?? []).filter((st) => st.status === "connected")
  if (connected.length === 0) return null
  return (
    <Container className="flex items-center justify-between gap-x-4 px-6 py-3" data-testid="amazon-product-list-bar">
      <Text size="small" leading="compact" className="text-ui-fg-subtle">
        {s.listWidget.hint}
      </Text>
      <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
        {s.listWidget.button}
      </Button>
      <SendProductsModal open={open} onOpenChange={setOpen} stores={connected} />
    </Container>
  )
}
