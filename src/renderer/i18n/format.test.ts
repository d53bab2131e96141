import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormatters } from './format.js';

describe('createFormatters', () => {
  it('writes numbers, percentages and sizes the way each locale does', () => {
    const en = createFormatters('en');
    const ru = createFormatters('ru');
    expect(en.number(12345)).toBe('12,345');
    expect(ru.number(12345)).toMatch(/^12\s345$/);
    expect(en.percent(0.87)).toBe('87%');
    expect(en.bytes(512)).toBe('512 byte');
    expect(en.bytes(2048)).toBe('2 kB');
    expect(en.bytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
    expect(en.bytes(null)).toBe('—');
  });

  it('has one date format: medium date with short time, in the locale', () => {
    const at = Date.UTC(2026, 11, 1, 21, 38);
    const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    expect(createFormatters('en').dateTime(at)).toBe(expected);
    expect(createFormatters('en').dateTime(at)).toMatch(/^Dec 1, 2026/);
    expect(createFormatters('ru').dateTime(at)).toMatch(/1 дек\. 2026/);
    expect(createFormatters('en').dateTime(null)).toBe('—');
  });

  it('never throws on any size and always names a unit', () => {
    const f = createFormatters('ru');
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(f.bytes(n)).toMatch(/^\d[\d\s,]*\s?\D+$/u);
      }),
    );
  });
});
