import type { Metadata } from "next";
import { CodeBlock } from "@/components/help/code-block";
import { GlossaryList } from "@/components/help/glossary-list";
import { Card, PageTitle } from "@/components/ui/card";
import { HELP_GUIDE, HELP_GUIDE_INTRO, HELP_PAGE_WORDS } from "@/lib/narrative/help-guide";

export const metadata: Metadata = { title: "Help" };

// Behind sign-in like every page of the app: the glossary links sit on signed-in pages, and the app bar stays.
export default function HelpPage() {
  return (
    <>
      <PageTitle title={HELP_PAGE_WORDS.title} lead={HELP_PAGE_WORDS.lead} />
      <nav aria-label={HELP_PAGE_WORDS.contents} className="mb-6 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <a href="#glossary" className="text-sky-800 underline underline-offset-2">
              {HELP_PAGE_WORDS.glossaryTitle}
            </a>
          </li>
          <li>
            <a href="#bring-your-model" className="text-sky-800 underline underline-offset-2">
              {HELP_PAGE_WORDS.guideTitle}
            </a>
          </li>
        </ul>
      </nav>
      <div className="grid gap-6">
        <Card>
          <h2 id="glossary" className="scroll-mt-6 text-xl font-semibold">
            {HELP_PAGE_WORDS.glossaryTitle}
          </h2>
          <p className="mt-1 text-slate-600">{HELP_PAGE_WORDS.glossaryLead}</p>
          <div className="mt-3">
            <GlossaryList />
          </div>
        </Card>
        <Card>
          <h2 id="bring-your-model" className="scroll-mt-6 text-xl font-semibold">
            {HELP_PAGE_WORDS.guideTitle}
          </h2>
          {HELP_GUIDE_INTRO.map((line) => (
            <p key={line} className="mt-2 max-w-3xl text-slate-700">
              {line}
            </p>
          ))}
          {HELP_GUIDE.map((section) => (
            <section key={section.id} aria-labelledby={`guide-${section.id}`} className="mt-6 min-w-0">
              <h3 id={`guide-${section.id}`} className="scroll-mt-6 text-lg font-semibold">
                {section.title}
              </h3>
              {section.paragraphs.map((p) => (
                <p key={p} className="mt-2 max-w-3xl text-slate-700">
                  {p}
                </p>
              ))}
              {section.points ? (
                <ul className="mt-2 max-w-3xl list-disc space-y-1 pl-5 text-slate-700">
                  {section.points.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : null}
              {section.code ? <CodeBlock label={section.code.label} text={section.code.text} /> : null}
            </section>
          ))}
        </Card>
      </div>
    </>
  );
}
