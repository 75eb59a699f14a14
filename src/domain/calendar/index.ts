/** Working days and the Vietnamese lunar calendar (pure; no host imports). */
export { isWorkingDay, addWorkingDays, addCalendarDays, dueDate, daysOffOf, type YearDaysOff } from "./workingDays";
export { lunarToSolar, solarToLunar, lunarNewYear, VIETNAM_TIME_ZONE, type LunarDate } from "./lunar";
export { computedDaysOff, HOLIDAY_RULES, TET_DAYS, type DayOff, type HolidayRule } from "./computedDaysOff";
export { OFFICIAL_DAYS_OFF, officialYear, type OfficialYear, type DayOrRange } from "./officialDaysOff";
export { isIsoDate, parseIsoDate, formatVietnameseDate } from "./isoDate";
