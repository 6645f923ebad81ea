import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { countByLight, filterCards, portfolioQuerySchema, type PortfolioQuery } from "@/components/portfolio/filter-cards";
import { PortfolioCard } from "@/components/portfolio/portfolio-card";
import { PortfolioFilter } from "@/components/portfolio/portfolio-filter";
import { PortfolioSkeleton } from "@/components/portfolio/portfolio-skeleton";
import { buttonClass } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { guard } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getPortfolio } from "@/lib/db/portfolio";
import { PORTFOLIO_FILTER_FROM, PORTFOLIO_FILTER_WORDS, emptyPortfolio, portfolioLead } from "@/lib/narrative/portfolio-words";

export const metadata: Metadata = { title: "Models" };

async function Cards({ query }: { query: PortfolioQuery }) {
  const portfolio = await guard(getPortfolio);
  if (portfolio.cards.length === 0) {
    const empty = emptyPortfolio(portfolio.role);
    return (
      <Card>
        <p className="font-medium" data-testid="portfolio-empty">
          {empty.title}
        </p>
        <p className="mt-1 text-slate-700">{empty.body}</p>
      </Card>
    );
  }
  const withFilter = portfolio.cards.length >= PORTFOLIO_FILTER_FROM;
  const shown = withFilter ? filterCards(portfolio.cards, query) : portfolio.cards;
  return (
    <>
      {withFilter ? (
        <>
          <PortfolioFilter q={query.q} light={query.light} counts={countByLight(portfolio.cards)} />
          <p className="mb-3 text-sm text-slate-700" role="status" data-testid="portfolio-count">
            {PORTFOLIO_FILTER_WORDS.shown(shown.length, portfolio.cards.length)}
          </p>
        </>
      ) : null}
      {shown.length === 0 ? (
        <Card>
          <p>{PORTFOLIO_FILTER_WORDS.none}</p>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="Models, worst first" data-testid="portfolio">
          {shown.map((card) => (
            <PortfolioCard key={card.id} card={card} role={portfolio.role} />
          ))}
        </ul>
      )}
    </>
  );
}

export default async function PortfolioPage({ searchParams }: PageProps<"/">) {
  const [user, params] = await Promise.all([guard(requireUser), searchParams]);
  const query = portfolioQuerySchema.parse(params);
  return (
    <>
      <PageTitle title="Your models" lead={portfolioLead(user.workspaceName)}>
        {can(user.role, "model.write") ? (
          <Link href="/models/new" className={buttonClass("primary")}>
            Add a model
          </Link>
        ) : null}
      </PageTitle>
      <Suspense fallback={<PortfolioSkeleton />}>
        <Cards query={query} />
      </Suspense>
    </>
  );
}
