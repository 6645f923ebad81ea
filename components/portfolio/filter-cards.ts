// The portfolio's search and light filter, read from the address (zod) and applied to the cards. Pure.
import { z } from "zod";
import type { PortfolioCard } from "@/lib/contracts/portfolio";
import type { Light } from "@/lib/contracts/snapshot-types";

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const portfolioQuerySchema = z.object({
  q: z.preprocess(one, z.string().trim().max(100).catch("")).optional().transform((v) => v ?? ""),
  light: z.preprocess(one, z.enum(["green", "amber", "red", "gray"]).nullable().catch(null)).optional().transform((v) => v ?? null),
});

export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;

const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

export function filterCards(cards: readonly PortfolioCard[], query: PortfolioQuery): PortfolioCard[] {
  const words = fold(query.q).split(/\s+/).filter(Boolean);
  return cards.filter((c) => {
    if (query.light && c.light !== query.light) return false;
    const text = fold(`${c.name} ${c.purpose}`);
    return words.every((w) => text.includes(w));
  });
}

export function countByLight(cards: readonly PortfolioCard[]): Record<Light, number> {
  const out: Record<Light, number> = { red: 0, amber: 0, gray: 0, green: 0 };
  for (const c of cards) out[c.light] += 1;
  return out;
}
