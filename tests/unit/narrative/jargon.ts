// Finds glossary terms in a text. A longer term hides the shorter ones inside it ("macro F1" is not also "F1"),
// and a term matches as a word (with -s, -ed or -ing after it: "drifted" is "drift").
import { GLOSSARY, type GlossaryTerm } from "@/lib/narrative";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function termsIn(text: string): GlossaryTerm[] {
  const terms = (Object.keys(GLOSSARY) as GlossaryTerm[]).sort((a, b) => b.length - a.length);
  let rest = text;
  const found: GlossaryTerm[] = [];
  for (const term of terms) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?:s|ed|ing)?(?![\\p{L}\\p{N}])`, "giu");
    if (pattern.test(rest)) {
      found.push(term);
      rest = rest.replace(pattern, (m) => " ".repeat(m.length));
    }
  }
  return found;
}

/** The terms of `text` whose explanation is not beside them in the same text. */
export function unexplained(text: string): GlossaryTerm[] {
  // The explanations themselves may use a term (the four-fifths one names itself), so read the text without them.
  const explanations = (Object.values(GLOSSARY) as string[]).sort((a, b) => b.length - a.length);
  let bare = text;
  for (const e of explanations) bare = bare.split(e).join(" ");
  return termsIn(bare).filter((term) => !text.includes(GLOSSARY[term]));
}
