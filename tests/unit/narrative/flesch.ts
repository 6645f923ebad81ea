// Flesch reading ease for the readability tests:
// FRE = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words), syllables from the `syllable` package;
// a number (any token with a digit, "85.3%" or "0.62") counts as one word of two syllables.
import { syllable } from "syllable";

export interface Readability {
  score: number;
  words: number;
  sentences: number;
  syllables: number;
}

const EDGE_PUNCTUATION = /^[("'“‘[]+|[)"'”’\].,;:!?]+$/g;

export function fleschReadingEase(text: string): Readability {
  let words = 0;
  let syllables = 0;
  for (const raw of text.split(/\s+/)) {
    const token = raw.replace(EDGE_PUNCTUATION, "").replace(EDGE_PUNCTUATION, "");
    if (!/[\p{L}\p{N}]/u.test(token)) continue; // "=", "–", "·" are not words
    words++;
    syllables += /\d/.test(token) ? 2 : Math.max(1, syllable(token));
  }
  // A sentence ends at . ! or ? followed by a space, a closing mark or the end (not the point inside "85.3%").
  const sentences = Math.max(1, (text.match(/[.!?]+(?=\s|$|[)"'”’])/g) ?? []).length);
  const score = words === 0 ? 206.835 : 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
  return { score, words, sentences, syllables };
}
