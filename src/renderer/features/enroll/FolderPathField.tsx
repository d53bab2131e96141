import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.js';
import { useAppStore } from '../../store/store-context.js';

/**
 * Where the photos are: "Choose folder…" opens the OS dialog in the desktop app; the path
 * field (with "~" and suggestions of subfolders from main) works everywhere.
 */
export function FolderPathField() {
  const folderPath = useAppStore((s) => s.folderPath);
  const setFolderPath = useAppStore((s) => s.setFolderPath);
  const suggestions = useAppStore((s) => s.folderSuggestions);
  const suggest = useAppStore((s) => s.suggestFolders);
  const chooseFolder = useAppStore((s) => s.chooseFolder);
  const hasDialog = useAppStore((s) => s.appInfo?.folderDialog === true);
  const listId = useId();
  const { t } = useTranslation();

  useEffect(() => {
    if (folderPath.trim() === '') return undefined;
    const timer = setTimeout(() => void suggest(folderPath), 150);
    return () => clearTimeout(timer);
  }, [folderPath, suggest]);

  return (
    <div className="folder-path">
      <TextField id="import-folder" label={t('enroll.folder.path')} value={folderPath} onChange={setFolderPath} placeholder={t('enroll.folder.pathPlaceholder')} list={listId} />
      <datalist id={listId}>
        {suggestions.map((folder) => (
          <option key={folder} value={folder} />
        ))}
      </datalist>
      {hasDialog && (
        <button type="button" className="button button--secondary folder-path__choose" onClick={() => void chooseFolder()}>
          {t('enroll.folder.choose')}
        </button>
      )}
    </div>
  );
}
