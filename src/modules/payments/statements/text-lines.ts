/** Line numbers from text offsets, without keeping an index of every newline. */

/** 1-based line of an offset: counts newlines from the start (for error paths). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * Lines of increasing offsets in one pass over the text (entries come in document
 * order); an offset behind the last one asked starts counting again from the top.
 */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const text = this.text;
    for (
      let i = text.indexOf("\n", this.offset);
      i >= 0 && i < offset;
      i = text.indexOf("\n", i + 1)
    ) {
      this.line++;
    }
    this.offset = offset;
    return this.line;
  }
}
