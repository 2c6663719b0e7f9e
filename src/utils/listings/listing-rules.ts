/**
 * Listing rules: which of the store's products go to which marketplace. Pure.
 *
 * Precedence (one sentence the admin page repeats): rules are read in order of `position` (lowest first;
 * a marketplace's own rule before a store-wide one at the same position); the first rule that matches the
 * product decides. No rule matches: the product is listed — unless the marketplace has an "include" rule,
 * then only what an include rule names is listed ("include" means "only these").
 */
export const LISTING_RULE_MATCHES = ["collection", "category", "type", "tag", "sales_channel", "all"] as const
export type ListingRuleMatch = (typeof LISTING_RULE_MATCHES)[number]

export type ListingRule = {
  id: string
  name: string
  /** null = every marketplace of the store */
  marketplace_id: string | null
  effect: "include" | "exclude"
  match: ListingRuleMatch
  /** the collection / category / type / tag / sales channel id; null for "all" */
  value: string | null
  position: number
}

/** A product as the rules see it. */
export type RuleProduct = {
  collection_id?: string | null
  type_id?: string | null
  category_ids: string[]
  tag_ids?: string[]
  sales_channel_ids?: string[]
}

export type ListingDecision = {
  listed: boolean
  /** the rule that decided; null = no rule matched */
  rule: { id: string; name: string; effect: "include" | "exclude"; match: ListingRuleMatch; value: string | null } | null
  reason: string
}

/** The rules of one marketplace, in the order they are read. */
export function rulesForMarketplace(rules: ListingRule[], marketplaceId: string): ListingRule[] {
  return rules
    .filter((r) => r.marketplace_id === null || r.marketplace_id === marketplaceId)
    .sort((a, b) => a.position - b.position || (a.marketplace_id ? 0 : 1) - (b.marketplace_id ? 0 : 1) || a.id.localeCompare(b.id))
}

export function ruleMatches(rule: Pick<ListingRule, "match" | "value">, product: RuleProduct): boolean {
  switch (rule.match) {
    case "all":
      return true
    case "collection":
      return !!rule.value && product.collection_id === rule.value
    case "type":
      return !!rule.value && product.type_id === rule.value
    case "category":
      return !!rule.value && product.category_ids.includes(rule.value)
    case "tag":
      return !!rule.value && (product.tag_ids ?? []).includes(rule.value)
    case "sales_channel":
      return !!rule.value && (product.sales_channel_ids ?? []).includes(rule.value)
  }
}

/** Whether a product goes to a marketplace, given that marketplace's rules (rulesForMarketplace: ordered). */
export function decideListing(ordered: ListingRule[], product: RuleProduct): ListingDecision {
  for (const rule of ordered) {
    if (ruleMatches(rule, product)) {
      const { id, name, effect, match, value } = rule
      return {
        listed: effect === "include",
        rule: { id, name, effect, match, value },
        reason: `${effect === "include" ? "included" : "excluded"} by rule "${name}" (${match === "all" ? "every product" : `${match.replace("_", " ")} ${value}`})`,
      }
    }
  }
  const hasInclude = ordered.some((r) => r.effect === "include")
  return hasInclude
    ? { listed: false, rule: null, reason: "excluded: this marketplace lists only what an include rule names, and none matches" }
    : { listed: true, rule: null, reason: "listed: no rule matches (every product of the store's sales channel is listed)" }
}
