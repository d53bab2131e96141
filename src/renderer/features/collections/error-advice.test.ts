import { describe, expect, it } from 'vitest';
import { adviceFor } from './error-advice.js';

describe('adviceFor', () => {
  it('explains Oz error codes and keeps the server words', () => {
    const advice = adviceFor({ code: 'OZ_API', message: 'person has related analyses', details: { errorCode: 4, errorMessage: 'person has related analyses' } });
    expect(advice.code).toBe('Code for IT: 4');
    expect(advice.text).toContain('refused a value');
    expect(advice.text).toContain('person has related analyses');
    expect(adviceFor({ code: 'OZ_API', message: 'x', details: { errorCode: 9 } }).next).toMatch(/administrator/);
    expect(adviceFor({ code: 'OZ_API', message: 'x', details: { errorCode: 99 } }).code).toBe('Code for IT: 99');
  });

  it('tells what to do for the desk own codes', () => {
    expect(adviceFor({ code: 'NETWORK', message: 'connection refused' }).next).toMatch(/network/);
    expect(adviceFor({ code: 'NOT_SIGNED_IN', message: 'Sign in first.' }).next).toBe('Sign in again.');
  });

  it('says what is true about a photo already enrolled, and what to do', () => {
    const still = adviceFor({ code: 'CONFLICT', message: 'Photo 1 is already enrolled', details: { reason: 'already_enrolled', personId: 'p1' } });
    expect(still.next).toMatch(/delete the person to enroll them again/);
    const unconfirmed = adviceFor({ code: 'CONFLICT', message: 'Photo 1 was enrolled', details: { reason: 'already_enrolled_unconfirmed', personId: 'p1' } });
    expect(unconfirmed.next).toMatch(/once the desk is online/);
    expect(adviceFor({ code: 'CONFLICT', message: 'changed' }).next).toMatch(/refresh/);
  });
});
