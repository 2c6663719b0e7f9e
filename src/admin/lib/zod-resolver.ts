import type { FieldErrors, FieldValues, Resolver } from "react-hook-form"
import type { z } from "zod"

/**
 * react-hook-form ↔ zod. `@hookform/resolvers` is not installed at the top of
 * node_modules (only inside @medusajs/dashboard), so this is the few lines of
 * it we need: parse, and turn zod's issues into react-hook-form's nested errors.
 */
export function zodResolver<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema
): Resolver<z.input<Schema>, unknown, z.output<Schema>> {
  return async (values) => {
    const result = await schema.safeParseAsync(values)
    if (result.success) return { values: result.data, errors: {} }

    const errors: Record<string, unknown> = {}
    for (const issue of result.error.issues) {
      const path = issue.path.map(String)
      if (path.length === 0) continue
      let node = errors
      for (const key of path.slice(0, -1)) {
        node[key] = (node[key] as Record<string, unknown> | undefined) ?? {}
        node = node[key] as Record<string, unknown>
      }
      const last = path[path.length - 1]
      if (!node[last]) node[last] = { type: issue.code, message: issue.message }
    }
    return { values: {}, errors: errors as FieldErrors<z.input<Schema>> }
  }
}
