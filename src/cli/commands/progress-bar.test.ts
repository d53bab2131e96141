import { describe, expect, it } from 'vitest';
import { paceText } from './progress-bar.js';

describe('the CLI progress pace', () => {
  it('names what the phase counts and the time left', () => {
    expect(paceText('processing', { perSecond: 4.24, remainingMs: 35_400 })).toBe('4.2 photos/s, about 35 seconds left');
    expect(paceText('sending', { perSecond: 12.6, remainingMs: 125_000 })).toBe('13 items/s, about 2 minutes left');
  });

  it('shows nothing before there is a pace, and no time left once done', () => {
    expect(paceText('processing', null)).toBe('');
    expect(paceText('queueing', { perSecond: 300, remainingMs: 0 })).toBe('300 persons/s');
  });
});
