/** The word for a code the server sends, or the code itself when it is new to us. */
export function word(words: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(words, code) ? (words[code] ?? code) : code;
}
