import type { ChannelTransport } from "./transport";

/**
 * The development default: nothing leaves the machine. The message row itself
 * is the outbox (GET /api/v1/tenants/:id/outbox shows it), delivered at once.
 */
export function createOutboxTransport(): ChannelTransport {
  return {
    name: "outbox",
    async send(message) {
      return { providerIds: [`outbox:${message.id}`], delivered: true };
    },
    async close() {},
  };
}
