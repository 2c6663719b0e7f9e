/**
 * Records everything written to stdout/stderr and the console while active,
 * so a test can prove a secret never reached a log line.
 */
export function captureOutput() {
  const chunks: string[] = []
  const originals = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  }
  const consoleMethods = ["log", "info", "warn", "error", "debug"] as const
  const originalConsole = Object.fromEntries(consoleMethods.map((m) => [m, console[m]]))
  const record = (chunk: unknown) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk))
  }
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    record(chunk)
    return (originals.stdout as (...args: unknown[]) => boolean)(chunk, ...rest)
  }) as typeof process.stdout.write
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    record(chunk)
    return (originals.stderr as (...args: unknown[]) => boolean)(chunk, ...rest)
  }) as typeof process.stderr.write
  for (const method of consoleMethods) {
    console[method] = (...args: unknown[]) => {
      record(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "))
      ;(originalConsole[method] as (...a: unknown[]) => void)(...args)
    }
  }
  return {
    text: () => chunks.join(""),
    stop: () => {
      process.stdout.write = originals.stdout
      process.stderr.write = originals.stderr
      for (const method of consoleMethods) console[method] = originalConsole[method] as never
    },
  }
}
