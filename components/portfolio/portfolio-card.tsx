import Link from "next/link";
import { MetricTermLink } from "@/components/help/glossary-link";
import { LiveWithoutReviewBadge, LiveWithoutReviewNextStep } from "@/components/governance/live-without-review";
import type { PortfolioCard as Card, PortfolioRole } from "@/lib/contracts/portfolio";
import { liveWithoutReviewStep } from "@/lib/narrative/live-without-review-words";
import { formatMetricValue } from "@/lib/narrative/format-metric";
import { metricName } from "@/lib/narrative/metric-words";
import {
  PORTFOLIO_CARD_WORDS,
  awaitsYou,
  cardSentence,
  latestDataWords,
  liveVersionWords,
  notJudgedSentence,
  sparklineLabel,
  sparklineSummary,
} from "@/lib/narrative/portfolio-words";
import { windowName } from "@/lib/narrative/window-words";
import { LightBadge } from "./light-badge";
import { Sparkline } from "./sparkline";

/** One model: its light (colour, shape, word), one sentence, the main measure over time, the live version, and
 *  what waits for the reader. The whole card opens the model (the name's link stretches over it). */
export function PortfolioCard({ card, role }: { card: Card; role: PortfolioRole }) {
  const values = card.metric.points.filter((p) => p.value !== null);
  const last = card.metric.points.findLast((p) => p.value !== null);
  const latest = latestDataWords(card.latestWindow, card.shownVersion, card.liveVersion);
  return (
    <li data-model={card.name} className="min-w-0">
      <article className="relative flex h-full min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm transition-shadow hover:shadow-md">
        <div className="flex min-w-0 flex-wrap items-start justify-between gap-x-3 gap-y-2">
          <h2 className="min-w-0 text-lg font-semibold text-slate-900 [overflow-wrap:anywhere]">
            <Link href={`/models/${card.id}`} data-card-link className="after:absolute after:inset-0 after:rounded-lg after:content-['']">
              {card.name}
            </Link>
          </h2>
          <LightBadge light={card.light} />
        </div>
        <p className="mt-1 text-sm text-slate-600 [overflow-wrap:anywhere]">{card.purpose}</p>
        <p className="mt-3 text-slate-800" data-testid="card-sentence">
          {card.sentence ? cardSentence(card.sentence, card.nextSentence) : notJudgedSentence(card)}
        </p>
        <div className="mt-4 flex flex-wrap items-end justify-between gap-4">
          {values.length > 0 ? (
            <figure className="min-w-0">
              <Sparkline
                id={`spark-${card.id}`}
                points={card.metric.points}
                reference={card.metric.reference}
                label={sparklineLabel(card.metric.name, card.metric.points.length)}
                summary={sparklineSummary(card)}
              />
              <figcaption className="relative z-10 mt-1 text-xs text-slate-600">
                <MetricTermLink metric={card.metric.name}>{metricName(card.metric.name)}</MetricTermLink>
                {last && last.value !== null ? (
                  <>
                    {": "}
                    <span className="font-medium text-slate-800">{formatMetricValue(card.metric.name, last.value)}</span>
                    {` ${PORTFOLIO_CARD_WORDS.in} ${windowName(last.windowLabel)}`}
                  </>
                ) : null}
                {card.metric.reference !== null ? ` · ${PORTFOLIO_CARD_WORDS.dashed}` : null}
              </figcaption>
            </figure>
          ) : (
            <p className="text-xs text-slate-600">{PORTFOLIO_CARD_WORDS.noSeries}</p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <p className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-800" data-testid="live-version">
              {liveVersionWords(card.liveVersion)}
            </p>
            {card.liveWithoutReview ? <LiveWithoutReviewBadge /> : null}
          </div>
        </div>
        {card.liveWithoutReview && card.liveVersion !== null && (role === "owner" || role === "analyst") ? (
          <LiveWithoutReviewNextStep
            modelId={card.id}
            step={liveWithoutReviewStep({ live: card.liveVersion, inReview: card.facts.inReview, drafts: card.facts.drafts })}
            className="relative z-10 mt-2 text-sm"
          />
        ) : null}
        {latest && (last?.windowLabel !== card.latestWindow || card.shownVersion !== card.liveVersion) ? <p className="mt-2 text-xs text-slate-600">{latest}</p> : null}
        <p className="mt-4 rounded-md bg-slate-50 p-3 text-sm text-slate-800" data-testid="awaits-you">
          <span className="font-semibold">{PORTFOLIO_CARD_WORDS.forYou} </span>
          {awaitsYou(role, card)}
        </p>
      </article>
    </li>
  );
}
