import { useEffect } from 'react';
import { useAppStore } from '../../store/store-context.js';
import { WebcamPanel } from '../webcam/WebcamPanel.js';
import { CollectionPicker } from './CollectionPicker.js';
import { FolderImport } from './FolderImport.js';

/** The Enroll work area: the target collection, then a folder import or one person at the webcam. */
export function EnrollScreen() {
  const loadEnrollSetup = useAppStore((s) => s.loadEnrollSetup);
  useEffect(() => {
    void loadEnrollSetup();
  }, [loadEnrollSetup]);

  return (
    <section className="enroll" aria-label="Enroll">
      <h2>Enroll</h2>
      <CollectionPicker />
      <FolderImport />
      <WebcamPanel />
    </section>
  );
}
