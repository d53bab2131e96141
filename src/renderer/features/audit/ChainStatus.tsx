import { useAppStore } from '../../store/store-context.js';
import { useTranslation } from 'react-i18next';

/** Whether the log's hash chain is intact, checked on demand (it reads every entry). */
export function ChainStatus() {
  const chain = useAppStore((s) => s.auditChain);
  const verifying = useAppStore((s) => s.auditVerifying);
  const verify = useAppStore((s) => s.verifyAudit);
  const { t } = useTranslation();

  let text = t('audit.chain.notChecked');
  let tone = 'chain-status__text';
  if (verifying) text = t('audit.chain.checking');
  else if (chain?.ok === true) {
    text = t('audit.chain.intact', { count: chain.entries });
    tone += ' chain-status__text--ok';
  } else if (chain?.ok === false) {
    text = t('audit.chain.broken', { entry: chain.firstBroken, reason: chain.reason });
    tone += ' chain-status__text--broken';
  }

  return (
    <section className="card chain-status" aria-labelledby="chain-status-title">
      <h2 id="chain-status-title">{t('audit.chain.title')}</h2>
      <p className={tone} role="status">
        {text}
      </p>
      <button type="button" className="button button--secondary" disabled={verifying} onClick={() => void verify()}>
        {t('audit.chain.verify')}
      </button>
    </section>
  );
}
