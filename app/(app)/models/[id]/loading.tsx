// Every model page streams in under the shared header (../layout.tsx): this is what shows until its figures are read.
import { ModelPageSkeleton } from "@/components/model/model-page-skeleton";

export default function Loading() {
  return <ModelPageSkeleton />;
}
