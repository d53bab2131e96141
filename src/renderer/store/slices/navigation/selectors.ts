import type { NavigationState, WorkArea } from './state.js';

export const selectArea = (s: NavigationState): WorkArea => s.area;
