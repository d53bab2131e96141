import { useEffect } from 'react';
import type { CheckPersonInput } from '../../../shared/domain/enroll.js';
import type { PersonCheckForm } from '../../store/slices/person-check/state.js';
import { useAppStore } from '../../store/store-context.js';

/** Typing settles before Oz is asked: one check per person, not one per keystroke. */
const SETTLE_MS = 400;

/**
 * Runs the 1:N check as soon as the person is complete (named, photos ready, consent given),
 * so its verdict is on screen before "Enroll" and the press never waits on Oz. `input` is null
 * while something is missing, and a new object whenever the person changes.
 */
export function usePersonPreCheck(form: PersonCheckForm, input: CheckPersonInput | null): void {
  const preCheck = useAppStore((s) => s.preCheckPerson);
  useEffect(() => {
    if (input === null) return undefined;
    const timer = setTimeout(() => preCheck(form, input), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [preCheck, form, input]);
}
