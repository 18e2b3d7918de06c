import type pg from "pg";

export interface AgentProfile {
  userId: string;
  name: string;
  team: string;
  skills: string[];
  state: "available" | "on_call" | "break" | "offline";
  stateSince: Date;
  extension: string | null;
}

/** A user who never set anything works the default team, with no skills, offline. */
export async function loadAgentProfile(
  client: pg.PoolClient | pg.Pool,
  userId: string,
): Promise<AgentProfile | null> {
  const { rows } = await client.query<{
    name: string;
    team: string | null;
    skills: string[] | null;
    state: AgentProfile["state"] | null;
    state_since: Date | null;
    created_at: Date;
    extension: string | null;
  }>(
    `select u.name, a.team, a.skills, a.state, a.state_since, u.created_at, a.extension
     from users u left join agents a on a.user_id = u.id where u.id = $1`,
    [userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    userId,
    name: row.name,
    team: row.team ?? "default",
    skills: row.skills ?? [],
    state: row.state ?? "offline",
    stateSince: row.state_since ?? row.created_at,
    extension: row.extension,
  };
}

export async function setAgentState(
  client: pg.PoolClient | pg.Pool,
  userId: string,
  state: AgentProfile["state"],
  now: Date,
): Promise<void> {
  await client.query(
    `insert into agents (user_id, state, state_since) values ($1, $2, $3)
     on conflict (user_id) do update set state = excluded.state,
       state_since = case when agents.state = excluded.state then agents.state_since else excluded.state_since end`,
    [userId, state, now],
  );
}

export async function saveAgentRouting(
  client: pg.PoolClient | pg.Pool,
  input: { userId: string; team: string; skills: string[]; extension: string | null },
): Promise<void> {
  await client.query(
    `insert into agents (user_id, team, skills, extension) values ($1, $2, $3, $4)
     on conflict (user_id) do update set team = excluded.team, skills = excluded.skills,
       extension = excluded.extension`,
    [input.userId, input.team, input.skills, input.extension],
  );
}
