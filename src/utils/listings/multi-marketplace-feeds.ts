/**
 * One JSON_LISTINGS_FEED for several marketplaces, where Amazon allows it (5 feeds per 5 minutes per region).
 *
 * A feed's header names no marketplace: createFeed applies every message to every marketplace it names, and
 * each attribute value says which marketplace it is for (`marketplace_id`). So a SKU's messages of several
 * marketplaces of one store can go as ONE message of one multi-marketplace feed exactly when they are the same
 * message but for those tags (same SKU, operation, product type, patches or attributes — after per-marketplace
 * pricing, stock and the merge with Amazon's current attributes): the message then carries each value once per
 * marketplace, tagged. A message that differs per marketplace (another price, a B2B price only in one) goes
 * in a per-marketplace feed. Pure.
 */

/** A feed message without its messageId (given when the feed is built). */
export type FeedMessageBody = Record<string, unknown> & { sku: string }

export type FeedGroup<T> = {
  /** the marketplaces the feed names (createFeed marketplaceIds), sorted */
  marketplaces: string[]
  /** one message each, and the items (changes, one per marketplace) it carries */
  entries: Array<{ message: FeedMessageBody; items: T[] }>
}

const TAG = "marketplace_id"

/** The message with every marketplace tag removed: equal for two marketplaces ⇔ the same message there. */
function untagged(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untagged)
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .filter((k) => k !== TAG)
        .sort()
        .map((k) => [k, untagged((value as Record<string, unknown>)[k])])
    )
  }
  return value
}

/** Merges the same message of several marketplaces: each value list holds every marketplace's tagged values. */
function mergeTagged(values: unknown[]): unknown {
  const first = values[0]
  if (Array.isArray(first)) {
    // an attribute's (or a patch value's) list of tagged values: all of them, each kept once
    const seen = new Set<string>()
    const all: unknown[] = []
    for (const list of values as unknown[][]) {
      for (const v of list) {
        const key = JSON.stringify(v)
        if (!seen.has(key)) (seen.add(key), all.push(v))
      }
    }
    // a list of non-tagged structures (e.g. patches) is merged position by position instead
    const tagged = (first as unknown[]).every((v) => v && typeof v === "object" && TAG in (v as object))
    if (tagged || !(first as unknown[]).length) return all
    return (first as unknown[]).map((_, i) => mergeTagged((values as unknown[][]).map((list) => list[i])))
  }
  if (first && typeof first === "object") {
    return Object.fromEntries(Object.keys(first as object).map((k) => [k, mergeTagged(values.map((v) => (v as Record<string, unknown>)[k]))]))
  }
  return first
}

/**
 * Groups the messages of a batch (one per change, each for its change's marketplace) into feeds: a SKU whose
 * message is the same in several marketplaces goes once into the feed of exactly those marketplaces.
 * `marketplaceOf` names an item's marketplace. Deterministic: feeds sorted by their marketplaces.
 */
export function groupFeedMessages<T>(items: Array<{ item: T; marketplace: string; message: FeedMessageBody }>): FeedGroup<T>[] {
  // per SKU: its marketplaces by message content (untagged)
  const bySku = new Map<string, Map<string, Array<{ item: T; marketplace: string; message: FeedMessageBody }>>>()
  for (const entry of items) {
    const byContent = bySku.get(entry.message.sku) ?? new Map()
    const key = JSON.stringify(untagged(entry.message))
    byContent.set(key, [...(byContent.get(key) ?? []), entry])
    bySku.set(entry.message.sku, byContent)
  }
  const feeds = new Map<string, FeedGroup<T>>()
  for (const byContent of bySku.values()) {
    for (const same of byContent.values()) {
      // one message per marketplace at most (a store has one listing per SKU and marketplace)
      const perMarketplace = new Map(same.map((e) => [e.marketplace, e]))
      for (const extra of same.filter((e) => perMarketplace.get(e.marketplace) !== e)) {
        // the same SKU twice in one marketplace: never merged, a feed of its own marketplace
        addEntry(feeds, [extra.marketplace], extra.message, [extra.item])
      }
      const members = [...perMarketplace.values()].sort((a, b) => a.marketplace.localeCompare(b.marketplace))
      const message = members.length === 1 ? members[0].message : (mergeTagged(members.map((m) => m.message)) as FeedMessageBody)
      addEntry(feeds, members.map((m) => m.marketplace), message, members.map((m) => m.item))
    }
  }
  return [...feeds.values()].sort((a, b) => a.marketplaces.join(",").localeCompare(b.marketplaces.join(",")))
}

function addEntry<T>(feeds: Map<string, FeedGroup<T>>, marketplaces: string[], message: FeedMessageBody, items: T[]) {
  const key = marketplaces.join(",")
  const feed = feeds.get(key) ?? { marketplaces, entries: [] }
  feed.entries.push({ message, items })
  feeds.set(key, feed)
}
