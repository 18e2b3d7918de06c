/**
 * Concatenated inbound SMS arrive as separate deliver_sm, in any order. Parts
 * wait here until the set is complete; sets that never complete are dropped.
 */
import type { InboundSms } from "./sms-transport.js";

export interface ConcatInfo {
  /** The sender's reference shared by all parts of one message. */
  reference: number;
  total: number;
  /** 1-based. */
  seq: number;
}

export interface InboundPart extends InboundSms {
  concat?: ConcatInfo;
}

export interface WholeInbound {
  message: InboundSms;
  /** Forget the parts once the message is handled; until then a repeated last part completes it again. */
  release(): void;
}

interface PartSet {
  firstAt: Date;
  total: number;
  texts: Map<number, string>;
}

export class MoReassembly {
  private readonly sets = new Map<string, PartSet>();

  constructor(private readonly maxWaitMs = 15 * 60_000) {}

  add(part: InboundPart): WholeInbound | undefined {
    const { concat, ...message } = part;
    if (!concat || concat.total <= 1) return { message, release() {} };
    this.dropStale(part.at);

    const key = [part.from, part.to, concat.reference, concat.total].join("|");
    let set = this.sets.get(key);
    if (!set) {
      set = { firstAt: part.at, total: concat.total, texts: new Map() };
      this.sets.set(key, set);
    }
    set.texts.set(concat.seq, part.text);
    if (set.texts.size < set.total) return undefined;

    const texts: string[] = [];
    for (let seq = 1; seq <= set.total; seq++) texts.push(set.texts.get(seq) ?? "");
    return {
      message: { ...message, text: texts.join(""), at: set.firstAt },
      release: () => this.sets.delete(key),
    };
  }

  /** Part sets still waiting for parts. */
  get waiting(): number {
    return this.sets.size;
  }

  private dropStale(now: Date): void {
    for (const [key, set] of this.sets) {
      if (now.getTime() - set.firstAt.getTime() > this.maxWaitMs) this.sets.delete(key);
    }
  }
}
