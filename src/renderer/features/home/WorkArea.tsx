import { assertNever } from '../../../shared/result.js';
import { selectArea } from '../../store/slices/navigation/selectors.js';
import { useAppStore } from '../../store/store-context.js';
import { Placeholder } from './Placeholder.js';

/** The screen of the current work area. */
export function WorkArea() {
  const area = useAppStore(selectArea);
  switch (area) {
    case 'collections':
      return <Placeholder title="Collections" text="Collections and enrollments will appear here." />;
    case 'import':
      return <Placeholder title="Enroll" text="Folder import and webcam enrollment will appear here." />;
    case 'sync':
      return <Placeholder title="Sync" text="The offline queue will appear here." />;
    case 'audit':
      return <Placeholder title="Audit" text="The audit log will appear here." />;
    default:
      return assertNever(area);
  }
}
