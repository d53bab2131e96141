import { useCallback, useEffect, useRef, useState } from 'react';
import type { OzTag } from '../../../shared/domain/tags.js';
import { useAppStore } from '../../store/store-context.js';
import { readFileAsBase64, type ChosenPhoto } from './read-photo-file.js';

let nextKey = 0;

/** Chosen photos: read in the renderer, checked by main (`photos:prepare`), tags suggested from the oriented size. */
export function usePhotoPicker() {
  const prepare = useAppStore((s) => s.preparePhoto);
  const [photos, setPhotos] = useState<readonly ChosenPhoto[]>([]);
  const urls = useRef(new Set<string>());

  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const addFiles = useCallback(
    async (files: FileList | null) => {
      for (const file of Array.from(files ?? [])) {
        const key = `photo-${(nextKey += 1)}`;
        const base64 = await readFileAsBase64(file);
        const objectUrl = URL.createObjectURL(file);
        urls.current.add(objectUrl);
        setPhotos((list) => [...list, { key, fileName: file.name, base64, objectUrl, prepared: null, tags: ['photo_selfie'] }]);
        const prepared = await prepare(file.name, base64);
        setPhotos((list) => list.map((p) => (p.key === key ? { ...p, prepared, tags: prepared.ok ? [...prepared.suggestedTags] : p.tags } : p)));
      }
    },
    [prepare],
  );

  const setTags = useCallback((key: string, tags: readonly OzTag[]) => {
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, tags } : p)));
  }, []);

  const remove = useCallback((key: string) => {
    setPhotos((list) => {
      const gone = list.find((p) => p.key === key);
      if (gone) {
        URL.revokeObjectURL(gone.objectUrl);
        urls.current.delete(gone.objectUrl);
      }
      return list.filter((p) => p.key !== key);
    });
  }, []);

  const clear = useCallback(() => setPhotos([]), []);
  return { photos, addFiles, setTags, remove, clear };
}
