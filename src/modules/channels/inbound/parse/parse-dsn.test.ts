import { describe, expect, it } from "vitest";
import { eml } from "./fixtures/eml.js";
import { GMAIL_REPLY } from "./fixtures/reply-emails.js";
import {
  ARF_ABUSE_COMPLAINT,
  POSTFIX_MAILBOX_FULL_DELAYED,
  POSTFIX_USER_UNKNOWN,
  QMAIL_FAILURE_NOTICE,
} from "./fixtures/report-emails.js";
import { parseDsn } from "./parse-dsn.js";
import { bounceAddressFor, bounceTokenFromAddress } from "./verp.js";

describe("parseDsn: delivery status notifications (RFC 3464)", () => {
  it("reads Postfix's bounce for an unknown user as a permanent failure of our message", async () => {
    expect(await parseDsn(POSTFIX_USER_UNKNOWN)).toEqual({
      kind: "bounce",
      action: "failed",
      status: "5.1.1",
      permanent: true,
      diagnostic:
        "550 5.1.1 <mario.rossi@example.it>: Recipient address rejected: User unknown in virtual mailbox table",
      finalRecipient: "mario.rossi@example.it",
      originalRecipient: "mario.rossi@example.it",
      remoteMta: "mx1.example.it",
      originalMessageId: "<case-42.step-1@saldo.example>",
      reportingMta: "mx.saldo.example",
      recipients: [expect.objectContaining({ action: "failed", status: "5.1.1" })],
    });
  });

  it("reads a full mailbox as transient, the original id from the returned headers", async () => {
    const report = await parseDsn(POSTFIX_MAILBOX_FULL_DELAYED);
    expect(report).toMatchObject({
      kind: "bounce",
      action: "delayed",
      status: "4.2.2",
      permanent: false,
      diagnostic: "452 4.2.2 <lucia.bianchi@example.com>: Mailbox full",
      finalRecipient: "lucia.bianchi@example.com",
      originalMessageId: "<case-43.step-2@saldo.example>",
    });
  });

  it("names the gravest recipient when a report covers several", async () => {
    const report = await parseDsn(
      eml(`
From: MAILER-DAEMON@mx.saldo.example
To: bounces+c46s1@saldo.example
Subject: Delivery Status Notification
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b"

--b
Content-Type: text/plain

One delivered, one failed.
--b
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.saldo.example

Final-Recipient: rfc822; ok@example.it
Action: delivered
Status: 2.0.0

Final-Recipient: rfc822; gone@example.it
Action: failed
Diagnostic-Code: smtp; 550 5.2.1 mailbox disabled
--b--
`),
    );
    expect(report).toMatchObject({
      action: "failed",
      status: "5.2.1",
      finalRecipient: "gone@example.it",
    });
    expect(report?.kind === "bounce" && report.recipients.map((r) => r.action)).toEqual([
      "delivered",
      "failed",
    ]);
  });

  it("reads a plain-text bounce without a delivery-status part on a best-effort basis", async () => {
    expect(await parseDsn(QMAIL_FAILURE_NOTICE)).toMatchObject({
      kind: "bounce",
      action: "failed",
      status: "5.1.1",
      permanent: true,
      finalRecipient: "anna.neri@oldhost.example",
      originalMessageId: "<case-45.step-1@saldo.example>",
    });
  });

  it("returns null for a message that is no report", async () => {
    expect(await parseDsn(GMAIL_REPLY)).toBeNull();
  });
});

describe("parseDsn: complaints (ARF, RFC 5965)", () => {
  it("reads an abuse report and the message it complains about", async () => {
    expect(await parseDsn(ARF_ABUSE_COMPLAINT)).toEqual({
      kind: "complaint",
      feedbackType: "abuse",
      originalMessageId: "<case-44.step-1@saldo.example>",
      originalRecipient: "paolo.verdi@mailprovider.example",
      originalMailFrom: "bounces+c44s1@saldo.example",
      userAgent: "MailProviderFBL/2.1",
      arrivalDate: new Date("2026-11-24T09:00:01Z"),
      sourceIp: "198.51.100.7",
    });
  });
});

describe("VERP", () => {
  it.each([
    ["bounces+c42s1@saldo.example", "c42s1"],
    ["<bounces+c42s1@saldo.example>", "c42s1"],
    ["Mail Delivery <BOUNCES+Ab_9.x=y-z@saldo.example>", "Ab_9.x=y-z"],
    ["solleciti@saldo.example", undefined],
    ["bounces@saldo.example", undefined],
    ["bounces+@saldo.example", undefined],
    ["bounces+a b@saldo.example", undefined],
    ["not an address", undefined],
  ])("%s → %s", (address, token) => {
    expect(bounceTokenFromAddress(address)).toBe(token);
  });

  it("builds the address it reads back, and refuses tokens unsafe in an address", () => {
    const address = bounceAddressFor("c42s1", "saldo.example");
    expect(address).toBe("bounces+c42s1@saldo.example");
    expect(bounceTokenFromAddress(address)).toBe("c42s1");
    expect(() => bounceAddressFor("a@b", "saldo.example")).toThrow(RangeError);
  });
});
