import type { UserRow, UserType } from '../store/users-repo.js';

// The authenticated caller of one request.
export interface Principal {
  readonly userId: string;
  readonly email: string;
  readonly userType: UserType;
  readonly companyId: string | null;
  readonly isAdmin: boolean;
}

export const principalOf = (row: UserRow): Principal => ({
  userId: row.user_id,
  email: row.email,
  userType: row.user_type,
  companyId: row.company_id,
  isAdmin: row.is_admin === 1,
});

export const userJson = (p: Principal): Record<string, unknown> => ({
  user_id: p.userId,
  email: p.email,
  user_type: p.userType,
  company_id: p.companyId,
  is_admin: p.isAdmin,
});
