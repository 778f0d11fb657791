// Display width in terminal columns (East Asian wide characters count two). string-width is exact
// but slow per call (grapheme segmentation, emoji tables): plain ASCII, most of what we measure,
// takes a fast path. The help screen alone measured ~20 ms in string-width before this.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}
