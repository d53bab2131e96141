import { SET_BY_IT } from '../../../shared/domain/policy.js';

/** Shown beside a setting the machine's managed policy sets; `id` ties it to the control. */
export function LockedNote({ id }: { readonly id: string }) {
  return (
    <p id={id} className="locked-note">
      {SET_BY_IT}
    </p>
  );
}
