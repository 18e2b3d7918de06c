import { describe, expect, it } from "vitest";
import {
  parseReceiptText,
  receiptErrorCode,
  statusFromMessageState,
  statusFromStat,
} from "./parse-delivery-receipt.js";

describe("parseReceiptText", () => {
  it("reads the SMPP 3.4 Appendix B format", () => {
    const text =
      "id:0123456789 sub:001 dlvrd:001 submit date:2405141230 done date:2405141231 stat:DELIVRD err:000 text:Gentile cliente, la";
    expect(parseReceiptText(text)).toEqual({
      id: "0123456789",
      sub: "001",
      dlvrd: "001",
      submitDate: "2405141230",
      doneDate: "2405141231",
      stat: "DELIVRD",
      err: "000",
      text: "Gentile cliente, la",
    });
  });

  it("accepts upper-case labels, underscores and missing fields", () => {
    expect(parseReceiptText("ID:abc-1 SUBMIT_DATE:2405141230 STAT:UNDELIV ERR:034")).toEqual({
      id: "abc-1",
      submitDate: "2405141230",
      stat: "UNDELIV",
      err: "034",
    });
  });

  it("keeps labels inside the free text as text", () => {
    const parsed = parseReceiptText("id:7 stat:DELIVRD text:stat:EXPIRED err:1");
    expect(parsed).toMatchObject({ id: "7", stat: "DELIVRD", text: "stat:EXPIRED err:1" });
    expect(parsed?.err).toBeUndefined();
  });

  it("returns undefined for a text that is not a receipt", () => {
    expect(parseReceiptText("STOP")).toBeUndefined();
    expect(parseReceiptText("stat:DELIVRD err:000")).toBeUndefined();
  });
});

describe("status mapping", () => {
  it.each([
    ["DELIVRD", "delivered"],
    ["delivrd", "delivered"],
    ["UNDELIV", "failed"],
    ["REJECTD", "failed"],
    ["DELETED", "failed"],
    ["EXPIRED", "expired"],
    ["ACCEPTD", "unknown"],
    ["ENROUTE", "unknown"],
    ["UNKNOWN", "unknown"],
    [undefined, "unknown"],
  ])("stat %s is %s", (stat, status) => {
    expect(statusFromStat(stat)).toBe(status);
  });

  it.each([
    [2, "delivered"],
    [3, "expired"],
    [4, "failed"],
    [5, "failed"],
    [8, "failed"],
    [1, "unknown"],
    [6, "unknown"],
    [7, "unknown"],
  ])("message_state %i is %s", (state, status) => {
    expect(statusFromMessageState(state)).toBe(status);
  });

  it("treats err:000 as no error", () => {
    expect(receiptErrorCode("000")).toBeUndefined();
    expect(receiptErrorCode(undefined)).toBeUndefined();
    expect(receiptErrorCode("034")).toBe("034");
  });
});
