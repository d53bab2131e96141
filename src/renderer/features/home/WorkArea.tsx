import { assertNever } from '../../../shared/result.js';
import { selectArea } from '../../store/slices/navigation/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { AuditScreen } from '../audit/AuditScreen.js';
import { CollectionsScreen } from '../collections/CollectionsScreen.js';
import { EnrollScreen } from '../enroll/EnrollScreen.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';
import { SyncScreen } from '../sync/SyncScreen.js';

/** The screen of the current work area. */
export function WorkArea() {
  const area = useAppStore(selectArea);
  switch (area) {
    case 'collections':
      return <CollectionsScreen />;
    case 'import':
      return <EnrollScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return assertNever(area);
  }
}
