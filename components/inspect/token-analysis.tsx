import type { TokenAnalysis } from '@/lib/inspect/inspect';
import type { InspectorWarning } from '@/lib/inspect/warnings';
import { ClaimsTable } from './claims-table';
import { DecodedPart } from './decoded-part';
import { JsonView } from './json-view';
import { WarningList } from './warning-list';

export function TokenAnalysisView({
  analysis,
  warnings,
  encrypted = false,
}: {
  analysis: TokenAnalysis;
  warnings: InspectorWarning[];
  encrypted?: boolean;
}) {
  const { header, payload } = analysis;
  return (
    <div className="space-y-6">
      <WarningList warnings={warnings} />
      {header ? (
        <DecodedPart title="Header" dotClass="bg-rose-500" aside={algSummary(header.value)}>
          <JsonView decoded={header} testId="inspect-header-json" />
          <ClaimsTable
            rows={analysis.headerRows}
            testId="inspect-header-table"
            nameLabel="Parameter"
          />
        </DecodedPart>
      ) : null}
      {encrypted ? (
        <DecodedPart title="Payload" dotClass="bg-violet-500">
          <p data-testid="inspect-payload-json" className="text-sm text-slate-600">
            Encrypted. A JWE&apos;s claims can only be read with the recipient&apos;s key, and this
            page does not decrypt.
          </p>
        </DecodedPart>
      ) : payload ? (
        <DecodedPart
          title="Payload"
          dotClass="bg-violet-500"
          aside={`${analysis.claimRows.length} claims`}
        >
          <JsonView decoded={payload} testId="inspect-payload-json" />
          <ClaimsTable rows={analysis.claimRows} testId="inspect-claims" nameLabel="Claim" />
        </DecodedPart>
      ) : null}
    </div>
  );
}

function algSummary(header: Record<string, unknown> | null): string | null {
  if (!header) return null;
  return [header.alg, header.typ, header.enc]
    .filter((value) => typeof value === 'string')
    .join(' · ');
}
