import { assertNever } from '../../shared/result.js';
import { forbidden } from '../errors.js';
import type { Principal } from './principal.js';

// ADMIN sees every company; a CLIENT sees only its own. Other companies' objects are
// reported as not existing (404, code 10) so their ids leak nothing.
export function canSeeCompany(p: Principal, companyId: string | null): boolean {
  switch (p.userType) {
    case 'ADMIN':
      return true;
    case 'CLIENT':
      return companyId !== null && p.companyId === companyId;
    default:
      return assertNever(p.userType);
  }
}

// Managing collections, persons and images (and deleting analyses) needs ADMIN or a
// CLIENT with is_admin; callers check visibility first.
export function assertManager(p: Principal, action: string): void {
  switch (p.userType) {
    case 'ADMIN':
      return;
    case 'CLIENT':
      if (p.isAdmin) return;
      throw forbidden(`user may not ${action}`);
    default:
      assertNever(p.userType);
  }
}

// Listing filter: null means all companies.
export const companyScope = (p: Principal): string | null =>
  p.userType === 'ADMIN' ? null : p.companyId;
