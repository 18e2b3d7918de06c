#!/usr/bin/env node
// The browser tests drive Debian's Chromium (never a downloaded browser). On a
// fresh Debian machine run as root, install it; anywhere else, say how.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.SALDO_CHROMIUM ?? "/usr/bin/chromium";
if (existsSync(path)) process.exit(0);

const canInstall =
  process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && !process.env.SALDO_CHROMIUM;
if (!canInstall) {
  console.error(
    `The browser tests need Chromium at ${path}. Install Debian's package ` +
      "(sudo apt-get install -y chromium) or set SALDO_CHROMIUM to a Chromium binary.",
  );
  process.exit(1);
}
console.log("The browser tests need Debian's chromium: apt-get install -y chromium");
execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
  stdio: "inherit",
});
