import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { sdk } from "../lib/sdk"

type FbaPool = {
  id: string
  pool: string
  label: string
  stock_location_id: string
  stock_location_name: string | null
  last_full_sync_at: string | null
  last_changes_sync_at: string | null
  counts: { skus?: number; matched?: number; unknown?: number; fulfillable?: number; inbound?: number; reserved?: number; unfulfillable?: number } | null
  error: { code: string; message: string } | null
  unknown_skus: Array<{ sku: string; asin: string | null; fulfillable: number }>
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never")

/**
 * The store's FBA pools: the Medusa stock location holding each pool's Amazon stock (never merchant stock),
 * the last passes, what Amazon holds (fulfillable, inbound, reserved, unfulfillable) and the SKUs no variant
 * carries. "Read FBA stock now" runs a full pass; the job runs every 10 minutes (full every hour).
 */
export function FbaPools({ storeId, disabled }: { storeId: string; disabled?: boolean }) {
  const client = useQueryClient()
  const key = ["amazon", "fba-pools", storeId]
  const { data, isLoading } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<{ amazon_fba_pools: FbaPool[] }>(`/admin/amazon/stores/${storeId}/fba`),
    enabled: Boolean(storeId),
  })
  const sync = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/amazon/stores/${storeId}/fba/sync`, { method: "POST", body: {} }),
    onSuccess: () => {
      toast.success("FBA stock read from Amazon")
      void client.invalidateQueries({ queryKey: key })
    },
    onError: (e: Error) => toast.error(e.message),
  })
  const pools = data?.amazon_fba_pools ?? []
  return (
    <Container className="divide-y p-0" data-testid="amazon-fba-pools">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">FBA stock</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Stock in Amazon's warehouses, one Medusa location per pool. Never sent to Amazon as merchant stock.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => sync.mutate()} isLoading={sync.isPending} disabled={disabled}>
          Read FBA stock now
        </Button>
      </div>
      {isLoading ? null : pools.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          No FBA stock read yet.
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Pool</Table.HeaderCell>
              <Table.HeaderCell>Location</Table.HeaderCell>
              <Table.HeaderCell>Last full / changes</Table.HeaderCell>
              <Table.HeaderCell>SKUs (unknown)</Table.HeaderCell>
              <Table.HeaderCell>Fulfillable</Table.HeaderCell>
              <Table.HeaderCell>Inbound</Table.HeaderCell>
              <Table.HeaderCell>Reserved</Table.HeaderCell>
              <Table.HeaderCell>Unfulfillable</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {pools.map((p) => (
              <Table.Row key={p.id} data-testid={`amazon-fba-pool-${p.pool}`}>
                <Table.Cell>
                  {p.label} {p.error ? <Badge color="red" title={p.error.message}>{p.error.code}</Badge> : null}
                </Table.Cell>
                <Table.Cell>
                  <Link to={`/settings/locations/${p.stock_location_id}`}>{p.stock_location_name ?? "(deleted)"}</Link>
                </Table.Cell>
                <Table.Cell>
                  {when(p.last_full_sync_at)} / {when(p.last_changes_sync_at)}
                </Table.Cell>
                <Table.Cell title={p.unknown_skus.map((u) => `${u.sku}: ${u.fulfillable}`).join("\n")}>
                  {p.counts?.skus ?? 0} ({p.counts?.unknown ?? 0})
                </Table.Cell>
                <Table.Cell>{p.counts?.fulfillable ?? 0}</Table.Cell>
                <Table.Cell>{p.counts?.inbound ?? 0}</Table.Cell>
                <Table.Cell>{p.counts?.reserved ?? 0}</Table.Cell>
                <Table.Cell>{p.counts?.unfulfillable ?? 0}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {pools.some((p) => p.unknown_skus.length) ? (
        <div className="px-6 py-4">
          <Text size="small" weight="plus">SKUs at Amazon that no Medusa variant carries</Text>
          {pools.flatMap((p) =>
            p.unknown_skus.map((u) => (
              <Text key={`${p.pool}-${u.sku}`} size="small" className="text-ui-fg-subtle" data-testid="amazon-fba-unknown-sku">
                {p.label}: {u.sku} {u.asin ? `(${u.asin})` : ""} — {u.fulfillable} fulfillable
              </Text>
            ))
          )}
        </div>
      ) : null}
    </Container>
  )
}
