export { AgentsService } from './agents.service.js';
export { agentsRoutes } from './agents.routes.js';
export { agentNameSql, agentNames, ensureAgents, authorNameSql, type NamedAgent } from './agent-names.js';
export type { AgentKind, AgentsTable } from './agents.table.js';
export { findAgentInDirectory } from './agents.repository.js';
