import { ArrowDownTray } from "@medusajs/icons"
import { Button, toast } from "@medusajs/ui"
import { errorToast } from "../../lib/errors"
import { ordersStrings as s } from "../../lib/strings-orders"
import { useExportAmazonOrders } from "./hooks"

/** The store's orders as CSV or as an Excel workbook. */
export function ExportButtons({ storeId }: { storeId: string }) {
  const exporter = useExportAmazonOrders(storeId)
  const run = (format: "csv" | "xlsx") =>
    exporter.mutate(format, {
      onError: (error) => toast.error(s.export.failed, { description: errorToast(error).title }),
    })
  return (
    <div className="flex items-center gap-x-2">
      <Button size="small" variant="secondary" onClick={() => run("csv")} isLoading={exporter.isPending && exporter.variables === "csv"}>
        <ArrowDownTray />
        {s.export.csv}
      </Button>
      <Button size="small" variant="secondary" onClick={() => run("xlsx")} isLoading={exporter.isPending && exporter.variables === "xlsx"}>
        <ArrowDownTray />
        {s.export.xlsx}
      </Button>
    </div>
  )
}
