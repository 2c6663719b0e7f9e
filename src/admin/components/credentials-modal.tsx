import { Button, Drawer, Input, Text, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import { useSetAmazonCredentials } from "../hooks/use-set-amazon-credentials"
import { strings } from "../lib/strings"
import { zodResolver } from "../lib/zod-resolver"
import { ErrorAlert } from "./error-alert"
import { FormField } from "./form-field"

const schema = z.object({
  selling_partner_id: z.string().trim().min(1, strings.validation.required),
  refresh_token: z.string().trim().min(1, strings.validation.required),
})
type Values = z.infer<typeof schema>

type CredentialsModalProps = {
  storeId: string
  sellingPartnerId: string | null
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * "I have a refresh token": for private apps that were authorized in Seller
 * Central directly. The server verifies the token with Amazon; a 400 carries
 * Amazon's reason, shown with what to do about it.
 */
export function CredentialsModal({ storeId, sellingPartnerId, open, onOpenChange }: CredentialsModalProps) {
  const setCredentials = useSetAmazonCredentials(storeId)
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { selling_partner_id: sellingPartnerId ?? "", refresh_token: "" },
  })

  useEffect(() => {
    if (!open) {
      // the token never stays in memory longer than the drawer is open
      form.reset({ selling_partner_id: sellingPartnerId ?? "", refresh_token: "" })
      setCredentials.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, sellingPartnerId])

  // the server refuses to switch a connected store to another seller account until this is confirmed
  const submit = (replaceSeller: boolean) =>
    form.handleSubmit(async (values) => {
      try {
        await setCredentials.mutateAsync(replaceSeller ? { ...values, replace_seller: true } : values)
        toast.success(strings.credentials.connected)
        onOpenChange(false)
      } catch {
        // shown below
      }
    })
  const onSubmit = submit(false)

  const status = (setCredentials.error as { status?: number } | null)?.status
  const sellerChanged = status === 400 && /Replace seller account/.test((setCredentials.error as { message?: string } | null)?.message ?? "")
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>{strings.credentials.title}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              {strings.credentials.intro}
            </Text>
            {setCredentials.error && (
              <ErrorAlert
                error={setCredentials.error}
                title={status === 400 ? strings.credentials.rejectedTitle : undefined}
                hint={status === 400 && !sellerChanged ? strings.credentials.rejectedHint : undefined}
              />
            )}
            {sellerChanged && (
              <div>
                <Button size="small" variant="secondary" type="button" onClick={() => void submit(true)()} isLoading={setCredentials.isPending}>
                  {strings.store.replaceSeller}
                </Button>
              </div>
            )}
            <FormField
              control={form.control}
              name="selling_partner_id"
              label={strings.credentials.sellingPartnerId}
              hint={strings.credentials.sellingPartnerIdHint}
              render={(field, id) => <Input id={id} size="small" autoComplete="off" {...field} />}
            />
            <FormField
              control={form.control}
              name="refresh_token"
              label={strings.credentials.refreshToken}
              hint={strings.credentials.refreshTokenHint}
              render={(field, id) => (
                <Input id={id} size="small" type="password" autoComplete="off" spellCheck={false} {...field} />
              )}
            />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {strings.common.cancel}
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={setCredentials.isPending}>
              {strings.credentials.submit}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
