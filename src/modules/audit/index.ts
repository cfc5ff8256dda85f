export {
  AuditService,
  changedFields,
  recordAudit,
  SYSTEM_ACTOR,
  type AuditActor,
  type AuditEntry,
} from './audit.service.js';
export type { AuditLogTable } from './audit.table.js';
export { auditRoutes } from './audit.routes.js';
