/** A one-line progress display on stderr: rows, rows/s and bytes; periodic lines when not a TTY. */
export function progressReporter(label: string) {
  const started = Date.now();
  let lastPrint = 0;
  const tty = process.stderr.isTTY === true;
  const render = (rows: number, bytes: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(rows / seconds);
    return `${label}: ${rows.toLocaleString("en")} rows, ${rate.toLocaleString("en")} rows/s, ${(bytes / 1e6).toFixed(1)} MB, ${seconds.toFixed(1)} s`;
  };
  return {
    update({ rowsRead, bytesRead }: { rowsRead: number; bytesRead: number }) {
      const now = Date.now();
      if (now - lastPrint < (tty ? 200 : 5000)) return;
      lastPrint = now;
      if (tty) process.stderr.write(`\r${render(rowsRead, bytesRead)}\x1b[K`);
      else process.stderr.write(`${render(rowsRead, bytesRead)}\n`);
    },
    done(rows: number, bytes: number) {
      process.stderr.write(`${tty ? "\r" : ""}${render(rows, bytes)}${tty ? "\x1b[K" : ""}\n`);
    },
  };
}
