// "Did you mean ...?" suggestions by edit distance (fastest-levenshtein: small, fast, well kept).
import { distance } from 'fastest-levenshtein';

/** The closest candidate, or undefined when nothing is close enough to be a plausible typo. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const hay = c.toLowerCase();
    let d = distance(needle, hay);
    if (hay.startsWith(needle) || needle.startsWith(hay)) d = Math.min(d, 1);
    if (d < bestScore || (d === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestScore <= limit ? best : undefined;
}

/** Turns free text into an id proposal: "Salesforce Sales Cloud" -> "salesforce-sales-cloud". */
export function slugify(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  return ascii;
}
