import type { PersonDetailState } from './state.js';

export const selectDetail = (s: PersonDetailState) => s.detail;
export const selectDetailBusy = (s: PersonDetailState) => s.detailBusy || s.detailLoading;
export const selectBlockingAnalyses = (s: PersonDetailState) => s.blockingAnalyses;
export const selectDetailOffline = (s: PersonDetailState): boolean => s.detail?.offline === true;
