import { useEffect, useState } from 'react';
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
  const session = useAppStore((s) => s.session);
  const choices = useAppStore((s) => s.moveChoices);
  const load = useAppStore((s) => s.loadMoveChoices);
  const move = useAppStore((s) => s.retargetQueueItem);
  const [target, setTarget] = useState('');
  useEffect(() => {
    void load();
  }, [load]);
  if (session?.state !== 'signedIn') return <p role="status">Sign in to the server the enrollment should go to, then move it.</p>;
  const here = deskScopeOf(session.serverUrl, session.email, session.isLocalSandbox);
  const fromServer = item.scope?.server ?? 'no server yet';
  const toCurrentServer = !sameScope(item.scope, here);
  const options = (choices ?? []).filter((c) => toCurrentServer || c.collectionId !== item.collectionId);
  const chosen = options.find((c) => c.collectionId === target) ?? null;
  return (
    <form
      className="sync-confirm"
      aria-label={`Move ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== null) void move(item.id, chosen.collectionId, toCurrentServer).then((ok) => ok && onMoved());
      }}
    >
      <label>
        Move to collection
        <select value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">Choose a collection…</option>
          {options.map((c) => (
            <option key={c.collectionId} value={c.collectionId}>
              {c.alias}
            </option>
          ))}
        </select>
      </label>
      {chosen !== null && (
        <p>
          Move the enrollment of <strong>{name}</strong> from collection <strong>{item.collectionId}</strong> on <strong>{fromServer}</strong> to collection{' '}
          <strong>{chosen.alias}</strong> on <strong>{here.server}</strong>? It keeps its enrollment number and is sent there.
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || chosen === null}>
          Move
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
