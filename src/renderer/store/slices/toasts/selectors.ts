import type { Toast, ToastsState } from './state.js';

export const selectToasts = (s: ToastsState): readonly Toast[] => s.toasts;
