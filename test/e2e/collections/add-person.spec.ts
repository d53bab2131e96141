import { expect, test } from '../fixtures.js';
import { faceFiles, openCollection, screenshots, signIn } from './helpers.js';

test('adds a person with a name and two photos, then shows thumbnails and tags', async ({ page, sandbox }) => {
  await signIn(page, sandbox);
  await openCollection(page, 'demo-watchlist');
  await page.screenshot({ path: `${screenshots}/persons-empty.png`, fullPage: true });
  await page.getByRole('button', { name: 'Add person' }).click();

  await page.getByLabel('First name').fill('Ada');
  await page.getByLabel('Middle name').fill('King');
  await page.getByLabel('Last name').fill('Lovelace');
  await page.getByLabel('Photos (JPEG or PNG)').setInputFiles(await faceFiles([0, 2]));
  const chosen = page.getByRole('list', { name: 'Chosen photos' });
  // Main checked each photo and suggested the orientation from its oriented size.
  await expect(chosen.getByText('after orienting')).toHaveCount(2);
  await expect(page.getByLabel('Orientation of face-1.jpg')).toHaveValue('orientation_portrait');
  await expect(chosen.getByRole('checkbox', { name: 'Selfie (face photo)' }).first()).toBeChecked();
  // Every enrollment records the person's consent, the form's too.
  await page.getByRole('checkbox', { name: /I confirm the person agreed/ }).check();
  await page.screenshot({ path: `${screenshots}/create-person.png`, fullPage: true });
  await page.getByRole('button', { name: 'Create person' }).click();

  // Saved on the desk first; the list shows the person once the queue has sent it, and the
  // "saved on this desk" notice goes by itself then.
  const row = page.getByRole('list', { name: 'Persons' }).getByRole('listitem').filter({ hasText: 'Ada King Lovelace' });
  await expect(row).toContainText('2 photos', { timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this desk' })).toHaveCount(0);
  await expect(row.getByRole('img', { name: 'Photo of Ada King Lovelace' })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/persons-list.png`, fullPage: true });

  await row.getByRole('button', { name: 'Ada King Lovelace' }).click();
  const detail = page.getByRole('article', { name: 'Person Ada King Lovelace' });
  await expect(detail).toBeVisible();
  const photos = page.getByRole('list', { name: 'Photos' }).getByRole('listitem', { name: /^Photo \d$/ });
  await expect(photos).toHaveCount(2);
  await expect(page.getByRole('img', { name: 'Stored photo 1' })).toHaveJSProperty('complete', true);
  // Tags in the form's words, never the raw API names.
  await expect(page.getByRole('list', { name: 'Tags of photo 1' })).toContainText('Selfie (face photo)');
  await expect(page.getByRole('list', { name: 'Tags of photo 2' })).toContainText('Portrait');
  await expect(detail).not.toContainText('photo_selfie');
  await expect(photos.first()).toContainText(/\d+ × \d+ px/);
  await page.screenshot({ path: `${screenshots}/person-detail.png`, fullPage: true });
  await page.getByRole('button', { name: '← Persons' }).click();

  // The name search finds the person from the desk's index.
  await page.getByLabel('Search by name').fill('lovel');
  await expect(page.getByText('1 found')).toBeVisible();
  await page.getByLabel('Search by name').fill('nobody');
  await expect(page.getByText('0 found')).toBeVisible();
});
