import type { ColumnType } from "kysely";

/** Column types shared by the table interfaces (see ../schema.ts). */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type DateString = ColumnType<string, string, string>;
export type Json<T = unknown> = ColumnType<T, string, string>;
/** Kysely's Generated<> cannot wrap a ColumnType, so defaulted custom columns are spelled out. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type DefaultJson<T> = ColumnType<T, string | undefined, string>;
