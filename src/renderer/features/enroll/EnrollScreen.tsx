import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading.js';
import { useAppStore } from '../../store/store-context.js';
import { WebcamPanel } from '../webcam/WebcamPanel.js';
import { CollectionPicker } from './CollectionPicker.js';
import { FolderImport } from './FolderImport.js';
import { carriesFiles, dropOf } from './read-drop.js';

const TABS = ['folder', 'webcam'] as const;
type EnrollTab = (typeof TABS)[number];

/** The Enroll work area: the target collection, then tabs for a folder import or one person at the webcam (each fits a desk screen). */
export function EnrollScreen() {
  const loadEnrollSetup = useAppStore((s) => s.loadEnrollSetup);
  const dropOnEnroll = useAppStore((s) => s.dropOnEnroll);
  const [tab, setTab] = useState<EnrollTab>('folder');
  const [dragging, setDragging] = useState(false);
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

  // Files or a folder dropped anywhere on the screen are imported from the folder tab.
  const onDragOver = (e: DragEvent) => {
    if (!carriesFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    setDragging(false);
    if (!carriesFiles(e.dataTransfer)) return;
    e.preventDefault();
    setTab('folder');
    void dropOnEnroll(dropOf(e.dataTransfer));
  };
  const onDragLeave = (e: DragEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  };

  return (
    <section className={dragging ? 'enroll page enroll--dropping' : 'enroll page'} aria-labelledby="enroll-title" onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      {dragging && (
        <p className="enroll__drop-overlay" aria-hidden="true">
          {t('enroll.drop.overlay')}
        </p>
      )}
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
