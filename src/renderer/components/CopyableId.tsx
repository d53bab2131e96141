import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A long id shown short (its first 8 characters, the whole one on hover), with a button that copies it whole. */
export function CopyableId({ id, what }: { readonly id: string; readonly what: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard.writeText(id).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="copyable-id">
      <span className="mono copyable-id__text" title={id}>
        {id.length > 12 ? `${id.slice(0, 8)}…` : id}
      </span>
      <button type="button" className="button button--quiet copyable-id__copy" aria-label={t('common.copy', { what: `${what} ${id}` })} onClick={copy}>
        {copied ? t('common.copied') : t('common.copyShort')}
      </button>
    </span>
  );
}
