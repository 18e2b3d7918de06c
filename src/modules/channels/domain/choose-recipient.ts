/**
 * Which of the debtor's contact points a message on a channel goes to: one of
 * the right kind, not opted out for that channel, not known to bounce; a
 * verified one first, then the most recently updated.
 */
export type MessageChannel = "email" | "sms" | "pec" | "letter" | "registered_letter";

export interface ContactPointChoice {
  id: string;
  kind: "phone" | "email" | "pec" | "postal";
  value: string;
  phoneType: string | null;
  address: Record<string, string> | null;
  optedOut: readonly string[];
  undeliverable: boolean;
  verifiedAt: Date | null;
  updatedAt: Date;
}

const KIND_FOR: Record<MessageChannel, ContactPointChoice["kind"]> = {
  email: "email",
  sms: "phone",
  pec: "pec",
  letter: "postal",
  registered_letter: "postal",
};

export function chooseRecipient<T extends ContactPointChoice>(
  channel: MessageChannel,
  points: readonly T[],
): T | undefined {
  const usable = points.filter(
    (p) =>
      p.kind === KIND_FOR[channel] &&
      !p.undeliverable &&
      !p.optedOut.includes(channel) &&
      (channel !== "sms" || p.phoneType === "mobile"),
  );
  return usable.sort(
    (a, b) =>
      Number(b.verifiedAt !== null) - Number(a.verifiedAt !== null) ||
      b.updatedAt.getTime() - a.updatedAt.getTime(),
  )[0];
}

export const MESSAGE_CHANNELS: readonly MessageChannel[] = [
  "email",
  "sms",
  "pec",
  "letter",
  "registered_letter",
];

export function isMessageChannel(channel: string): channel is MessageChannel {
  return (MESSAGE_CHANNELS as readonly string[]).includes(channel);
}
