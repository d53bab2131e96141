import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { faceJpegs, uniqueWideFace } from '../../fixtures/corpus.js';
import { createPerson, sandboxApi } from '../collections/helpers.js';
import { expect, test } from '../fixtures.js';
import { deskWords, type DeskLanguage } from './desk-words.js';

const DESK_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** axe on the screen as it is, then the screen at both desk sizes, attached to the report. */
async function record(page: Page, testInfo: TestInfo, a11y: (state: string) => Promise<void>, name: string): Promise<void> {
  await a11y(name);
  for (const size of DESK_SIZES) {
    await page.setViewportSize(size);
    await testInfo.attach(`${name}-${size.width}x${size.height}.png`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  }
  await page.setViewportSize(DESK_SIZES[0]);
}

/** Nothing wider than the window: the page grid holds at a desk screen's width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const fits = await page.evaluate(() => {
    const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
    return g.document.documentElement.scrollWidth <= g.innerWidth;
  });
  expect(fits).toBe(true);
}

for (const [language, locale] of [
  ['en', 'en-US'],
  ['ru', 'ru-RU'],
] as const satisfies readonly (readonly [DeskLanguage, string])[]) {
  test.describe(`every screen in ${language}`, () => {
    test.use({ deskLocale: locale, viewport: DESK_SIZES[0] });
    // Two persons with two photos each, for the dry-run report.
    const folder = mkdtempSync(path.join(os.tmpdir(), 'enroll-desk-e2e-tour-'));
    test.beforeAll(async () => {
      for (const [person, seeds] of [['Ada Lovelace', [91, 92]], ['Alan Turing', [93, 94]]] as const) {
        mkdirSync(path.join(folder, person));
        for (const seed of seeds) writeFileSync(path.join(folder, person, `${seed}.jpg`), await (await uniqueWideFace(seed)).jpeg().toBuffer());
      }
    });
    test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

    test(`tour of the desk (${language}): one h1, no axe finding, focus on each new screen`, async ({ page, sandbox, a11y }, testInfo) => {
      test.slow();
      const t = deskWords(language);
      const api = await sandboxApi(sandbox);
      const collectionId = (await api.get('/api/collections/')).body.items[0].collection_id as string;
      await createPerson(api, collectionId, 'Grace', 'Hopper', (await faceJpegs())[0] as Buffer);

      // The OS language picks the desk's language until the operator chooses one.
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeFocused();
      await record(page, testInfo, a11y, 'sign-in');

      await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
      await expect(page.getByLabel(t('signIn.password'))).toHaveAccessibleDescription(t('signIn.problem.passwordMissing'));
      await record(page, testInfo, a11y, 'sign-in-errors');

      await page.getByLabel(t('signIn.serverUrl')).fill(sandbox.url.replace(/^http:\/\//, ''));
      await page.getByLabel(t('signIn.email')).fill(sandbox.email);
      await page.getByLabel(t('signIn.password')).fill(sandbox.password);
      await page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('collections.title') })).toBeFocused();
      await expectNoSidewaysScroll(page);
      await record(page, testInfo, a11y, 'collections');

      await page.getByRole('button', { name: t('collections.form.create') }).click();
      await expect(page.getByLabel(t('collections.alias'))).toHaveAccessibleDescription(t('collections.form.aliasMissing'));
      await record(page, testInfo, a11y, 'collections-form-errors');

      await page.getByRole('button', { name: t('collections.openNamed', { alias: 'demo-watchlist' }) }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('persons.title', { alias: 'demo-watchlist' }) })).toBeFocused();
      await expect(page.getByRole('button', { name: 'Grace Hopper' })).toBeVisible();
      await record(page, testInfo, a11y, 'persons');

      await page.getByLabel(t('persons.search')).fill('zzz');
      await expect(page.getByRole('note')).toContainText(t('persons.noMatch.title', { query: 'zzz' }));
      await record(page, testInfo, a11y, 'persons-no-match');
      await page.getByLabel(t('persons.search')).fill('');

      await page.getByRole('button', { name: 'Grace Hopper' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeFocused();
      await expect(page.getByRole('list', { name: t('person.tagsOf', { photo: t('person.photoN', { n: 1 }) }) })).toContainText(t('tags.photo_selfie'));
      await page.getByRole('button', { name: t('person.delete') }).click();
      await expect(page.getByRole('button', { name: t('common.cancel') })).toBeFocused();
      await record(page, testInfo, a11y, 'person-delete-confirm');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alertdialog')).toHaveCount(0);
      await record(page, testInfo, a11y, 'person');

      await page.getByRole('button', { name: t('person.back') }).click();
      await page.getByRole('button', { name: t('persons.add') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('createPerson.title', { alias: 'demo-watchlist' }) })).toBeFocused();
      await page.getByRole('button', { name: t('createPerson.submit') }).click();
      await record(page, testInfo, a11y, 'create-person-errors');

      const nav = page.getByRole('navigation', { name: t('nav.name') });
      await nav.getByRole('button', { name: t('nav.import') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('enroll.title') })).toBeFocused();
      await record(page, testInfo, a11y, 'enroll-folder');
      await page.getByLabel(t('enroll.folder.path')).fill(folder);
      await page.getByRole('button', { name: t('enroll.folder.scan') }).click();
      await expect(page.getByRole('list', { name: t('enroll.dryRun.summary') })).toContainText(t('enroll.dryRun.persons', { count: 2 }));
      await record(page, testInfo, a11y, 'enroll-dry-run');
      await page.getByRole('tab', { name: t('enroll.tab.webcam') }).click();
      await expect(page.getByRole('button', { name: t('webcam.start') })).toBeVisible();
      // On a 1366×768 desk screen the camera, the capture and the enroll button show without scrolling.
      for (const control of [t('webcam.start'), t('webcam.capture'), t('webcam.enroll')]) {
        await expect(page.getByRole('button', { name: control, exact: true })).toBeInViewport();
      }
      await record(page, testInfo, a11y, 'enroll-webcam');

      await nav.getByRole('button', { name: t('nav.sync') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('sync.title') })).toBeFocused();
      await record(page, testInfo, a11y, 'sync');

      await nav.getByRole('button', { name: t('nav.audit') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('audit.title') })).toBeFocused();
      await record(page, testInfo, a11y, 'audit');

      await nav.getByRole('button', { name: t('nav.settings') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('settings.title') })).toBeFocused();
      await record(page, testInfo, a11y, 'settings');

      await page.getByRole('button', { name: t('shell.forgetDesk') }).click();
      await expect(page.getByRole('button', { name: t('common.cancel') })).toBeFocused();
      await record(page, testInfo, a11y, 'forget-desk');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: t('shell.signOut'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeFocused();
    });
  });
}
