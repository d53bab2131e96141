import { useAppStore } from '../../store/store-context.js';

/** Whether the log's hash chain is intact, checked on demand (it reads every entry). */
export function ChainStatus() {
  const chain = useAppStore((s) => s.auditChain);
  const verifying = useAppStore((s) => s.auditVerifying);
  const verify = useAppStore((s) => s.verifyAudit);

  let text = 'Not checked yet.';
  let tone = 'chain-status__text';
  if (verifying) text = 'Checking every entry…';
  else if (chain?.ok === true) {
    text =
      chain.entries === 1
        ? 'Intact: the one entry is as it was written.'
        : `Intact: all ${chain.entries} entries link up; none was changed, removed or reordered.`;
    tone += ' chain-status__text--ok';
  } else if (chain?.ok === false) {
    text = `Broken at entry #${chain.firstBroken}: ${chain.reason}. Export the log and tell IT.`;
    tone += ' chain-status__text--broken';
  }

  return (
    <section className="card chain-status" aria-labelledby="chain-status-title">
      <h3 id="chain-status-title">Chain status</h3>
      <p className={tone} role="status">
        {text}
      </p>
      <button type="button" className="button button--secondary" disabled={verifying} onClick={() => void verify()}>
        Verify the chain
      </button>
    </section>
  );
}
