import { Hint, Label, Switch, Text } from "@medusajs/ui"
import { useId, type ReactElement, type ReactNode } from "react"
import {
  Controller,
  type Control,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
} from "react-hook-form"
import { strings } from "../lib/strings"

type FormFieldProps<T extends FieldValues, N extends FieldPath<T>> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<T, any, any>
  name: N
  label: string
  hint?: ReactNode
  optional?: boolean
  render: (field: ControllerRenderProps<T, N>, id: string) => ReactElement
}

/** Label, control, then the error or the hint — the layout of Medusa's own forms. */
export function FormField<T extends FieldValues, N extends FieldPath<T>>({
  control,
  name,
  label,
  hint,
  optional,
  render,
}: FormFieldProps<T, N>) {
  const id = useId()
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <div className="flex flex-col gap-y-2">
          <div className="flex items-center gap-x-1">
            <Label htmlFor={id} size="small" weight="plus">
              {label}
            </Label>
            {optional && (
              <Text size="small" leading="compact" className="text-ui-fg-muted">
                ({strings.common.optional})
              </Text>
            )}
          </div>
          {render(field, id)}
          {fieldState.error?.message ? (
            <Hint variant="error">{fieldState.error.message}</Hint>
          ) : hint ? (
            <Hint>{hint}</Hint>
          ) : null}
        </div>
      )}
    />
  )
}

type SwitchFieldProps<T extends FieldValues, N extends FieldPath<T>> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<T, any, any>
  name: N
  label: string
  hint?: ReactNode
}

/** A boolean setting: label and switch on one line, what it does below. */
export function SwitchField<T extends FieldValues, N extends FieldPath<T>>({
  control,
  name,
  label,
  hint,
}: SwitchFieldProps<T, N>) {
  const id = useId()
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: { value, onChange, ref, ...field } }) => (
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center justify-between gap-x-4">
            <Label htmlFor={id} size="small" weight="plus">
              {label}
            </Label>
            <Switch id={id} ref={ref} {...field} checked={Boolean(value)} onCheckedChange={onChange} />
          </div>
          {hint && <Hint>{hint}</Hint>}
        </div>
      )}
    />
  )
}
