import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { useAppStore } from '../../store/store-context.js';
import { WebcamPanel } from '../webcam/WebcamPanel.js';
import { CollectionPicker } from './CollectionPicker.js';
import { FolderImport } from './FolderImport.js';

const TABS = ['folder', 'webcam'] as const;
type EnrollTab = (typeof TABS)[number];

/** The Enroll work area: the target collection, then tabs for a folder import or one person at the webcam (each fits a desk screen). */
export function EnrollScreen() {
  const loadEnrollSetup = useAppStore((s) => s.loadEnrollSetup);
  const [tab, setTab] = useState<EnrollTab>('folder');
  const tabRefs = useRef<Partial<Record<EnrollTab, HTMLButtonElement | null>>>({});
  const { t } = useTranslation();
  useEffect(() => {
    void loadEnrollSetup();
  }, [loadEnrollSetup]);

  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? 'folder';
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <section className="enroll page" aria-labelledby="enroll-title">
      <div className="enroll__head">
        <ScreenHeading>
          <span id="enroll-title">{t('enroll.title')}</span>
        </ScreenHeading>
        <CollectionPicker />
      </div>
      <div className="tabs" role="tablist" aria-label={t('enroll.tabsName')} onKeyDown={onKeyDown}>
        {TABS.map((id) => (
          <button
            key={id}
            ref={(el) => {
              tabRefs.current[id] = el;
            }}
            type="button"
            role="tab"
            id={`enroll-tab-${id}`}
            className="tabs__tab"
            aria-selected={tab === id}
            aria-controls={`enroll-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {t(`enroll.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`enroll-panel-${tab}`} aria-labelledby={`enroll-tab-${tab}`} className="tabs__panel">
        {tab === 'folder' ? <FolderImport /> : <WebcamPanel />}
      </div>
    </section>
  );
}
