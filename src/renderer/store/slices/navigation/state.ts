/** The signed-in work areas, in the order the nav bar shows them. */
export const workAreas = [{ id: 'collections' }, { id: 'import' }, { id: 'sync' }, { id: 'audit' }, { id: 'settings' }] as const;

export type WorkArea = (typeof workAreas)[number]['id'];

export interface NavigationState {
  readonly area: WorkArea;
}

export interface NavigationActions {
  navigate(area: WorkArea): void;
}

export type NavigationSlice = NavigationState & NavigationActions;

export const initialNavigationState: NavigationState = { area: 'collections' };
