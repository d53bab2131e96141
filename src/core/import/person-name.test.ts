import { describe, expect, it } from 'vitest';
import { parsePersonName } from './person-name.js';

describe('parsePersonName', () => {
  it.each([
    ['Smith, John', { first: 'John', middle: '', last: 'Smith' }],
    ['Smith, John Paul', { first: 'John', middle: 'Paul', last: 'Smith' }],
    ['  van der Berg ,  Anna   Maria  ', { first: 'Anna', middle: 'Maria', last: 'van der Berg' }],
    ['John Smith', { first: 'John', middle: '', last: 'Smith' }],
    ['John Ronald Reuel Tolkien', { first: 'John', middle: 'Ronald Reuel', last: 'Tolkien' }],
    ['Madonna', { first: 'Madonna', middle: '', last: '' }],
    ['Łukasz Żółć', { first: 'Łukasz', middle: '', last: 'Żółć' }],
    ['Ωμέγα, Σοφία', { first: 'Σοφία', middle: '', last: 'Ωμέγα' }],
    ['山田 太郎', { first: '山田', middle: '', last: '太郎' }],
    ['Nguyễn\tVăn  An', { first: 'Nguyễn', middle: 'Văn', last: 'An' }],
    ['Smith,', { first: '', middle: '', last: 'Smith' }],
  ])('%j', (folder, expected) => {
    expect(parsePersonName(folder)).toEqual(expected);
  });

  it('composes decomposed (macOS NFD) names so they compare equal', () => {
    const nfd = 'Jose\u0301 Garci\u0301a';
    expect(parsePersonName(nfd)).toEqual({ first: 'José', middle: '', last: 'García' });
    expect(parsePersonName(nfd)?.first).toBe('Jos\u00e9');
  });

  it('gives no name for blank folder names', () => {
    expect(parsePersonName('   ')).toBeNull();
    expect(parsePersonName(' , ')).toBeNull();
  });
});
