import { Redactor } from "./redact"

/**
 * The logger the client writes to. Medusa's `Logger` fits as is (its methods take a message string), as
 * does `console`. Lines carry operation, status, attempt, delay and `x-amzn-RequestId`, never bodies,
 * headers or tokens.
 */
export interface SpApiLogger {
  debug(message: string): void
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

const noop = () => undefined

export const noopLogger: SpApiLogger = { debug: noop, info: noop, warn: noop, error: noop }

/**
 * Wraps `logger` so that every line goes through the redactor first and is prefixed with `[sp-api]`.
 * A logger that throws never breaks a request.
 */
export function createSafeLogger(logger: SpApiLogger | undefined, redactor: Redactor): SpApiLogger {
  if (!logger) {
    return noopLogger
  }
  const line =
    (level: keyof SpApiLogger) =>
    (message: string): void => {
      try {
        logger[level](`[sp-api] ${redactor.text(message)}`)
      } catch {
        // logging must never be the reason a call fails
      }
    }
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") }
}
