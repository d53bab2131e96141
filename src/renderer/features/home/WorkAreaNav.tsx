import { useTranslation } from 'react-i18next';
import { selectArea } from '../../store/slices/navigation/selectors.js';
import { workAreas } from '../../store/slices/navigation/state.js';
import { useAppStore } from '../../store/store-context.js';

/** The signed-in work areas as a keyboard-reachable nav bar (buttons, current one marked). */
export function WorkAreaNav() {
  const area = useAppStore(selectArea);
  const navigate = useAppStore((s) => s.navigate);
  const { t } = useTranslation();
  return (
    <nav className="work-nav" aria-label={t('nav.name')}>
      {workAreas.map((a) => (
        <button
          key={a.id}
          type="button"
          className="work-nav__item"
          aria-current={area === a.id ? 'page' : undefined}
          onClick={() => navigate(a.id)}
        >
          {t(`nav.${a.id}`)}
        </button>
      ))}
    </nav>
  );
}
