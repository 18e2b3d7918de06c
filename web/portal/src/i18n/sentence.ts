/** Ends a sentence with a full stop unless it has one ("… S.p.A." must not become "S.p.A.."). */
export function stop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
