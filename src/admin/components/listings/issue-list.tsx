import { ArrowUpRightMini, ExclamationCircle } from "@medusajs/icons"
import { Badge, Text, clx } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { listingsStrings as s } from "../../lib/strings-listings"
import type { AmazonListingIssue } from "../../lib/types-listings"
import { fixLink } from "./fix-link"

type IssueListProps = {
  issues: AmazonListingIssue[]
  product_id: string | null
  variant_id: string | null
  storeId?: string | null
  /** compact: one line per issue (the product widget) */
  compact?: boolean
}

/** A listing's problems: who said it, what it says, the field to fix and a link to where it is fixed. */
export function IssueList({ issues, product_id, variant_id, storeId, compact }: IssueListProps) {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
  return (
    <ul className={clx("flex flex-col", compact ? "gap-y-1.5" : "gap-y-3")} data-testid="amazon-issue-list">
      {sorted.map((issue, index) => {
        const link = fixLink(issue.field, { product_id, variant_id, storeId })
        return (
          <li key={`${issue.code}-${index}`} className="flex items-start gap-x-2">
            <ExclamationCircle
              className={clx("mt-0.5 shrink-0", issue.severity === "error" ? "text-ui-fg-error" : "text-ui-tag-orange-icon")}
            />
            <div className="flex min-w-0 flex-col gap-y-1">
              <Text size="small" leading="compact" className="break-words">
                {issue.message}
              </Text>
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                {!compact && (
                  <Badge size="2xsmall" color={issue.source === "amazon" ? "orange" : "grey"}>
                    {s.issues.source(issue.source)} · {s.issues.title(issue.code)}
                  </Badge>
                )}
                {issue.field && (
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                    {s.issues.fieldLabel}: {s.issues.field(issue.field)}
                  </Text>
                )}
                {link && (
                  <Link
                    to={link.to}
                    className="txt-compact-xsmall-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover inline-flex items-center gap-x-0.5"
                  >
                    {link.label}
                    <ArrowUpRightMini />
                  </Link>
                )}
              </div>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
