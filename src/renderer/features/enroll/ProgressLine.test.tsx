import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.js';
import { ProgressView } from './ProgressLine.js';

const processing = { scanId: 's', phase: 'processing', done: 120, total: 1000 } as const;
const label = 'Dry run progress';
const pace = { perSecond: 4.25, remainingMs: 207_000 };
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('the import progress line', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('shows photos per second and the time left', async () => {
    await i18n.changeLanguage('en');
    expect(text(renderToStaticMarkup(<ProgressView label={label} progress={processing} pace={pace} />))).toContain('4.3 photos/s, about 3 min left');
  });

  it('says it in Russian with Russian numbers', async () => {
    await i18n.changeLanguage('ru');
    const shown = text(renderToStaticMarkup(<ProgressView label={label} progress={processing} pace={{ perSecond: 12.4, remainingMs: 40_000 }} />));
    expect(shown).toContain('12 фото/с, осталось около 40 с');
  });

  it('shows no pace until there is one, nor while files are still being found', async () => {
    await i18n.changeLanguage('en');
    expect(text(renderToStaticMarkup(<ProgressView label={label} progress={processing} pace={null} />))).not.toContain('photos/s');
    expect(text(renderToStaticMarkup(<ProgressView label={label} progress={{ scanId: 's', phase: 'scanning', done: 5, total: 0 }} pace={pace} />))).not.toContain('/s');
  });
});
