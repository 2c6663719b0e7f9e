import type { ListingIssue } from "./desired-listing"

export type PatchOutcome = { accepted: boolean; issues: ListingIssue[] }

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value)

/**
 * What Amazon's answer to patchListingsItem means for the change: ACCEPTED takes it (with any warnings),
 * anything else refuses it — and a refusal always says why, in Amazon's words when it gave some and in
 * ours when it gave none. An answer whose issues are not a list, or issues without a message, still
 * decide by the status and are reported as unreadable instead of failing the whole send.
 */
export function readPatchAnswer(answer: unknown): PatchOutcome {
  const status = isRecord(answer) && typeof answer.status === "string" ? answer.status : null
  const rawIssues = isRecord(answer) ? answer.issues : undefined
  const issues: ListingIssue[] = []
  if (Array.isArray(rawIssues)) {
    for (const issue of rawIssues) {
      if (!isRecord(issue) || typeof issue.message !== "string") {
        issues.push({ source: "amazon", code: "unreadable_issue", severity: "warning", message: `Amazon reported an issue we could not read: ${JSON.stringify(issue).slice(0, 200)}` })
        continue
      }
      const attributes = Array.isArray(issue.attributeNames) ? issue.attributeNames.filter((a): a is string => typeof a === "string") : []
      issues.push({
        source: "amazon",
        code: typeof issue.code === "string" ? issue.code : "unknown",
        severity: issue.severity === "ERROR" ? "error" : "warning",
        message: issue.message,
        ...(attributes.length ? { field: `amazon:${attributes.join(",")}` } : {}),
      })
    }
  } else if (rawIssues !== undefined && rawIssues !== null) {
    issues.push({ source: "amazon", code: "unreadable_issues", severity: "warning", message: "Amazon's answer listed its issues in a form we could not read." })
  }
  const accepted = status === "ACCEPTED"
  if (!accepted && !issues.some((issue) => issue.severity === "error")) {
    issues.push({
      source: "amazon",
      code: "rejected_without_reason",
      severity: "error",
      message: `Amazon answered ${status ? `"${status}"` : "without a status"} for this offer and gave no reason; the next change to it is sent again.`,
    })
  }
  return { accepted, issues }
}
