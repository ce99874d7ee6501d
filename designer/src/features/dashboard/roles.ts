/** Who sees the dashboard: those who oversee a unit's work (the server's `stats:read`). */
export const DASHBOARD_ROLES: readonly string[] = ['town-admin', 'village-admin', 'auditor', 'designer'];
