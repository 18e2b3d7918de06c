import type { SmsListener } from "./sms-transport.js";

/**
 * Listeners for one kind of event. `emit` runs them all and fails if any
 * failed, so the caller can ask the provider to deliver the event again.
 */
export class Listeners<T> {
  private readonly listeners: SmsListener<T>[] = [];

  add(listener: SmsListener<T>): void {
    this.listeners.push(listener);
  }

  async emit(event: T): Promise<void> {
    const results = await Promise.allSettled(
      this.listeners.map(async (listener) => listener(event)),
    );
    const failure = results.find(
      (result): result is PromiseRejectedResult => result.status === "rejected",
    );
    if (failure) throw failure.reason;
  }
}
