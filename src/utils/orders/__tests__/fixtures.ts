import type { OrdersTypes } from "../../../lib/sp-api"

/** An Orders API 2026-01-01 order as searchOrders returns it with BUYER, RECIPIENT, PROCEEDS, FULFILLMENT. */
export function amazonOrder(overrides: Partial<OrdersTypes.Order> = {}): OrdersTypes.Order {
  return {
    orderId: "028-1234567-1234567",
    createdTime: "2026-11-20T10:00:00.000Z",
    lastUpdatedTime: "2026-11-20T10:05:00.000Z",
    programs: [],
    salesChannel: { channelName: "AMAZON", marketplaceId: "A1PA6795UKMFR9", marketplaceName: "Amazon.de" },
    buyer: { buyerName: "Max Müller", buyerEmail: "123456abc@marketplace.amazon.de" },
    recipient: {
      deliveryAddress: {
        name: "Max Müller",
        addressLine1: "Hauptstraße 5",
        city: "Berlin",
        postalCode: "10115",
        countryCode: "DE",
        phone: "+49 123456789",
        addressType: "RESIDENTIAL",
      },
    },
    proceeds: {
      grandTotal: { amount: "48.98", currencyCode: "EUR" },
      breakdowns: [{ type: "ITEM", subtotal: { amount: "44.99", currencyCode: "EUR" } }],
    },
    fulfillment: {
      fulfillmentStatus: "UNSHIPPED",
      fulfilledBy: "MERCHANT",
      fulfillmentServiceLevel: "STANDARD",
      shipByWindow: { earliestDateTime: "2026-11-20T10:00:00.000Z", latestDateTime: "2026-11-22T10:00:00.000Z" },
    },
    orderItems: [
      {
        orderItemId: "11111111111111",
        quantityOrdered: 1,
        product: { asin: "B0SANDBX01", title: "T-Shirt S", sellerSku: "DEMO-TSHIRT-S", price: { unitPrice: { amount: "19.99", currencyCode: "EUR" } } },
        proceeds: {
          proceedsTotal: { amount: "23.98", currencyCode: "EUR" },
          breakdowns: [
            { type: "ITEM", subtotal: { amount: "19.99", currencyCode: "EUR" } },
            { type: "SHIPPING", subtotal: { amount: "3.99", currencyCode: "EUR" } },
          ],
        },
        fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: 1 },
      },
      {
        orderItemId: "22222222222222",
        quantityOrdered: 2,
        product: { asin: "B0SANDBX03", title: "Mug", sellerSku: "DEMO-MUG", price: { unitPrice: { amount: "12.50", currencyCode: "EUR" } } },
        fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: 2 },
      },
    ],
    ...overrides,
  } as OrdersTypes.Order
}
