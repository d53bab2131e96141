import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { deskScopeOf, sameScope } from '../../../shared/domain/desk-scope.js';
import type { QueueItemView } from '../../../shared/domain/queue.js';
import { useAppStore } from '../../store/store-context.js';

interface MoveItemFormProps {
  readonly item: QueueItemView;
  readonly name: string;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onMoved: () => void;
}

/**
 * Moves a stuck enrollment to a collection of the server signed in now, after a
 * confirmation that names both collections and servers. The enrollment keeps its UUID.
 */
export function MoveItemForm({ item, name, busy, onCancel, onMoved }: MoveItemFormProps) {
  const { t } = useTranslation();
  const session = useAppStore((s) => s.session);
  const choices = useAppStore((s) => s.moveChoices);
  const load = useAppStore((s) => s.loadMoveChoices);
  const move = useAppStore((s) => s.retargetQueueItem);
  const showToast = useAppStore((s) => s.showToast);
  // A deleted collection is gone from the server's list; the desk may still know what it was called.
  const fromAlias = useAppStore((s) => s.enrollCollections?.find((c) => c.collectionId === item.collectionId)?.alias ?? s.collections.find((c) => c.collectionId === item.collectionId)?.alias ?? null);
  const [target, setTarget] = useState('');
  useEffect(() => {
    void load();
  }, [load]);
  if (session?.state !== 'signedIn') return <p role="status">{t('sync.moveForm.signIn')}</p>;
  const here = deskScopeOf(session.serverUrl, session.email, session.isLocalSandbox);
  const fromServer = item.scope?.server ?? t('sync.moveForm.noServer');
  const toCurrentServer = !sameScope(item.scope, here);
  const options = (choices ?? []).filter((c) => toCurrentServer || c.collectionId !== item.collectionId);
  const chosen = options.find((c) => c.collectionId === target) ?? null;
  return (
    <form
      className="sync-confirm"
      aria-label={t('sync.moveForm.name', { name })}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen === null) return;
        void move(item.id, chosen.collectionId, toCurrentServer).then((ok) => {
          if (!ok) return;
          showToast(t('sync.moveForm.moved', { name, to: chosen.alias }));
          onMoved();
        });
      }}
    >
      <label>
        {t('sync.moveForm.to')}
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t('sync.moveForm.choose')}</option>
          {options.map((c) => (
            <option key={c.collectionId} value={c.collectionId}>
              {c.alias}
            </option>
          ))}
        </select>
      </label>
      {chosen !== null && (
        <p>
          <Trans
            i18nKey="sync.moveForm.question"
            values={{ name, from: fromAlias === null ? item.collectionId : t('sync.moveForm.fromNamed', { alias: fromAlias, id: item.collectionId }), fromServer, to: chosen.alias, toServer: here.server }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || chosen === null}>
          {t('sync.moveForm.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
