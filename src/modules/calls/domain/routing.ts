/**
 * Which agents may take a task: a skill the case needs (a hardship specialist,
 * a foreign language, business debtors), a team, or one named agent.
 */

export interface RoutingFacts {
  language: string;
  debtorKind: string;
  /** The debtor told us about hardship or vulnerability on this case. */
  hardship: boolean;
}

/** One skill per task, the most protective first: hardship before language before B2B. */
export function requiredSkill(facts: RoutingFacts): string | null {
  if (facts.hardship) return "hardship";
  const language = facts.language.toLowerCase().slice(0, 2);
  if (language && language !== "it") return `lang:${language}`;
  if (facts.debtorKind === "company") return "b2b";
  return null;
}

export interface AgentRouting {
  userId: string;
  team: string;
  skills: readonly string[];
}

export interface TaskRouting {
  team: string | null;
  skill: string | null;
  assignedUserId: string | null;
}

/** The same rule the next-case query applies in SQL, for views and tests. */
export function agentMayTake(agent: AgentRouting, task: TaskRouting): boolean {
  if (task.assignedUserId !== null) return task.assignedUserId === agent.userId;
  if (task.team !== null && task.team !== agent.team) return false;
  return task.skill === null || agent.skills.includes(task.skill);
}

export const SKILL_PATTERN = /^(hardship|b2b|lang:[a-z]{2})$/;
