/** A finished action, told once in the live region (e.g. "Collection “x” created."). */
export interface Toast {
  readonly id: number;
  readonly text: string;
}

export interface ToastsState {
  readonly toasts: readonly Toast[];
}

export interface ToastsActions {
  /** Shows the text; it goes by itself after TOAST_MS or when dismissed. */
  showToast(text: string): void;
  dismissToast(id: number): void;
}

export type ToastsSlice = ToastsState & ToastsActions;

/** Long enough to read a sentence twice. */
export const TOAST_MS = 8000;
/** Older ones give way: the region never grows into a pile. */
export const MAX_TOASTS = 3;

export const initialToastsState: ToastsState = { toasts: [] };
