// The one place the app turns an instant from the API into text. Every instant is shown in UK time with its zone
// name (GMT or BST), as the server computed it: the app never applies a time-zone rule of its own to a server time.
//
// The platform's single shape is {"utc": "...Z", "london": "2026-07-01T10:00:00+01:00", "zone": "BST"}
// (Support.ServiceDefaults.Time.LondonTime). Until every service has moved to it, older shapes are tolerated:
//   {"utc", "london": "2026-12-04 23:33 +00:00"}   (Referrals deadlines)
//   {"utc", "local", "localZone"?}                  (Missing, LeavingCare UkInstant)
//   "2026-12-03T23:33:14+00:00" (+ a sibling "xxxLondon" string) (plain instants)
// A plain instant with no London text is formatted with the browser's Europe/London zone data as a last resort.

export type LondonTime = { utc: string; london: string; zone: string };
type Legacy = { utc: string; london?: string; local?: string; localZone?: string; zone?: string };
export type Instant = LondonTime | Legacy | string | null | undefined;

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
// "2026-07-01T10:00:00+01:00", "2026-07-01 10:00:00 +01:00", "2026-12-04 23:33 +00:00"
const wallClock = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function zoneFromOffset(offset: string | undefined): string {
  if (!offset || offset === "Z" || /^[+-]00:?00$/.test(offset)) return "GMT";
  if (/^\+01:?00$/.test(offset)) return "BST";
  return offset;
}

function fromWallClock(text: string, zone?: string): FormattedInstant | null {
  const m = wallClock.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, , offset] = m;
  const weekday = days[new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDay()];
  return {
    text: `${weekday} ${+d} ${months[+mo - 1]} ${y}, ${h}:${mi} ${zone ?? zoneFromOffset(offset)}`,
    date: `${y}-${mo}-${d}`,
  };
}

const londonParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
  hourCycle: "h23", timeZoneName: "short",
});

function fromUtc(utc: string): FormattedInstant | null {
  const instant = new Date(utc);
  if (Number.isNaN(instant.getTime())) return null;
  const part = (type: string) => londonParts.formatToParts(instant).find((p) => p.type === type)?.value ?? "";
  const zone = part("timeZoneName") === "GMT" ? "GMT" : part("timeZoneName").replace("GMT+1", "BST");
  return fromWallClock(`${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`, zone);
}

export type FormattedInstant = { text: string; date: string };

/** Turns any instant the API returns into "Thu 4 Dec 2026, 23:33 GMT", plus its London date (yyyy-MM-dd). */
export function formatInstant(value: Instant, londonText?: string | null): FormattedInstant | null {
  if (value == null) return null;
  if (typeof value === "string") {
    return (londonText ? fromWallClock(londonText) : null) ?? fromUtc(value);
  }
  const shape = value as Legacy;
  const london = shape.london ?? shape.local;
  const zone = shape.zone ?? shape.localZone;
  return (london ? fromWallClock(london, zone) : null) ?? fromUtc(value.utc);
}

/** The UTC instant behind any shape, for ordering and for the machine-readable datetime attribute. */
export function utcOf(value: Instant): string | null {
  if (value == null) return null;
  return typeof value === "string" ? value : value.utc;
}

/** A London date (yyyy-MM-dd) as "Thu 4 Dec 2026"; dates need no zone. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const weekday = days[new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay()];
  return `${weekday} ${+m[3]} ${months[+m[2] - 1]} ${m[1]}`;
}

/** Today's date in London as `yyyy-MM-dd`, the value a date input takes (a day's default in forms). */
export function londonToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}
