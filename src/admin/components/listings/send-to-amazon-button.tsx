import { Button, toast } from "@medusajs/ui"
import { useSendToAmazon } from "../../hooks/use-send-to-amazon"
import { errorToast } from "../../lib/errors"
import { listingsStrings as s } from "../../lib/strings-listings"

type SendToAmazonButtonProps = {
  store: { id: string; name: string }
  productIds: string[]
  variant?: "primary" | "secondary"
  disabled?: boolean
}

/** "Send to Amazon" for a few products in one store; says what was queued and what is blocked. */
export function SendToAmazonButton({ store, productIds, variant = "secondary", disabled }: SendToAmazonButtonProps) {
  const send = useSendToAmazon()
  const onClick = () =>
    send.mutate(
      { storeId: store.id, product_ids: productIds },
      {
        onSuccess: ({ queued, blocked }) => {
          if (queued === 0 && blocked === 0) {
            toast.warning(s.send.nothingQueued, { description: s.send.nothingQueuedDescription })
          } else if (blocked > 0) {
            toast.warning(s.send.queued(queued, blocked), { description: s.send.queuedDescription(store.name) })
          } else {
            toast.success(s.send.queued(queued, blocked), { description: s.send.queuedDescription(store.name) })
          }
        },
        onError: (error) => {
          const { title, description } = errorToast(error)
          toast.error(s.send.error, { description: `${title} ${description}` })
        },
      }
    )
  return (
    <Button size="small" variant={variant} onClick={onClick} isLoading={send.isPending} disabled={disabled || send.isPending}>
      {s.send.button}
    </Button>
  )
}
