/** The contact policy: may this person be contacted on this channel at this time, and if not, why. */

export {
  instantAtWallClock,
  isoWeekday,
  type LocalDate,
  localDateAt,
  type WallClock,
  wallClockAt,
} from "../../../platform/zoned-time.js";
export { nextAllowedMoment, SEARCH_HORIZON_DAYS, timeRefusal } from "./allowed-hours.js";
export {
  CHANNELS,
  type Channel,
  type ContactEvent,
  type ContactProposal,
  type DebtorContactContext,
  HOLD_REASONS,
  type HoldReason,
  LIVE_CHANNELS,
  type PolicyDecision,
} from "./contact.js";
export { evaluateContact } from "./evaluate-contact.js";
export {
  type ChannelHours,
  type ContactCap,
  type ContactPolicy,
  type ConversationCooldown,
  type HourWindow,
  type LooseningRecord,
  mergeWeeks,
  WEEKDAYS,
  type Weekday,
  type WeeklyHours,
  weekly,
} from "./policy.js";
export { ITALY, PRESETS, presetFor, UK, US } from "./presets.js";
export { publicHolidayOn } from "./public-holidays.js";
export {
  type LooseningApproval,
  looseningsOf,
  PolicyLooseningError,
  type PolicyOverrides,
  type TightenResult,
  tighten,
} from "./tighten.js";
