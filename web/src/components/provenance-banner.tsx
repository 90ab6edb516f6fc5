import type { Provenance } from '../../../src/core/ledger/provenance.ts';
import { needsBanner } from '../../../src/core/ledger/provenance.ts';
import { useI18n } from '../i18n/context.ts';

/**
 * What a reader must know of where a log comes from before reading anything taken from it: rebuilt
 * from public reporting, signed with demonstration keys. Nothing when the log claims neither.
 */
export function ProvenanceBanner({ provenance }: { provenance: Provenance | undefined }) {
  const { t } = useI18n();
  if (!provenance || !needsBanner(provenance)) return null;
  return (
    <aside
      className="provenance"
      role="note"
      data-testid="provenance-banner"
      data-reconstructed={provenance.reconstructed}
      data-demo-keys={provenance.demoKeys}
    >
      {provenance.reconstructed ? <p>{t('provenance.reconstructed')}</p> : null}
      {provenance.demoKeys ? <p>{t('provenance.demoKeys')}</p> : null}
    </aside>
  );
}
