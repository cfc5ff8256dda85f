export { recordAudit, type AuditEntry } from './audit.service.js';
export type { AuditLogTable } from './audit.table.js';
