import { expect, type Page } from '@playwright/test';

/** What the screen says about the link and the queue (read in several steps: the check polls until they agree). */
interface ScreenFacts {
  readonly badge: string | null;
  /** The "as of" / "Offline: …" notes under lists, and the Sync screen's own offline note. */
  readonly notes: readonly string[];
  /** Notices that tell the operator an enrollment still waits on this desk. */
  readonly queuedNotices: readonly string[];
  /** On the Sync screen: its connection fact and its count tiles ("Pending: 3"). */
  readonly syncConnection: string | null;
  readonly tiles: readonly string[];
}

const QUEUED_WORDING = /Saved on this desk|will be sent when the server is reachable|waiting to sync/i;

async function readScreen(page: Page): Promise<ScreenFacts> {
  const texts = async (selector: string) => (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  const sync = page.locator('section.sync');
  const [badge = null] = await texts('header .sync-badge');
  const [syncConnection = null] = (await sync.locator('.sync-link').allTextContents()).map((t) => t.trim());
  const tiles = await Promise.all((await sync.locator('.sync-tile').all()).map(async (t) => (await t.getAttribute('aria-label')) ?? ''));
  return {
    badge,
    notes: await texts('.freshness'),
    queuedNotices: (await texts('[role="status"]')).filter((t) => QUEUED_WORDING.test(t)),
    syncConnection,
    tiles,
  };
}

interface Badge {
  readonly label: string;
  readonly waiting: number;
  readonly attention: number;
}

function parseBadge(text: string): Badge {
  const match = /^(Online|Offline|Checking|Sync paused) — (all sent|([\d,]+) waiting)(?:, ([\d,]+) needs? attention)?$/.exec(text);
  if (match === null) throw new Error(`The header badge reads "${text}", which says nothing clear about the link and the queue`);
  const count = (n: string | undefined) => Number((n ?? '0').replaceAll(',', ''));
  return { label: match[1] ?? '', waiting: count(match[3]), attention: count(match[4]) };
}

const tileCount = (tiles: readonly string[], label: string): number | null => {
  const tile = tiles.find((t) => t.startsWith(`${label}: `));
  return tile === undefined ? null : Number(tile.slice(label.length + 2));
};

/** Every way the header, the page's notes and the Sync screen can contradict each other, in words. */
export function disagreements(facts: ScreenFacts): string[] {
  if (facts.badge === null) return [];
  const badge = parseBadge(facts.badge);
  const out: string[] = [];
  const paused = badge.label === 'Sync paused';
  for (const note of facts.notes) {
    const offlineNote = /^Offline:|cannot be reached/.test(note);
    if (offlineNote && badge.label !== 'Offline' && !paused) out.push(`the page says "${note}" while the header says "${facts.badge}"`);
    if (!offlineNote && badge.label === 'Offline') out.push(`the page says "${note}" (online) while the header says "${facts.badge}"`);
  }
  for (const notice of facts.queuedNotices) {
    if (badge.waiting === 0 && badge.attention === 0 && !paused) out.push(`the page says "${notice}" while the header says "${facts.badge}"`);
  }
  if (facts.syncConnection !== null && !paused && facts.syncConnection !== badge.label) {
    out.push(`the Sync screen says "${facts.syncConnection}" while the header says "${facts.badge}"`);
  }
  const pending = tileCount(facts.tiles, 'Pending');
  if (pending !== null && pending !== badge.waiting) out.push(`the Sync screen counts ${pending} pending while the header says "${facts.badge}"`);
  const quarantined = tileCount(facts.tiles, 'Quarantined');
  if (quarantined !== null && !paused && quarantined !== badge.attention) {
    out.push(`the Sync screen counts ${quarantined} quarantined while the header says "${facts.badge}"`);
  }
  return out;
}

/**
 * The header badge, the page's banners and notes, and (when it is open) the Sync screen tell
 * one story about the link and the queue. Live updates may be on their way, so it polls
 * briefly; a contradiction that lasts is a failure. Signed out (no badge), there is nothing to compare.
 */
export async function expectOneState(page: Page): Promise<void> {
  // The wording it compares is the English catalogue's: a spec in another language checks its own words.
  if ((await page.locator('html').getAttribute('lang')) !== 'en') return;
  await expect(async () => {
    expect(disagreements(await readScreen(page))).toEqual([]);
  }, 'header, page and Sync screen agree about the link and the queue').toPass({ timeout: 10_000 });
}

/** expectOneState here, then again on the Sync screen (opened from the header badge). */
export async function expectOneStateWithSync(page: Page): Promise<void> {
  await expectOneState(page);
  const badge = page.getByRole('banner').locator('.sync-badge');
  // Signed out there is no badge; an open dialog keeps the operator (and this check) where they are.
  if (!(await badge.isVisible()) || (await page.locator('[role="dialog"], [role="alertdialog"]').count()) > 0) return;
  await badge.click();
  await expect(page.getByRole('region', { name: 'Sync' })).toBeVisible();
  await expectOneState(page);
}
