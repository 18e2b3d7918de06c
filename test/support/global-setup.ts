/** Placeholder: replaced by the test-database setup (embedded PostgreSQL or TEST_DATABASE_URL). */
export default async function setup(): Promise<void> {}
