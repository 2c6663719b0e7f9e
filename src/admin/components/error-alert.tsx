import { Alert, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { describeError } from "../lib/errors"

type ErrorAlertProps = {
  error: unknown
  /** a heading above the message, e.g. "Amazon did not accept this token" */
  title?: string
  /** replaces the generic next step for the error's status */
  hint?: ReactNode
  className?: string
  dismissible?: boolean
}

/** An SDK error as a store owner reads it: what happened, then what to do. Never the raw body. */
export function ErrorAlert({ error, title, hint, className, dismissible }: ErrorAlertProps) {
  const described = describeError(error)
  return (
    <Alert variant="error" className={className} dismissible={dismissible} role="alert">
      <div className="flex flex-col gap-y-1">
        {title && (
          <Text size="small" weight="plus" leading="compact">
            {title}
          </Text>
        )}
        <Text size="small" leading="compact" weight={title ? "regular" : "plus"}>
          {described.message}
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          {hint ?? described.hint}
        </Text>
      </div>
    </Alert>
  )
}
