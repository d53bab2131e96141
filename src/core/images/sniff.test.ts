import { describe, expect, it } from 'vitest';
import { heicHeader } from '../../../test/fixtures/corpus.js';
import { sniffFormat } from './sniff.js';

const b = (...bytes: number[]) => Buffer.from(bytes);

describe('sniffFormat', () => {
  it.each([
    ['jpeg', b(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ['png', b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)],
    ['webp', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')],
    ['gif', Buffer.from('GIF89a\x01\x00', 'latin1')],
    ['tiff', b(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0)],
    ['tiff', b(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8)],
    ['avif', heicHeader('avif', ['mif1', 'miaf'])],
  ])('recognises %s by content', (format, head) => {
    expect(sniffFormat(head)).toEqual({ kind: 'supported', format });
  });

  it.each([
    ['heic', heicHeader('heic', ['mif1', 'heic'])],
    ['heic', heicHeader('mif1', ['mif1', 'heix'])],
    ['svg', Buffer.from('\uFEFF  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['svg', Buffer.from('<svg width="1" height="1"/>')],
    ['bmp', Buffer.concat([Buffer.from('BM'), Buffer.alloc(20)])],
    ['pdf', Buffer.from('%PDF-1.4\n')],
    ['psd', Buffer.from('8BPS\x00\x01')],
  ])('names unsupported %s', (format, head) => {
    expect(sniffFormat(head)).toEqual({ kind: 'unsupported', format });
  });

  it.each([
    ['text', Buffer.from('hello world')],
    ['xml that is not svg', Buffer.from('<?xml version="1.0"?><note>hi</note>')],
    ['empty', Buffer.alloc(0)],
    ['zip', Buffer.from('PK\x03\x04rest', 'latin1')],
    ['mp4', heicHeader('isom', ['isom', 'mp41'])],
  ])('does not mistake %s for an image', (_label, head) => {
    expect(sniffFormat(head)).toEqual({ kind: 'unknown' });
  });
});
