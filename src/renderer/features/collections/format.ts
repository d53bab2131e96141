import { t } from '../../i18n/index.js';

export function displayName(name: { readonly first: string; readonly middle: string; readonly last: string }): string {
  const full = [name.first, name.middle, name.last].filter((p) => p !== '').join(' ');
  return full === '' ? t('common.noName') : full;
}
